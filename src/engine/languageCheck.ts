// Finds language that puts responsibility on a child, so the language coach can flag it as a
// learner types and the content checks can keep it out of the course. As a learner types, words
// inside quotation marks are being shown as examples and are not flagged. The content checks are
// stricter (see `quoted` below), so every quoted term to avoid is marked as an example.
import { includesMutated } from './welshMutation';

export interface LanguageTerm {
  id: string;
  /** Lower-case English phrases; a phrase matches anywhere in the text, ignoring case. */
  match: string[];
  /** The same terms in other languages, by language code. English is always checked as well,
   * because people writing in Welsh often write case notes in English. Welsh phrases are listed in
   * their radical form: their first word also matches after soft, nasal or aspirate mutation. */
  matchIn?: Record<string, string[]>;
  sources: (string | { source: string; at: string })[];
}

export interface TermFound {
  termId: string;
  phrase: string;
}

/**
 * How quoted text is read:
 * - `ignore` (the language coach): anything in quotation marks is an example, never flagged;
 * - `terms` (course text marked as an example): only a short quotation (a term or a child's few
 *   words, up to eight words) is an example, so a blame word left unquoted inside a quoted model
 *   sentence (“she says he is her boyfriend”) is still found;
 * - `check` (course text not marked as an example): quotation marks excuse nothing.
 */
export type QuotedText = 'ignore' | 'terms' | 'check';

const QUOTED = /“[^”]*”|"[^"]*"/g;
/** Innermost single quotes first, so a term quoted inside a quoted sentence (‘boyfriend’) counts as quoted. */
const SHORT_QUOTES = [/‘[^‘’]*’/g, /“[^“”]*”/g, /"[^"]*"/g];
const MAX_QUOTED_WORDS = 8;

/** Typed apostrophes vary (’ or '), so both are read as one. */
const normalise = (text: string) => text.toLowerCase().replace(/’/g, "'");

function withoutExamples(text: string, quoted: QuotedText): string {
  if (quoted === 'check') return text;
  if (quoted === 'ignore') return text.replace(QUOTED, ' ');
  return SHORT_QUOTES.reduce(
    (remaining, pattern) =>
      remaining.replace(pattern, (quote) => (quote.trim().split(/\s+/).length <= MAX_QUOTED_WORDS ? ' ' : quote)),
    text,
  );
}

export function findTermsToAvoid(
  text: string,
  terms: LanguageTerm[],
  language = 'en',
  quoted: QuotedText = 'ignore',
): TermFound[] {
  const plain = normalise(withoutExamples(text, quoted));
  const found: TermFound[] = [];
  for (const term of terms) {
    for (const phrase of term.match) {
      if (plain.includes(normalise(phrase))) found.push({ termId: term.id, phrase });
    }
    for (const phrase of language === 'en' ? [] : (term.matchIn?.[language] ?? [])) {
      if (includesPhrase(plain, normalise(phrase), language)) found.push({ termId: term.id, phrase });
    }
  }
  return found;
}

/** Welsh phrases are listed in their dictionary form and also match after mutation ("yn weithiwr rhyw"). */
function includesPhrase(plain: string, phrase: string, language: string): boolean {
  return language === 'cy' ? includesMutated(plain, phrase) : plain.includes(phrase);
}
