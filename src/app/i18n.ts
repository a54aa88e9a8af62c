// Builds the i18next instance from locales/<lang>/<namespace>.json. Keys contain dots,
// so key separators are off; resources are bundled so the first render has every word.
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const SHIPPED_LANGUAGES = ['en'] as const;
export type Language = (typeof SHIPPED_LANGUAGES)[number];

const localeFiles = import.meta.glob<Record<string, string>>('../../locales/*/*.json', {
  eager: true,
  import: 'default',
});

export function localeResources(): Resource {
  const resources: Resource = {};
  for (const [path, strings] of Object.entries(localeFiles)) {
    const [language, file] = path.split('/').slice(-2);
    const namespace = file.replace(/\.json$/, '');
    resources[language] = { ...resources[language], [namespace]: strings };
  }
  return resources;
}

export function createI18n(language: Language = 'en'): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: localeResources(),
    lng: language,
    fallbackLng: false,
    defaultNS: 'ui',
    keySeparator: false,
    nsSeparator: '::',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
