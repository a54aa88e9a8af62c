// Spell-checks every Welsh string with Bangor University's hunspell dictionary (npm dictionary-cy,
// read by nspell). Words the dictionary does not know but the course rightly uses (names, new
// terms, some mutated and verb forms) are listed, with the reason, in spelling-allowlist.txt.
// A new unknown word fails the test: correct it, or add it to the list if it is right.
import dictionary from 'dictionary-cy';
import nspell from 'nspell';
import { describe, expect, it } from 'vitest';
import { possibleRadicals } from '../../src/engine/welshMutation';
import allowlistText from './spelling-allowlist.txt?raw';
import { straightApostrophes, textToSpellCheck, welshStrings, wordsIn } from './welshText';

// Built once for the whole file (about a second); each distinct word is then checked once.
// (dictionary-cy gives Uint8Arrays; nspell's types ask for Buffers.)
const spell = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });

/** The allow-list, one word a line; "#" starts a comment. Compared in lower case. */
const allowed = new Set(
  allowlistText
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((word) => straightApostrophes(word).toLowerCase()),
);

/** Acronyms (DSL, IICSA, NHS) are names, not words to check. */
const ACRONYM = /^[A-Z][A-Z0-9]+$/;

/**
 * Whether `accept` takes a word: as written, in the dictionary form it may have mutated from
 * ("dacsis" from "tacsis"), or part by part. The dictionary lists clitics ('r, 'n, 'i, 'w) as words
 * of their own and may split hyphenated words, so "camfanteisio'n" is "camfanteisio" + "'n".
 */
function recognised(word: string, accept: (form: string) => boolean): boolean {
  if (accept(word) || possibleRadicals(word).some(accept)) return true;
  if (word.includes('-')) return word.split('-').every((part) => part && recognised(part, accept));
  if (word.indexOf("'", 1) > 0) {
    const [head, ...clitics] = word.split("'");
    return recognised(head, accept) && clitics.every((clitic) => spell.correct(`'${clitic}`));
  }
  return false;
}

/** Every form `recognised` may look up for a word, in lower case (to find allow-list entries no longer needed). */
function formsTried(word: string): string[] {
  const forms = [word, ...possibleRadicals(word)];
  if (word.includes('-')) forms.push(...word.split('-').flatMap(formsTried));
  if (word.indexOf("'", 1) > 0) forms.push(...formsTried(word.split("'")[0]));
  return forms.map((form) => form.toLowerCase());
}

const inDictionary = (form: string) => spell.correct(form);
const inDictionaryOrAllowed = (form: string) => spell.correct(form) || allowed.has(form.toLowerCase());

describe('Welsh spelling', () => {
  const strings = welshStrings();
  const occurrences = new Map<string, string[]>();
  let total = 0;
  for (const string of strings) {
    for (const word of wordsIn(straightApostrophes(textToSpellCheck(string)))) {
      if (ACRONYM.test(word)) continue;
      total += 1;
      occurrences.set(word, [...(occurrences.get(word) ?? []), string.id]);
    }
  }
  // Each distinct word is checked once.
  const unknown = [...occurrences.keys()].filter((word) => !recognised(word, inDictionary));
  const unknownCount = unknown.reduce((sum, word) => sum + (occurrences.get(word)?.length ?? 0), 0);
  const notAllowed = unknown.filter((word) => !recognised(word, inDictionaryOrAllowed));

  it('has no word the dictionary and the allow-list do not know', () => {
    console.log(
      `Welsh spell-check: ${total} words (${occurrences.size} distinct) in ${strings.length} strings; ` +
        `${unknownCount} unknown to the dictionary (${((100 * unknownCount) / total).toFixed(2)}%, ` +
        `${unknown.length} distinct), ${notAllowed.length} not on the allow-list.`,
    );
    expect(notAllowed.map((word) => `${word} (${occurrences.get(word)?.slice(0, 3).join(', ')})`)).toEqual([]);
  });

  it('keeps the allow-list to words the course uses and the dictionary rejects', () => {
    const used = new Set(unknown.flatMap(formsTried));
    expect([...allowed].filter((word) => !used.has(word))).toEqual([]);
  });

  it('reads real Welsh as correct and a misspelling as unknown', () => {
    for (const word of ["mae'r", 'cam-drin', 'diogelu', "â'r", 'ddiogelu', 'nhrywydd']) {
      expect(recognised(word, inDictionary), word).toBe(true);
    }
    for (const word of ['têcawê', 'diogleu', 'safeguarding']) expect(recognised(word, inDictionary), word).toBe(false);
  });
});
