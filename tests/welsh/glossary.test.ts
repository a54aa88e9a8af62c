// Holds the Welsh to one term for each key English term (tests/welsh/glossary.json): where a
// string's English uses the term, its Welsh uses the required form, and no Welsh string uses a
// form the glossary avoids. Forms match after their first word mutates ("o gam-drin plant yn
// rhywiol", "i ofal cymdeithasol i blant").
import { describe, expect, it } from 'vitest';
import glossaryJson from './glossary.json';
import { includesMutated } from '../../src/engine/welshMutation';
import { welshStrings } from './welshText';

interface GlossaryTerm {
  english: string;
  /** The required Welsh, and other accepted forms of it (a plural). */
  welsh: string;
  forms?: string[];
  /** Welsh the course must not use for this term. */
  avoid: string[];
  note?: string;
}
const glossary: { terms: GlossaryTerm[] } = glossaryJson;

/** Lower case, one kind of apostrophe, and one space between words, as the matcher expects. */
const plain = (text: string) => text.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');

describe('Welsh glossary', () => {
  const strings = welshStrings().map((string) => ({
    ...string,
    welsh: plain(string.welsh),
    english: plain(string.english),
  }));

  for (const term of glossary.terms) {
    it(`“${term.english}” is “${term.welsh}”`, () => {
      const accepted = [term.welsh, ...(term.forms ?? [])].map(plain);
      const english = plain(term.english);
      const missing = strings
        .filter(
          (string) => string.english.includes(english) && !accepted.some((form) => includesMutated(string.welsh, form)),
        )
        .map((string) => string.id);
      expect(missing, `strings whose English has “${term.english}” but whose Welsh lacks “${term.welsh}”`).toEqual([]);
      const avoided = strings.flatMap((string) =>
        term.avoid
          .filter((form) => includesMutated(string.welsh, plain(form)))
          .map((form) => `${string.id}: “${form}”`),
      );
      expect(avoided, `Welsh strings using a form avoided for “${term.english}”`).toEqual([]);
    });
  }

  it('lists every term once, with a Welsh form different from each form it avoids', () => {
    const englishTerms = glossary.terms.map((term) => term.english.toLowerCase());
    expect(englishTerms.filter((term, index) => englishTerms.indexOf(term) !== index)).toEqual([]);
    for (const term of glossary.terms) expect(term.avoid.map(plain)).not.toContain(plain(term.welsh));
  });
});
