// Welsh changes the first sound of a word after certain words ("gweithiwr" becomes "yn weithiwr",
// "cam-drin" becomes "o gam-drin", "fy nghar", "ei chariad"). A phrase listed in its dictionary
// (radical) form would miss most of the places it occurs, so the language coach and the Welsh
// glossary check match every mutated form of a phrase's first word as well.

/** Radical initial → its soft, nasal and aspirate forms. Longer initials first, so "ll" wins over "l". */
const MUTATIONS: [string, string[]][] = [
  ['ll', ['l']],
  ['rh', ['r']],
  ['p', ['b', 'mh', 'ph']],
  ['t', ['d', 'nh', 'th']],
  ['c', ['g', 'ngh', 'ch']],
  ['b', ['f', 'm']],
  ['d', ['dd', 'n']],
  ['g', ['', 'ng']],
  ['m', ['f']],
];

/** Initials that look like a mutable letter but are a different one (ch, ph, th, ff, dd, ng). */
const NOT_MUTABLE = /^(ch|ph|th|ff|dd|ng)/;

/** A word and every form it takes after soft, nasal or aspirate mutation, radical first, lower case. */
export function mutatedForms(word: string): string[] {
  const radical = word.toLowerCase();
  const forms = [radical];
  if (NOT_MUTABLE.test(radical)) return forms;
  const rule = MUTATIONS.find(([initial]) => radical.startsWith(initial));
  if (rule) {
    const [initial, replacements] = rule;
    for (const replacement of replacements) forms.push(replacement + radical.slice(initial.length));
  } else if (/^[aeiouwyâêîôûŵŷ]/.test(radical)) {
    // Vowels take an h after "ei" (her), "ein", "eu": "ei hofn", "eu hachos".
    forms.push(`h${radical}`);
  }
  return forms;
}

/** A phrase with its first word in every mutated form: "gweithiwr rhyw" → "weithiwr rhyw", "ngweithiwr rhyw". */
export function mutatedPhraseForms(phrase: string): string[] {
  const [first, ...rest] = phrase.toLowerCase().split(' ');
  return mutatedForms(first).map((form) => [form, ...rest].join(' '));
}

const LETTER = /[\p{L}\p{M}]/u;

/**
 * Whether `text` holds `phrase` in any mutated form. A mutated form must start a word, so that a
 * short form ("ofal") is not found inside another word; the radical form matches anywhere, as
 * English phrases do. Both are expected in lower case.
 */
export function includesMutated(text: string, phrase: string): boolean {
  const [radical, ...mutated] = mutatedPhraseForms(phrase);
  if (text.includes(radical)) return true;
  return mutated.some((form) => {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      if (at === 0 || !LETTER.test(text[at - 1])) return true;
    }
    return false;
  });
}

/** Every dictionary form a word could have come from by mutation ("dacsis" → "tacsis"), itself first. */
export function possibleRadicals(word: string): string[] {
  const lower = word.toLowerCase();
  const radicals = new Set([lower]);
  for (const [initial, replacements] of MUTATIONS) {
    for (const replacement of replacements) {
      if (lower.startsWith(replacement)) radicals.add(initial + lower.slice(replacement.length));
    }
  }
  if (/^h[aeiouwyâêîôûŵŷ]/.test(lower)) radicals.add(lower.slice(1));
  return [...radicals].filter((radical) => mutatedForms(radical).includes(lower));
}
