// Loads the course content from modules/. The app trusts it: the content tests run every module
// through the schema and the cross-reference checks in validateCatalog.ts before it can ship.
import courseJson from '../../modules/course.json';
import mythsJson from '../../modules/myths.json';
import type { LanguageTerm } from '../engine/languageCheck';
import type { CourseModule, Source } from '../engine/contentSchema';

/** The source list and the language coach's terms: needed only by pages that cite or coach. */
export interface ContentReferences {
  sources: Source[];
  languageTerms: LanguageTerm[];
}

/**
 * The course as the app holds it from the first page on. The source list and coach terms are not
 * in it (they are about a quarter of the first page's script and the dashboard needs neither):
 * src/content/references.ts brings them with the pages that use them. Tests may pass their own.
 */
export interface Catalog extends Partial<ContentReferences> {
  modules: CourseModule[];
  mythIds: string[];
}

/** The whole content, as the content checks read it. */
export type FullCatalog = Catalog & ContentReferences;

const moduleFiles = import.meta.glob<CourseModule>('../../modules/*/module.json', { eager: true, import: 'default' });

export function loadCatalog(): Catalog {
  const byFolder = new Map(Object.entries(moduleFiles).map(([path, file]) => [path.split('/').at(-2) as string, file]));
  return {
    modules: courseJson.modules.map((moduleId) => {
      const courseModule = byFolder.get(moduleId);
      if (!courseModule) throw new Error(`modules/${moduleId}/module.json is missing`);
      return courseModule;
    }),
    mythIds: mythsJson.map((myth) => myth.id),
  };
}

export function findModule(catalog: Catalog, moduleId: string): CourseModule | undefined {
  return catalog.modules.find((courseModule) => courseModule.id === moduleId);
}
