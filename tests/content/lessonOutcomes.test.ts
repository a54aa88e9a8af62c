// Each lesson names the module outcomes it teaches, so a certificate for part of a module lists
// only what was taught (issue 14). Every shipped lesson teaches at least one of its module's
// outcomes, and every module outcome is taught by some lesson.
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/content/validateCatalog';
import mythsJson from '../../modules/myths.json';
import courseJson from '../../modules/course.json';
import sourcesJson from '../../modules/sources.json';
import languageTermsJson from '../../modules/language-terms.json';

const catalog = buildCatalog({
  course: process.env.HEARD_MODULES ? { modules: process.env.HEARD_MODULES.split(',') } : courseJson,
  moduleFiles: import.meta.glob('../../modules/*/module.json', { eager: true, import: 'default' }),
  sources: sourcesJson,
  myths: mythsJson,
  languageTerms: languageTermsJson,
});

describe('outcomes taught by each lesson', () => {
  for (const courseModule of catalog.modules) {
    it(`${courseModule.id}: every lesson teaches some of the module's outcomes, and every outcome is taught`, () => {
      for (const lesson of courseModule.lessons) {
        expect(lesson.outcomes, lesson.id).not.toEqual([]);
        expect(courseModule.outcomes, lesson.id).toEqual(expect.arrayContaining(lesson.outcomes));
        expect(new Set(lesson.outcomes).size, lesson.id).toBe(lesson.outcomes.length);
      }
      const taught = new Set(courseModule.lessons.flatMap((lesson) => lesson.outcomes));
      expect(courseModule.outcomes.filter((outcome) => !taught.has(outcome))).toEqual([]);
    });
  }
});
