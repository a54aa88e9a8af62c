// The course's source list and the language coach's terms. Kept out of the first page, which needs
// neither: the pages that cite sources or coach language import this module, so the lists load with
// them (and are in the offline copy like every other chunk).
import sourcesJson from '../../modules/sources.json';
import languageTermsJson from '../../modules/language-terms.json';
import type { LanguageTerm } from '../engine/languageCheck';
import type { Source } from '../engine/contentSchema';
import type { Catalog } from './catalog';

const shippedSources = sourcesJson as Source[];
const shippedLanguageTerms = languageTermsJson as LanguageTerm[];

/** The catalog's own list where it carries one (tests pass theirs), otherwise the course's. */
export function sourcesOf(catalog: Catalog): Source[] {
  return catalog.sources ?? shippedSources;
}

export function languageTermsOf(catalog: Catalog): LanguageTerm[] {
  return catalog.languageTerms ?? shippedLanguageTerms;
}

export function findSource(catalog: Catalog, sourceId: string): Source | undefined {
  return sourcesOf(catalog).find((source) => source.id === sourceId);
}
