// Guards the shipped course: every module is valid, every option explained, every source
// resolves, every locale has every key, every lesson path ends in a summary, and no learner-facing
// sentence uses language that puts responsibility on a child.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { HASH_FILE, readLocale, SAME_AS_ENGLISH_FILE, translationReport } from '../../scripts/translation-status.mjs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getAdjacencyMap } from 'xstate/graph';
import { languageTermsOf, sourcesOf } from '../../src/content/references';
import { loadCatalog } from '../../src/content/catalog';
import { buildCatalog, catalogProblems } from '../../src/content/validateCatalog';
import mythsJson from '../../modules/myths.json';
import courseJson from '../../modules/course.json';
import sourcesJson from '../../modules/sources.json';
import {
  isDecisionStep,
  nationSchema,
  roleSchema,
  type CourseModule,
  type Lesson,
  type Nation,
  type Role,
} from '../../src/engine/contentSchema';
import { modeOf } from '../../src/engine/steps/registry';
import { mythKeys, stepKeys } from '../../src/engine/contentKeys';
import { requiredKeys, unneededKeys } from '../../src/engine/requiredKeys';
import { fewestDecisionsOnAnyPath, stepById, successors } from '../../src/engine/lessonGraph';
import { createLessonMachine, type LessonEvent, type LessonSnapshot } from '../../src/engine/lessonMachine';
import { localeResources } from '../fixtures/localeResources';
import languageTermsJson from '../../modules/language-terms.json';
import { findTermsToAvoid } from '../../src/engine/languageCheck';
import { catalogueKeys, languageKeys } from '../../src/engine/contentKeys';

/** HEARD_MODULES=a,b checks modules that are not yet listed in modules/course.json (for authors). */
const catalog = buildCatalog({
  course: process.env.HEARD_MODULES ? { modules: process.env.HEARD_MODULES.split(',') } : courseJson,
  moduleFiles: import.meta.glob('../../modules/*/module.json', { eager: true, import: 'default' }),
  sources: sourcesJson,
  myths: mythsJson,
  languageTerms: languageTermsJson,
});
const resources = localeResources();
const languages = Object.keys(resources);
const strings = (language: string, namespace: string) =>
  (resources[language]?.[namespace] ?? {}) as Record<string, string>;

describe('shipped content', () => {
  it('is what the app loads at run time (the app skips the schema, so they must agree)', () => {
    if (process.env.HEARD_MODULES) return;
    const { sources, languageTerms, ...course } = catalog;
    expect(loadCatalog()).toEqual(course);
    const shipped = loadCatalog();
    expect(sourcesOf(shipped)).toEqual(sources);
    expect(languageTermsOf(shipped)).toEqual(languageTerms);
  });

  it('has modules that load and cross-reference cleanly', () => {
    expect(catalog.modules.length).toBeGreaterThan(0);
    expect(catalogProblems(catalog)).toEqual([]);
  });

  for (const language of languages) {
    for (const courseModule of catalog.modules) {
      it(`[${language}] ${courseModule.id} has every word its structure needs, and nothing stale`, () => {
        const words = strings(language, courseModule.id);
        const needed = requiredKeys(courseModule);
        expect(needed.filter((key) => !words[key]?.trim())).toEqual([]);
        expect(unneededKeys(courseModule, words)).toEqual([]);
      });
    }

    it(`[${language}] explains every term to avoid: what it is, why it harms, what to say instead`, () => {
      const words = strings(language, 'language');
      const keys = catalog.languageTerms.flatMap((term) => [
        languageKeys.avoid(term.id),
        languageKeys.why(term.id),
        languageKeys.instead(term.id),
      ]);
      expect(keys.filter((key) => !words[key])).toEqual([]);
    });

    it(`[${language}] names and describes every module in the catalogue`, () => {
      const words = strings(language, 'catalogue');
      const keys = catalog.modules.flatMap((courseModule) => [
        catalogueKeys.title(courseModule.id),
        catalogueKeys.description(courseModule.id),
      ]);
      expect(keys.filter((key) => !words[key]?.trim())).toEqual([]);
    });

    it(`[${language}] explains every myth`, () => {
      const words = strings(language, 'myths');
      const missing = catalog.mythIds.filter((myth) => !words[mythKeys.label(myth)] || !words[mythKeys.truth(myth)]);
      expect(missing).toEqual([]);
    });

    it(`[${language}] has every interface key the code uses`, () => {
      // A file may use the keys of the namespace it asks for (`useTranslation('trainer')`), or of its
      // feature's own (locales/<lang>/<feature>.json), as well as ui's.
      const used = new Map<string, Set<string>>();
      const walk = (folder: string) => {
        for (const entry of readdirSync(folder, { withFileTypes: true })) {
          const path = join(folder, entry.name);
          if (entry.isDirectory()) walk(path);
          else if (/\.tsx?$/.test(entry.name)) {
            const text = readFileSync(path, 'utf8');
            const feature = /src[\\/]features[\\/]([^\\/]+)/.exec(path)?.[1];
            const asked = [...text.matchAll(/useTranslation\(\[?'([\w-]+)'/g)].map((match) => match[1]);
            const namespaces = [feature, ...asked].filter(
              (namespace): namespace is string =>
                namespace !== undefined && existsSync(`locales/${language}/${namespace}.json`),
            );
            for (const match of text.matchAll(/\bt\('([\w.-]+)'/g)) {
              const keyNamespaces = used.get(match[1]) ?? new Set();
              for (const namespace of namespaces.length > 0 ? namespaces : ['ui']) keyNamespaces.add(namespace);
              used.set(match[1], keyNamespaces);
            }
          }
        }
      };
      walk('src');
      const has = (words: Record<string, string>, key: string) =>
        key in words || `${key}_one` in words || `${key}_other` in words;
      const ui = strings(language, 'ui');
      const missing = [...used].filter(
        ([key, namespaces]) =>
          !has(ui, key) && ![...namespaces].some((namespace) => has(strings(language, namespace), key)),
      );
      expect(missing.map(([key]) => key)).toEqual([]);
    });
  }
});

describe('translations', () => {
  const english = readLocale('locales/en');
  for (const language of languages.filter((candidate) => candidate !== 'en')) {
    it(`[${language}] is complete, up to date with the English, and not English left untranslated`, () => {
      const folder = `locales/${language}`;
      const read = (file: string, fallback: unknown) =>
        existsSync(`${folder}/${file}`) ? JSON.parse(readFileSync(`${folder}/${file}`, 'utf8')) : fallback;
      const report = translationReport(
        english,
        readLocale(folder),
        read(HASH_FILE, {}),
        read(SAME_AS_ENGLISH_FILE, []),
      );
      expect(report).toEqual({ missing: [], stale: [], unchanged: [], extra: [], orphan: [] });
    });
  }
});

describe('module standard', () => {
  const decisions = (courseModule: CourseModule) =>
    courseModule.lessons.flatMap((lesson) => lesson.steps).filter(isDecisionStep);

  for (const courseModule of catalog.modules) {
    it(`${courseModule.id}: at least 3 lessons and 10 decision points`, () => {
      expect(courseModule.lessons.length).toBeGreaterThanOrEqual(3);
      expect(decisions(courseModule).length).toBeGreaterThanOrEqual(10);
    });

    it(`${courseModule.id}: a branching scenario with at least 3 stages on every path`, () => {
      const branching = courseModule.lessons.filter((lesson) => {
        const branches = lesson.steps.some(
          (step) => step.kind === 'scenario' && new Set(step.options.map((option) => option.next)).size > 1,
        );
        return branches && fewestDecisionsOnAnyPath(lesson, ['scenario']) >= 3;
      });
      expect(branching.map((lesson) => lesson.id)).not.toEqual([]);
    });

    it(`${courseModule.id}: role-specific paths for at least 3 roles`, () => {
      const roles = new Set(
        courseModule.lessons.flatMap((lesson) =>
          lesson.steps.flatMap((step) => (step.kind === 'roleBranch' ? Object.keys(step.routes) : [])),
        ),
      );
      expect(roles.size).toBeGreaterThanOrEqual(3);
    });

    it(`${courseModule.id}: a content note comes before every scenario`, () => {
      for (const lesson of courseModule.lessons) {
        const unnoted: string[] = [];
        const walk = (stepId: string, noted: boolean, seen: Set<string>) => {
          if (seen.has(stepId)) return;
          seen.add(stepId);
          const step = stepById(lesson, stepId);
          if (step.kind === 'scenario' && !noted) unnoted.push(step.id);
          for (const next of successors(step)) walk(next, noted || step.kind === 'contentNote', new Set(seen));
        };
        walk(lesson.start, false, new Set());
        expect([...new Set(unnoted)], `${lesson.id}: scenario stages reached without a content note`).toEqual([]);
      }
    });

    it(`${courseModule.id}: every option has an explanation and every wrong option a myth tag`, () => {
      const words = strings('en', courseModule.id);
      for (const lesson of courseModule.lessons) {
        for (const step of lesson.steps.filter(isDecisionStep)) {
          for (const option of step.options) {
            expect(
              words[stepKeys.explanation(lesson.id, step.id, option.id)]?.length,
              `${lesson.id}/${step.id}/${option.id}`,
            ).toBeGreaterThan(40);
            if (!option.correct) expect(option.misconception, `${lesson.id}/${step.id}/${option.id}`).toBeTruthy();
          }
        }
      }
    });
  }
});

/** Every event a learner could send from a snapshot: each option (and the right set), or continue. */
function learnerEvents(lesson: Lesson) {
  return (snapshot: { value: unknown; context: { stepId: string } }): LessonEvent[] => {
    if (snapshot.value === 'contentNote') return [{ type: 'learner.continue' }, { type: 'learner.takeAlternative' }];
    if (snapshot.value !== 'answering') return [{ type: 'learner.continue' }];
    const step = lesson.steps.find((candidate) => candidate.id === snapshot.context.stepId);
    if (!step || !isDecisionStep(step)) return [];
    const singles = step.options.map((option) => ({ type: 'learner.choose' as const, optionIds: [option.id] }));
    const rightSet = step.options.filter((option) => option.correct).map((option) => option.id);
    return step.kind === 'question' && step.mode === 'multiple'
      ? [...singles, { type: 'learner.choose', optionIds: rightSet }]
      : singles;
  };
}

describe('every path through every lesson (xstate/graph)', () => {
  for (const courseModule of catalog.modules) {
    for (const lesson of courseModule.lessons) {
      it(`${courseModule.id}/${lesson.id}: every step is reachable and every state can reach the summary`, () => {
        const adjacency = walkLesson(lesson, null, null);
        for (const nation of [null, ...nationSchema.options]) {
          for (const role of roleSchema.options) Object.assign(adjacency, walkLesson(lesson, role, nation));
        }
        const reachedSteps = new Set(Object.values(adjacency).map((entry) => entry.state.context.stepId));
        expect(
          lesson.steps
            .filter((step) => modeOf(step) !== 'route')
            .map((step) => step.id)
            .filter((stepId) => !reachedSteps.has(stepId)),
        ).toEqual([]);

        const canFinish = new Set(Object.keys(adjacency).filter((key) => adjacency[key].state.matches('summary')));
        let grew = true;
        while (grew) {
          grew = false;
          for (const [key, entry] of Object.entries(adjacency)) {
            if (canFinish.has(key)) continue;
            if (Object.values(entry.transitions).some((transition) => canFinish.has(serialize(transition.state)))) {
              canFinish.add(key);
              grew = true;
            }
          }
        }
        expect(Object.keys(adjacency).filter((key) => !canFinish.has(key))).toEqual([]);
      });
    }
  }
});

type Walk = Record<string, { state: LessonSnapshot; transitions: Record<string, { state: LessonSnapshot }> }>;

/** The full state graph of a lesson for one learner role and nation, keyed by step, state and answers so far. */
function walkLesson(lesson: Lesson, role: Role | null, nation: Nation | null): Walk {
  const adjacency = getAdjacencyMap(createLessonMachine(lesson), {
    input: { role, nation },
    events: learnerEvents(lesson) as never,
    serializeState: (snapshot) => serialize(snapshot),
  });
  const walk: Walk = {};
  for (const [key, entry] of Object.entries(adjacency as unknown as Walk)) walk[key] = entry;
  return walk;
}

function serialize(snapshot: {
  value: unknown;
  context: { role: Role | null; nation: Nation | null; stepId: string; answers: { optionIds: string[] }[] };
}): string {
  return `${snapshot.context.role}|${snapshot.context.nation}|${String(snapshot.value)}|${snapshot.context.stepId}|${snapshot.context.answers.map((answer) => answer.optionIds.join('+')).join(',')}`;
}

describe('survivor-centred language', () => {
  const termsIn = (text: string, language = 'en') =>
    findTermsToAvoid(text, catalog.languageTerms, language).map((found) => found.phrase);

  it('finds the terms to avoid when they are used plainly, and allows quoted examples', () => {
    expect(termsIn('She was sexually active with him.')).toEqual(['sexually active']);
    expect(termsIn('Recording her as “sexually active” hides abuse.')).toEqual([]);
  });

  it('finds Welsh terms in Welsh, and English ones too, whichever apostrophe is typed', () => {
    expect(termsIn('Mae hi’n weithgar yn rhywiol.', 'cy')).toEqual(['weithgar yn rhywiol']);
    expect(termsIn("Mae hi'n call i'r stryd ac yn rhoi ei hun mewn perygl.", 'cy')).toEqual([
      'rhoi ei hun mewn perygl',
      "call i'r stryd",
    ]);
    expect(termsIn('Mae hi’n “weithgar yn rhywiol”, meddai’r nodyn.', 'cy')).toEqual([]);
    expect(termsIn('She is sexually active.', 'cy')).toEqual(['sexually active']);
    expect(termsIn('Mae hi’n weithgar yn rhywiol.')).toEqual([]);
  });

  it('every term to avoid has Welsh phrases to match', () => {
    expect(catalog.languageTerms.filter((term) => !term.matchIn?.cy?.length).map((term) => term.id)).toEqual([]);
  });

  it('reads a term quoted inside a quoted model sentence as used, in text marked as an example', () => {
    const terms = (text: string, quoted: 'ignore' | 'terms' | 'check') =>
      findTermsToAvoid(text, catalog.languageTerms, 'en', quoted).map((found) => found.phrase);
    expect(terms('Write: “Kayla says a 23-year-old man is her boyfriend; there are concerns.”', 'ignore')).toEqual([]);
    expect(terms('Write: “Kayla says a 23-year-old man is her boyfriend; there are concerns.”', 'terms')).toEqual([
      'boyfriend',
    ]);
    expect(terms('Write: “Kayla says a 23-year-old man is her ‘boyfriend’; there are concerns.”', 'terms')).toEqual([]);
    expect(terms('Never write “boyfriend” for the adult.', 'terms')).toEqual([]);
    expect(terms('Never write “boyfriend” for the adult.', 'check')).toEqual(['boyfriend']);
  });

  for (const language of languages) {
    it(`[${language}] no learner-facing sentence uses a term to avoid, and every quoted one is in a marked example`, () => {
      // A paragraph or an explanation that quotes a term to avoid must be marked as an example
      // (`languageExample`), so quoted blame terms are marked the same way everywhere: unmarked, it
      // may not use one at all, quoted or not; marked, it may quote a term but not leave one unquoted
      // inside a quoted sentence ('terms' mode). Titles, a decision's situation and model answers
      // quote people's words at length, so anything they quote is read as quoted ('ignore' mode).
      const examples = new Set<string>();
      const markable = new Set<string>();
      const exempt = new Set<string>();
      for (const courseModule of catalog.modules) {
        for (const lesson of courseModule.lessons) {
          for (const step of lesson.steps) {
            for (const paragraph of step.paragraphs) {
              // A decision's situation reports what people said and wrote, in their words.
              if (isDecisionStep(step) && paragraph.id === 'situation') continue;
              markable.add(`${courseModule.id}:${stepKeys.paragraph(lesson.id, step.id, paragraph.id)}`);
              if (paragraph.languageExample)
                examples.add(`${courseModule.id}:${stepKeys.paragraph(lesson.id, step.id, paragraph.id)}`);
            }
            if (step.kind === 'rewrite') exempt.add(`${courseModule.id}:${stepKeys.sentence(lesson.id, step.id)}`);
            if (isDecisionStep(step)) {
              for (const option of step.options) {
                // A wrong option's label is the mistake itself; its explanation is checked like any text.
                if (!option.correct) exempt.add(`${courseModule.id}:${stepKeys.option(lesson.id, step.id, option.id)}`);
                markable.add(`${courseModule.id}:${stepKeys.explanation(lesson.id, step.id, option.id)}`);
                if (option.languageExample)
                  examples.add(`${courseModule.id}:${stepKeys.explanation(lesson.id, step.id, option.id)}`);
              }
            }
          }
        }
      }
      const hits: string[] = [];
      for (const [namespace, words] of Object.entries(resources[language])) {
        for (const [key, text] of Object.entries(words as Record<string, string>)) {
          // A myth label quotes the belief being corrected; the language list names the terms to avoid.
          const isTermItself =
            (namespace === 'myths' && !key.endsWith('.truth')) || (namespace === 'language' && key.endsWith('.avoid'));
          if (isTermItself || exempt.has(`${namespace}:${key}`)) continue;
          const id = `${namespace}:${key}`;
          const quoted = !markable.has(id) ? 'ignore' : examples.has(id) ? 'terms' : 'check';
          const found = findTermsToAvoid(text, catalog.languageTerms, language, quoted).map((term) => term.phrase);
          if (found.length > 0) hits.push(`${namespace}:${key} → ${found.join(', ')}`);
        }
      }
      expect(hits).toEqual([]);
    });
  }
});
