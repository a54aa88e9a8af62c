import { useEffect } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, SHIPPED_LANGUAGES, switchLanguage } from '../../app/i18n';

/** Keeps the interface language in step with ?lang= in the address, so deep links open in their language. */
export function useLanguageFromAddress() {
  const { i18n } = useTranslation();
  // The root route has validated it: an unknown language in the address is simply absent.
  const lang = useSearch({ from: '__root__', select: (search) => search.lang });
  useEffect(() => {
    if (lang && i18n.language !== lang) void switchLanguage(i18n, lang);
  }, [lang, i18n]);
}

/** Offers every other shipped language, each named in its own language, on every page. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const others = SHIPPED_LANGUAGES.filter((language) => language !== i18n.language);
  return (
    <ul className="language-switcher" aria-label={t('language.switcherLabel')}>
      {others.map((language) => (
        <li key={language}>
          <button
            type="button"
            className="button button--link language-switcher__button"
            lang={language}
            onClick={() => {
              void switchLanguage(i18n, language);
              void navigate({ to: '.', search: (previous) => ({ ...previous, lang: language }), replace: true });
            }}
          >
            {LANGUAGE_NAMES[language]}
          </button>
        </li>
      ))}
    </ul>
  );
}
