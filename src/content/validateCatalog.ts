// Checks course content before it ships: the schema for every module, then the cross-references
// a schema cannot see (graph, sources, myth tags). Used by the content tests and authors' tools.
import { z } from '../engine/zod';
import { citedSource, isDecisionStep, type Citation } from '../engine/content';
import { moduleSchema, mythSchema, sourceRefSchema, sourceSchema } from '../engine/contentSchema';
import { findGraphProblems } from '../engine/lessonGraph';
import type { FullCatalog } from './catalog';

export interface RawCatalog {
  course: unknown;
  moduleFiles: Record<string, unknown>;
  sources: unknown;
  myths: unknown;
  languageTerms: unknown;
}

const courseSchema = z.object({ modules: z.array(z.string()).min(1) });
const phrases = z
  .array(
    z
      .string()
      .min(3)
      .regex(/^[^A-Z]*$/, 'phrases are lower case'),
  )
  .min(1);
const languageTermSchema = z.object({
  id: z.string().min(1),
  match: phrases,
  matchIn: z.record(z.string(), phrases).optional(),
  sources: z.array(sourceRefSchema).min(1),
});

export function buildCatalog(raw: RawCatalog): FullCatalog {
  const course = courseSchema.parse(raw.course);
  const byId = new Map<string, unknown>();
  for (const [path, file] of Object.entries(raw.moduleFiles)) {
    const folder = path.split('/').at(-2) as string;
    byId.set(folder, file);
  }
  const modules = course.modules.map((moduleId) => {
    if (!byId.has(moduleId))
      throw new Error(`modules/course.json lists "${moduleId}" but modules/${moduleId}/module.json is missing`);
    const parsed = moduleSchema.safeParse(byId.get(moduleId));
    if (!parsed.success)
      throw new Error(`modules/${moduleId}/module.json is not valid: ${z.prettifyError(parsed.error)}`);
    if (parsed.data.id !== moduleId) throw new Error(`modules/${moduleId}/module.json has id "${parsed.data.id}"`);
    return parsed.data;
  });
  return {
    modules,
    sources: z.array(sourceSchema).parse(raw.sources),
    mythIds: z
      .array(mythSchema)
      .parse(raw.myths)
      .map((myth) => myth.id),
    languageTerms: z.array(languageTermSchema).parse(raw.languageTerms),
  };
}

/** Cross-references that the schema alone cannot check. An empty list means the catalog is sound. */
export function catalogProblems(catalog: FullCatalog): string[] {
  const problems: string[] = [];
  const sourceIds = new Set(catalog.sources.map((source) => source.id));
  const mythIds = new Set(catalog.mythIds);
  const checkSources = (where: string, refs: Citation[]) => {
    for (const ref of refs.map(citedSource))
      if (!sourceIds.has(ref)) problems.push(`${where}: source ${ref} is not in modules/sources.json`);
  };
  const seen = new Set<string>();
  for (const source of catalog.sources) {
    if (seen.has(source.id)) problems.push(`modules/sources.json lists ${source.id} twice`);
    seen.add(source.id);
  }
  for (const term of catalog.languageTerms) checkSources(`language term ${term.id}`, term.sources);
  for (const courseModule of catalog.modules) {
    for (const lesson of courseModule.lessons) {
      for (const problem of findGraphProblems(lesson)) {
        problems.push(
          `${courseModule.id}/${lesson.id}${problem.stepId ? `/${problem.stepId}` : ''}: ${problem.problem}${problem.detail ? ` (${problem.detail})` : ''}`,
        );
      }
      for (const step of lesson.steps) {
        const where = `${courseModule.id}/${lesson.id}/${step.id}`;
        for (const paragraph of step.paragraphs) checkSources(`${where}/${paragraph.id}`, paragraph.sources);
        if (!isDecisionStep(step)) continue;
        for (const option of step.options) {
          checkSources(`${where}/${option.id}`, option.sources);
          if (option.misconception && !mythIds.has(option.misconception)) {
            problems.push(
              `${where}/${option.id}: misconception "${option.misconception}" is not in modules/myths.json`,
            );
          }
          if (!option.correct && !option.misconception)
            problems.push(`${where}/${option.id}: a wrong option needs a misconception tag`);
          if (option.correct && option.misconception)
            problems.push(`${where}/${option.id}: a correct option carries a misconception tag`);
        }
        if (!step.options.some((option) => option.correct)) problems.push(`${where}: no option is correct`);
      }
    }
  }
  return problems;
}
