// Loads the course content from modules/. The app trusts it: the content tests run every module
// through the schema and the cross-reference checks in validateCatalog.ts before it can ship.
import courseJson from '../../modules/course.json';
import mythsJson from '../../modules/myths.json';
import sourcesJson from '../../modules/sources.json';
import languageTermsJson from '../../modules/language-terms.json';
import type { LanguageTerm } from '../engine/languageCheck';
import type { CourseModule, Source } from '../engine/contentSchema';

export interface Catalog {
  modules: CourseModule[];
  sources: Source[];
  mythIds: string[];
  languageTerms: LanguageTerm[];
}

const moduleFiles = import.meta.glob<CourseModule>('../../modules/*/module.json', { eager: true, import: 'default' });

export function loadCatalog(): Catalog {
  const byFolder = new Map(Object.entries(moduleFiles).map(([path, file]) => [path.split('/').at(-2) as string, file]));
  return {
    modules: courseJson.modules.map((moduleId) => {
      const courseModule = byFolder.get(moduleId);
      if (!courseModule) throw new Error(`modules/${moduleId}/module.json is missing`);
      return courseModule;
    }),
    sources: sourcesJson as Source[],
    mythIds: mythsJson.map((myth) => myth.id),
    languageTerms: languageTermsJson as LanguageTerm[],
  };
}

export function findModule(catalog: Catalog, moduleId: string): CourseModule | undefined {
  return catalog.modules.find((courseModule) => courseModule.id === moduleId);
}

export function findSource(catalog: Catalog, sourceId: string): Source | undefined {
  return catalog.sources.find((source) => source.id === sourceId);
}
