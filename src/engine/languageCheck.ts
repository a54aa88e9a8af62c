// Finds language that puts responsibility on a child, so the language coach can flag it as a
// learner types and the content checks can keep it out of the course. Words inside quotation
// marks are being shown as examples and are not flagged.
export interface LanguageTerm {
  id: string;
  /** Lower-case phrases; a phrase matches anywhere in the text, ignoring case. */
  match: string[];
  sources: string[];
}

export interface TermFound {
  termId: string;
  phrase: string;
}

const QUOTED = /“[^”]*”|"[^"]*"/g;

export function findTermsToAvoid(text: string, terms: LanguageTerm[]): TermFound[] {
  const plain = text.replace(QUOTED, ' ').toLowerCase();
  const found: TermFound[] = [];
  for (const term of terms) {
    for (const phrase of term.match) {
      if (plain.includes(phrase)) found.push({ termId: term.id, phrase });
    }
  }
  return found;
}
