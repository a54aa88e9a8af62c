// Reads every Welsh string with the English it translates, and splits Welsh text into the words
// a spell-checker should see. Shared by the Welsh spelling and glossary tests.
import { localeResources } from '../fixtures/localeResources';

export interface WelshString {
  /** "namespace:key" */
  id: string;
  welsh: string;
  /** The English string of the same key (plural forms read the English "_other" form). */
  english: string;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

export function welshStrings(): WelshString[] {
  const resources = localeResources();
  const strings: WelshString[] = [];
  for (const [namespace, words] of Object.entries(resources.cy ?? {})) {
    const english = (resources.en?.[namespace] ?? {}) as Record<string, string>;
    for (const [key, welsh] of Object.entries(words as Record<string, string>)) {
      strings.push({
        id: `${namespace}:${key}`,
        welsh,
        english: english[key] ?? english[key.replace(PLURAL, '_other')] ?? '',
      });
    }
  }
  return strings;
}

/** Typed apostrophes vary (’ or '); the dictionary spells them '. (‘ opens a quotation, so it stays.) */
export const straightApostrophes = (text: string) => text.replace(/’/g, "'");

/**
 * The Welsh text a spell-checker should read: without {{placeholders}}, web and email addresses,
 * and without English official names given as a gloss, that is a bracketed or quoted span that
 * appears word for word in the English string ("Ymgyrch Beaconport (Operation Beaconport)").
 */
export function textToSpellCheck({ welsh, english }: WelshString): string {
  return welsh
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/\b(?:https?:\/\/|www\.)\S+|\S+@\S+/g, ' ')
    .replace(/\(([^()]*)\)|“([^”]*)”/g, (span, bracketed?: string, quoted?: string) => {
      const inner = (bracketed ?? quoted ?? '').trim();
      const parts = inner.split(/,\s*/).map((part) => part.replace(/^“|”$/g, ''));
      return inner && parts.every((part) => english.includes(part)) ? ' ' : span;
    });
}

/** Words: letters with inner apostrophes or hyphens ("â’r", "cam-drin", "p’un"). */
export function wordsIn(text: string): string[] {
  return text.match(/[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|['’][\p{L}]+/gu) ?? [];
}
