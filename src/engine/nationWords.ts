// Word variants by nation. A locale key `K` may have a Wales variant `K_wales` (rarely an England
// one, `K_england`) where the words differ; the shared `K` is what a learner in England reads. The
// app reads them through i18next's `context` option; these helpers do the same for the engine's
// word counts and the content checks, which work on plain word records.
import type { Nation } from './contentSchema';

export const NATIONS: readonly Nation[] = ['england', 'wales'];

/** i18next's default context separator: `t(K, { context: 'wales' })` looks up `K_wales`. */
export const variantKey = (key: string, nation: Nation): string => `${key}_${nation}`;

/** The nation and base key a variant key names, or undefined for a key that is not a variant. */
export function variantOf(key: string): { base: string; nation: Nation } | undefined {
  for (const nation of NATIONS) {
    const suffix = `_${nation}`;
    if (key.endsWith(suffix) && key.length > suffix.length) return { base: key.slice(0, -suffix.length), nation };
  }
  return undefined;
}

/** The words a learner in this nation reads: each key's variant where it has one (no nation: the shared words). */
export function wordsForNation<W extends Record<string, string>>(words: W, nation: Nation | null | undefined): W {
  if (!nation) return words;
  const chosen: Record<string, string> = { ...words };
  for (const key of Object.keys(words)) {
    const variant = words[variantKey(key, nation)];
    if (variant !== undefined) chosen[key] = variant;
  }
  return chosen as W;
}
