// Finds language that puts responsibility on a child, so the language coach can flag it as a
// learner types and the content checks can keep it out of the course. Words inside quotation
// marks are being shown as examples and are not flagged.
import { includesMutated } from './welshMutation';

export interface LanguageTerm {
  id: string;
  /** Lower-case English phrases; a phrase matches anywhere in the text, ignoring case. */
  match: string[];
  /** The same terms in other languages, by language code. English is always checked as well,
   * because people writing in Welsh often write case notes in English. Welsh phrases are listed in
   * their radical form: their first word also matches after soft, nasal or aspirate mutation. */
  matchIn?: Record<string, string[]>;
  sources: string[];
}

export interface TermFound {
  termId: string;
  phrase: string;
}

const QUOTED = /“[^”]*”|"[^"]*"/g;

/** Typed apostrophes vary (’ or '), so both are read as one. */
const normalise = (text: string) => text.toLowerCase().replace(/’/g, "'");

export function findTermsToAvoid(text: string, terms: LanguageTerm[], language = 'en'): TermFound[] {
  const plain = normalise(text.replace(QUOTED, ' '));
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
