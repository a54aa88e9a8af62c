// The language coach's Welsh terms are listed in their dictionary form; these tests show they are
// still found after the first word mutates, as Welsh grammar makes it do in most sentences.
import { describe, expect, it } from 'vitest';
import languageTermsJson from '../../modules/language-terms.json';
import { findTermsToAvoid, type LanguageTerm } from '../../src/engine/languageCheck';
import { includesMutated, mutatedForms } from '../../src/engine/welshMutation';

const terms = languageTermsJson as LanguageTerm[];
const termIdsIn = (text: string) => [...new Set(findTermsToAvoid(text, terms, 'cy').map((found) => found.termId))];

describe('Welsh mutation', () => {
  it('gives the soft, nasal and aspirate forms of a first letter', () => {
    expect(mutatedForms('cam-drin')).toEqual(['cam-drin', 'gam-drin', 'ngham-drin', 'cham-drin']);
    expect(mutatedForms('putain')).toEqual(['putain', 'butain', 'mhutain', 'phutain']);
    expect(mutatedForms('Gweithiwr')).toEqual(['gweithiwr', 'weithiwr', 'ngweithiwr']);
    expect(mutatedForms('llun')).toEqual(['llun', 'lun']);
    expect(mutatedForms('rhoi')).toEqual(['rhoi', 'roi']);
    expect(mutatedForms('dewis')).toEqual(['dewis', 'ddewis', 'newis']);
    expect(mutatedForms('afreolus')).toEqual(['afreolus', 'hafreolus']);
  });

  it('leaves letters alone that only look mutable', () => {
    expect(mutatedForms('chwarae')).toEqual(['chwarae']);
    expect(mutatedForms('ffordd')).toEqual(['ffordd']);
    expect(mutatedForms('theimlo')).toEqual(['theimlo']);
  });

  it('finds a mutated form only where it starts a word', () => {
    expect(includesMutated('rhowch wybod i ofal cymdeithasol', 'gofal cymdeithasol')).toBe(true);
    expect(includesMutated('atgyfeirio at “ofal cymdeithasol”', 'gofal cymdeithasol')).toBe(true);
    expect(includesMutated('rhofal cymdeithasol', 'gofal cymdeithasol')).toBe(false);
  });
});

describe('the language coach in Welsh', () => {
  it('flags a term whose first word has mutated', () => {
    expect(termIdsIn('Mae hi’n weithiwr rhyw.')).toEqual(['prostitution']);
    expect(termIdsIn('Mae’r nodyn yn sôn am achos o gam-drin hanesyddol.')).toEqual(['historical-abuse']);
    expect(termIdsIn('Cafodd ei galw’n butain gan y staff.')).toEqual(['prostitution']);
    expect(termIdsIn('Mae’n dewis bywyd o buteindra.')).toEqual(['prostitution']);
    expect(termIdsIn('Roedd hi’n arfer mynd i gysylltu ag oedolion ar-lein.')).toEqual(['child-contacting-adults']);
    expect(termIdsIn('Mae hi’n gall i’r stryd.')).toEqual(['adultifying-labels']);
    expect(termIdsIn('Canfuwyd delweddau o bornograffi plant ar ffôn y dyn.')).toEqual(['child-pornography']);
    expect(termIdsIn('Roedd hi’n ddigon hen i roi ei hun mewn perygl.')).toEqual(['putting-at-risk']);
  });

  it('still leaves quoted examples alone and says nothing of plain, accurate notes', () => {
    expect(termIdsIn('Peidiwch ag ysgrifennu “yn weithiwr rhyw”.')).toEqual([]);
    expect(termIdsIn('Mae pryderon bod dynion yn camfanteisio arni’n rhywiol.')).toEqual([]);
  });
});
