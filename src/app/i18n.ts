// Builds the i18next instance from locales/<lang>/<namespace>.json, plus two pseudo-locales made
// from English for testing: one accented and about 35% longer, one right-to-left. Keys contain
// dots, so key separators are off; resources are bundled so the first render has every word.
import i18next, { type i18n as I18n, type Resource, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** Languages a learner can choose. Pseudo-locales are reachable only with ?lang= (and in development). */
export const SHIPPED_LANGUAGES = ['en', 'cy'] as const;
export const PSEUDO_LANGUAGES = ['en-XA', 'ar-XB'] as const;
/** Each language's name in that language, shown on the switcher whatever language is loaded. */
export const LANGUAGE_NAMES: Record<(typeof SHIPPED_LANGUAGES)[number], string> = { en: 'English', cy: 'Cymraeg' };
export type Language = (typeof SHIPPED_LANGUAGES)[number] | (typeof PSEUDO_LANGUAGES)[number];
const RTL_LANGUAGES = new Set(['ar-XB', 'ar', 'ur', 'he', 'fa']);
const STORAGE_KEY = 'heard.language';

// Each language's files load on demand, so a learner downloads only the language they read.
const localeLoaders = import.meta.glob<Record<string, string>>('../../locales/*/*.json', { import: 'default' });

const ACCENTS: Record<string, string> = {
  a: 'å',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Î',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/** Accents every letter outside {{placeholders}} and pads by about 35%, to catch hard-coded and clipped text. */
export function pseudoLong(text: string): string {
  const accented = text
    .split(/({{\w+}})/)
    .map((part) =>
      part.startsWith('{{') ? part : [...part].map((character) => ACCENTS[character] ?? character).join(''),
    )
    .join('');
  const padding = Math.ceil(text.length * 0.35);
  return `[${accented} ${'·'.repeat(Math.max(1, padding - 3))}]`;
}

/** Right-to-left embedding marks around English: layout must mirror with dir="rtl". */
export function pseudoRtl(text: string): string {
  return `\u202B${text}\u202C`;
}

const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

function pseudoNamespace(strings: Record<string, string>, transform: (text: string) => string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, text] of Object.entries(strings)) {
    result[key] = transform(text);
    // Every plural category a pseudo-locale's rules might ask for gets the "other" form.
    if (key.endsWith('_other')) {
      for (const form of PLURAL_FORMS) result[key.replace(/_other$/, `_${form}`)] ??= transform(text);
    }
  }
  return result;
}

/** Namespaces every page needs; the rest (each module, myths, terms) load when a page asks. */
export const CORE_NAMESPACES = ['ui', 'catalogue'];

/** One namespace of one language, fetched (or read from the offline cache) on demand. */
export async function loadNamespace(language: Language, namespace: string): Promise<Record<string, string>> {
  if (language === 'en-XA' || language === 'ar-XB') {
    return pseudoNamespace(await loadNamespace('en', namespace), language === 'en-XA' ? pseudoLong : pseudoRtl);
  }
  const load = localeLoaders[`../../locales/${language}/${namespace}.json`];
  if (!load) throw new Error(`No ${namespace} words for ${language}`);
  return load();
}

export async function loadCoreNamespaces(language: Language): Promise<ResourceLanguage> {
  const entries = await Promise.all(
    CORE_NAMESPACES.map(async (namespace) => [namespace, await loadNamespace(language, namespace)] as const),
  );
  return Object.fromEntries(entries);
}

/** Lets i18next fetch a namespace the first time a page uses it (react-i18next suspends meanwhile). */
const lazyBackend = {
  type: 'backend' as const,
  init() {},
  read(language: string, namespace: string, callback: (error: unknown, data: Record<string, string> | false) => void) {
    if (!isKnownLanguage(language)) {
      callback(new Error(`Unknown language ${language}`), false);
      return;
    }
    loadNamespace(language, namespace).then(
      (strings) => callback(null, strings),
      (error: unknown) => callback(error, false),
    );
  },
};

export function isKnownLanguage(language: unknown): language is Language {
  return [...SHIPPED_LANGUAGES, ...PSEUDO_LANGUAGES].includes(language as Language);
}

export function textDirection(language: string): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/**
 * ?lang= in the address wins (so a deep link opens in its language), then the learner's saved
 * choice, then the deploying organisation's default (English for the national course).
 */
export function initialLanguage(
  search: string,
  storage: Pick<Storage, 'getItem'> | undefined,
  fallback: Language = 'en',
): Language {
  const fromLink = new URLSearchParams(search).get('lang');
  if (isKnownLanguage(fromLink)) return fromLink;
  try {
    const saved = storage?.getItem(STORAGE_KEY);
    if (isKnownLanguage(saved) && (SHIPPED_LANGUAGES as readonly string[]).includes(saved)) return saved;
  } catch {
    // Storage blocked: use the default.
  }
  return fallback;
}

/** Switches language; i18next loads the core namespaces first, and pages load the rest as they need them. */
export async function switchLanguage(instance: I18n, language: Language): Promise<void> {
  await instance.changeLanguage(language);
}

/** An i18next instance that starts in `language`, whose words are already loaded in `resources`. */
export function createI18n(
  language: Language,
  resources: Resource,
  options: { document?: Document; storage?: Pick<Storage, 'setItem'> } = {},
): I18n {
  const instance = i18next.createInstance();
  const apply = (current: string) => {
    if (options.document) {
      options.document.documentElement.lang = current;
      options.document.documentElement.dir = textDirection(current);
    }
    try {
      if ((SHIPPED_LANGUAGES as readonly string[]).includes(current)) options.storage?.setItem(STORAGE_KEY, current);
    } catch {
      // The choice still applies for this visit.
    }
  };
  instance.on('languageChanged', apply);
  void instance
    .use(lazyBackend)
    .use(initReactI18next)
    .init({
      resources,
      partialBundledLanguages: true,
      ns: CORE_NAMESPACES,
      lng: language,
      fallbackLng: false,
      defaultNS: 'ui',
      keySeparator: false,
      nsSeparator: '::',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  apply(language);
  return instance;
}
