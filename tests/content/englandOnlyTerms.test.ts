// Staff in Wales work under a different safeguarding framework from staff in England, so a
// learner-visible string must not teach England's guidance, roles, bodies or measures as if they
// were the only ones. This test lists England-only terms (in English and in the Welsh the course
// uses for them) and fails where one appears in a string whose key has no Wales variant (`K_wales`,
// read by i18next's `context` option for a learner in Wales), unless the sentence that contains it
// is plainly about England ("In England, …", "yn Lloegr"). A Wales variant is checked the same way:
// it may name England's terms only in sentences about England. Facts behind the list:
// /work/shared/reference/law-and-wales-facts.md, section 5 (England and Wales compared).
import { describe, expect, it } from 'vitest';
import { localeResources } from '../fixtures/localeResources';

interface Term {
  /** How the term is named in the report. */
  name: string;
  pattern: RegExp;
}

/** England-only terms as the English strings write them. */
const ENGLISH_TERMS: Term[] = [
  // England's statutory multi-agency guidance [L19]; Wales has Working Together to Safeguard People [L37].
  { name: 'Working Together to Safeguard Children', pattern: /Working Together to Safeguard Children/i },
  // England's school role under KCSIE [L21]; a school in Wales has a designated safeguarding person [L41].
  { name: 'designated safeguarding lead', pattern: /designated safeguarding leads?\b/i },
  { name: 'DSL', pattern: /\bDSLs?\b/ },
  // England's three statutory safeguarding partners and their local partnership [L19]; Wales has
  // six Regional Safeguarding Children Boards [L40].
  { name: 'safeguarding partners', pattern: /\bsafeguarding partner/i },
  { name: 'integrated care board', pattern: /\bintegrated care boards?\b/i },
  // England's statutory guidance for schools [L21]; Wales has Keeping learners safe [L41].
  { name: 'KCSIE', pattern: /Keeping Children Safe in Education|\bKCSIE\b/i },
  // England measures in the Children's Wellbeing and Schools Act 2026 (Part 2 of the Children Act
  // 2004, "Children's services in England") [L26][L29]; no Welsh equivalent is confirmed.
  { name: 'child identifier', pattern: /\b(?:child|consistent) identifiers?\b|\bidentifiers? for children\b/i },
  { name: 'duty to share', pattern: /\bduty to share\b/i },
  // England's taxi and private hire duty: section 5 of the 2022 Act binds English licensing
  // authorities, within 10 working days [L30]; no equivalent duty on Welsh councils was found.
  {
    name: 'taxi and private hire duty',
    pattern: /Taxis and Private Hire Vehicles \(Safeguarding|\b2022 Taxis Act\b|\b10 working days\b/i,
  },
  // English licensing authorities must use a single database of refused and revoked licences
  // (casey-audit-facts.md, S5); the facts say nothing of Welsh councils.
  { name: 'licensing database', pattern: /\bdatabase of refused and revoked licences\b/i },
  // England's national review panel [L56]; Wales has child practice reviews [L37].
  { name: 'Child Safeguarding Practice Review Panel', pattern: /Child Safeguarding Practice Review/i },
  // The Crime and Policing Act 2026 reporting duty covers relevant activity in England [L16];
  // Wales has the s.130 duty on relevant partners [L34].
  { name: 'mandatory reporting duty', pattern: /\bmandatory reporting\b|\bduty to report child sexual abuse\b/i },
];

/** The same terms as the Welsh strings write them, allowing for mutation of the first letter. */
const WELSH_TERMS: Term[] = [
  { name: 'Gweithio gyda’n Gilydd i Ddiogelu Plant', pattern: /Gweithio gyda['’]n Gilydd i Ddiogelu Plant/i },
  { name: 'arweinydd diogelu dynodedig', pattern: /arweinwyr diogelu dynodedig|arweinydd diogelu dynodedig/i },
  { name: 'DSL', pattern: /\bDSLs?\b/ },
  // partneriaid / bartneriaid / phartneriaid / mhartneriaid diogelu; partneriaeth(au) diogelu
  { name: 'partneriaid diogelu', pattern: /\b(?:p|b|ph|mh)artner(?:iaid|iaeth|iaethau)? diogelu\b/i },
  {
    name: 'bwrdd gofal integredig',
    pattern: /\b(?:b|f|m)wrdd(?:au)? gofal integredig\b|\bbyrddau gofal integredig\b/i,
  },
  { name: 'Cadw Plant yn Ddiogel mewn Addysg', pattern: /Plant yn Ddiogel mewn Addysg|\bKCSIE\b/i },
  { name: 'dynodydd plant', pattern: /\b(?:d|dd|n)ynodydd(?:ion)? (?:cyson|plant|i blant)\b/i },
  { name: 'dyletswydd i rannu', pattern: /\b(?:d|dd|n)yletswydd(?: newydd)? i rannu\b/i },
  {
    name: 'dyletswydd tacsis a hurio preifat',
    pattern: /Deddf Tacsis a Cherbydau Hurio Preifat|\bDeddf Tacsis 2022\b|\b10 diwrnod gwaith\b/i,
  },
  { name: 'cronfa ddata trwyddedau', pattern: /\bo drwyddedau (?:a wrthodwyd|sydd wedi[’']u gwrthod)/i },
  { name: 'Panel Adolygu Ymarfer Diogelu Plant', pattern: /Adolygu Ymarfer Diogelu Plant/i },
  {
    name: 'dyletswydd adrodd gorfodol',
    pattern: /\badrodd gorfodol\b|\b(?:d|dd|n)yletswydd i roi gwybod am gam-drin plant yn rhywiol\b/i,
  },
];

/** A sentence that names England is about England, so it may name England's terms. */
const ABOUT_ENGLAND: Record<string, RegExp> = {
  en: /\bEngland\b|\bEnglish (?:licensing|councils?|authorit)/,
  // Lloegr mutates to Loegr ("i Loegr", "o Loegr").
  cy: /\bL?loegr\b|\bSeisnig\b/i,
};
const TERMS: Record<string, Term[]> = { en: ENGLISH_TERMS, cy: WELSH_TERMS };

const PLURAL = /_(?:zero|one|two|few|many|other)$/;
const VARIANT = /_(?:wales|england)(?=$|_(?:zero|one|two|few|many|other)$)/;

/**
 * Splits text into sentences: after a full stop, question or exclamation mark (with any closing
 * quotation mark or bracket), before a capital, an opening quotation mark or a number. Full stops
 * inside "s.130" or "gov.uk" do not split.
 */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?][”’")]*)\s+(?=[\p{Lu}“‘"(0-9])/u).filter((sentence) => sentence.trim());
}

interface Finding {
  key: string;
  term: string;
  sentence: string;
}

/** Every England-only term in a namespace's strings that a learner in Wales would read unmarked. */
export function englandOnlyFindings(words: Record<string, string>, language: string): Finding[] {
  const terms = TERMS[language] ?? [];
  const aboutEngland = ABOUT_ENGLAND[language] ?? /$^/;
  const findings: Finding[] = [];
  for (const [key, text] of Object.entries(words)) {
    if (typeof text !== 'string') continue;
    // An England variant is only read by learners in England.
    if (/_england(?:$|_)/.test(key) && VARIANT.test(key)) continue;
    const isWalesVariant = /_wales(?:$|_)/.test(key) && VARIANT.test(key);
    if (!isWalesVariant) {
      const plural = PLURAL.exec(key)?.[0] ?? '';
      const base = plural ? key.slice(0, -plural.length) : key;
      if (`${base}_wales${plural}` in words) continue;
    }
    for (const sentence of sentencesOf(text)) {
      if (aboutEngland.test(sentence)) continue;
      for (const term of terms) {
        if (term.pattern.test(sentence)) findings.push({ key, term: term.name, sentence });
      }
    }
  }
  return findings;
}

describe('England-only terms matcher', () => {
  it('finds a planted term in a key without a Wales variant, in English and in Welsh', () => {
    expect(englandOnlyFindings({ tell: 'Tell your designated safeguarding lead today.' }, 'en')).toEqual([
      { key: 'tell', term: 'designated safeguarding lead', sentence: 'Tell your designated safeguarding lead today.' },
    ]);
    expect(englandOnlyFindings({ tell: 'Dywedwch wrth y DSL heddiw.' }, 'cy').map((finding) => finding.term)).toEqual([
      'DSL',
    ]);
    expect(
      englandOnlyFindings({ share: 'Rhannwch â’r bartneriaid diogelu yn gynnar.' }, 'cy').map((f) => f.term),
    ).toEqual(['partneriaid diogelu']);
  });

  it('allows a sentence about England, and a key that has a Wales variant', () => {
    expect(
      englandOnlyFindings(
        { guidance: 'In England, Working Together to Safeguard Children names three safeguarding partners.' },
        'en',
      ),
    ).toEqual([]);
    expect(
      englandOnlyFindings({ guidance: 'Yn Lloegr, yr arweinydd diogelu dynodedig sy’n penderfynu.' }, 'cy'),
    ).toEqual([]);
    expect(
      englandOnlyFindings(
        {
          tell: 'Tell your DSL.',
          tell_wales: 'Tell your designated safeguarding person.',
          n_one: 'One DSL.',
          n_wales_one: 'One DSP.',
        },
        'en',
      ),
    ).toEqual([]);
  });

  it('checks each sentence on its own, and checks Wales variants too', () => {
    const findings = englandOnlyFindings(
      {
        mixed: 'In England, schools have a DSL. Tell the DSL today.',
        tell: 'Tell your DSL.',
        tell_wales: 'Tell your DSL (section 130).',
      },
      'en',
    );
    expect(findings.map((finding) => [finding.key, finding.sentence])).toEqual([
      ['mixed', 'Tell the DSL today.'],
      ['tell_wales', 'Tell your DSL (section 130).'],
    ]);
  });

  it('does not split a sentence at the full stop in “s.130” or a web address', () => {
    expect(sentencesOf('Under s.130 you must report. See safeguarding.wales today.')).toEqual([
      'Under s.130 you must report.',
      'See safeguarding.wales today.',
    ]);
  });
});

describe('shipped strings', () => {
  const resources = localeResources();
  for (const language of ['en', 'cy']) {
    it(`[${language}] name England-only terms only in sentences about England or in keys with a Wales variant`, () => {
      const findings = Object.entries(resources[language] ?? {}).flatMap(([namespace, words]) =>
        englandOnlyFindings(words as Record<string, string>, language).map((finding) => ({
          ...finding,
          key: `${namespace}:${finding.key}`,
        })),
      );
      const keys = new Set(findings.map((finding) => finding.key));
      const byTerm = new Map<string, number>();
      for (const finding of findings) byTerm.set(finding.term, (byTerm.get(finding.term) ?? 0) + 1);
      console.log(
        `[${language}] England-only terms outside England sentences: ${findings.length} in ${keys.size} keys` +
          (byTerm.size ? ` (${[...byTerm].map(([term, count]) => `${term}: ${count}`).join('; ')})` : ''),
      );
      for (const finding of findings) console.log(`  ${finding.key} [${finding.term}]: ${finding.sentence}`);
      expect(findings).toEqual([]);
    });
  }

  it('have a base key for every nation variant, and each variant in both English and Welsh', () => {
    const problems: string[] = [];
    for (const [language, other] of [
      ['en', 'cy'],
      ['cy', 'en'],
    ] as const) {
      for (const [namespace, words] of Object.entries(resources[language] ?? {})) {
        const otherWords = (resources[other]?.[namespace] ?? {}) as Record<string, string>;
        for (const key of Object.keys(words as Record<string, string>).filter((candidate) => VARIANT.test(candidate))) {
          if (!(key.replace(VARIANT, '') in (words as Record<string, string>)))
            problems.push(`${language}/${namespace}:${key} has no base key`);
          if (!(key in otherWords)) problems.push(`${language}/${namespace}:${key} has no ${other} variant`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
