// A pass should mean the learner made the decisions, not that they spotted the answer by its shape.
// Item writers keep distractors as long and as specific as the key; this measures, over the whole
// course and in every language, how often the right option can be found by length alone.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/content/catalog';
import type { DecisionStep, Lesson } from '../../src/engine/contentSchema';
import { isDecisionStep } from '../../src/engine/content';
import { stepKeys } from '../../src/engine/contentKeys';
import { localeResources } from '../fixtures/localeResources';

/**
 * With three or four options, guessing "the longest" is right about a third or a quarter of the
 * time; above 35% the length gives the answer away more often than chance would.
 */
export const MAX_SHARE_LONGEST_RIGHT = 0.35;
/**
 * On a multi-select question a right option may run a little longer than a wrong one (it often
 * names who to tell), but on average no more than 10%: a learner who ticks the longer sentences
 * should do no better than one who reads them.
 */
export const MAX_MULTI_LENGTH_RATIO = 1.1;
/**
 * Rewriting the other way must not make "never the longest, pick the shortest" a rule either.
 * Two-option scenario stages make the right option the shortest whenever it is not the longest,
 * so the bound sits above chance: at most half.
 */
export const MAX_SHARE_SHORTEST_RIGHT = 0.5;

const catalog = loadCatalog();
const resources = localeResources();
const languages = Object.keys(resources).filter((language) => !language.includes('-'));

interface Decision {
  moduleId: string;
  lesson: Lesson;
  step: DecisionStep;
}

const decisions: Decision[] = catalog.modules.flatMap((courseModule) =>
  courseModule.lessons.flatMap((lesson) =>
    lesson.steps.filter(isDecisionStep).map((step) => ({ moduleId: courseModule.id, lesson, step })),
  ),
);
const isSingle = ({ step }: Decision) => step.kind === 'scenario' || step.mode === 'single';

function labelLengths(language: string, { moduleId, lesson, step }: Decision) {
  const words = (resources[language]?.[moduleId] ?? {}) as Record<string, string>;
  return step.options.map((option) => {
    const label = words[stepKeys.option(lesson.id, step.id, option.id)];
    if (label === undefined)
      throw new Error(`[${language}] no label for ${moduleId} ${lesson.id}.${step.id}.${option.id}`);
    return { id: option.id, correct: option.correct, length: [...label.trim()].length };
  });
}

/** True when the (or a tied) longest option is a right one: a length-guesser would pick it. */
function longestIsRight(language: string, decision: Decision): boolean {
  const options = labelLengths(language, decision);
  const longest = Math.max(...options.map((option) => option.length));
  return options.some((option) => option.length === longest && option.correct);
}

/** True when the (or a tied) shortest option is a right one. */
function shortestIsRight(language: string, decision: Decision): boolean {
  const options = labelLengths(language, decision);
  const shortest = Math.min(...options.map((option) => option.length));
  return options.some((option) => option.length === shortest && option.correct);
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Per question, the right options' mean length over the wrong options' mean length. */
function lengthRatio(language: string, decision: Decision): number {
  const options = labelLengths(language, decision);
  const right = options.filter((option) => option.correct).map((option) => option.length);
  const wrong = options.filter((option) => !option.correct).map((option) => option.length);
  return mean(right) / mean(wrong);
}

describe('option shape', () => {
  it('has decisions of both kinds to measure', () => {
    expect(decisions.filter(isSingle).length).toBeGreaterThan(50);
    expect(decisions.filter((decision) => !isSingle(decision)).length).toBeGreaterThan(4);
  });

  for (const language of languages) {
    it(`[${language}] the right option of a single-answer decision is the longest no more than ${MAX_SHARE_LONGEST_RIGHT * 100}% of the time`, () => {
      const single = decisions.filter(isSingle);
      const giveaways = single.filter((decision) => longestIsRight(language, decision));
      const byModule = catalog.modules.map((courseModule) => {
        const own = single.filter((decision) => decision.moduleId === courseModule.id);
        const longest = own.filter((decision) => longestIsRight(language, decision)).length;
        return `${courseModule.id} ${longest}/${own.length}`;
      });
      const share = giveaways.length / single.length;
      console.log(
        `[${language}] single-answer decisions whose right option is the longest: ${giveaways.length} of ${single.length} (${(share * 100).toFixed(1)}%); ${byModule.join(', ')}`,
      );
      expect(share).toBeLessThanOrEqual(MAX_SHARE_LONGEST_RIGHT);
    });

    it(`[${language}] the right option of a single-answer decision is the shortest no more than ${MAX_SHARE_SHORTEST_RIGHT * 100}% of the time`, () => {
      const single = decisions.filter(isSingle);
      const shortest = single.filter((decision) => shortestIsRight(language, decision));
      const share = shortest.length / single.length;
      console.log(
        `[${language}] single-answer decisions whose right option is the shortest: ${shortest.length} of ${single.length} (${(share * 100).toFixed(1)}%)`,
      );
      expect(share).toBeLessThanOrEqual(MAX_SHARE_SHORTEST_RIGHT);
    });

    it(`[${language}] right options of multi-select questions are on average no more than ${Math.round((MAX_MULTI_LENGTH_RATIO - 1) * 100)}% longer than wrong ones`, () => {
      const multiple = decisions.filter(
        (decision) =>
          !isSingle(decision) &&
          decision.step.options.some((option) => option.correct) &&
          decision.step.options.some((option) => !option.correct),
      );
      const ratios = multiple.map((decision) => lengthRatio(language, decision));
      const ratio = mean(ratios);
      const longer = ratios.filter((value) => value > 1).length;
      console.log(
        `[${language}] multi-select questions: right options average ${ratio.toFixed(2)}× the length of wrong ones (mean over ${multiple.length} questions); right longer on average in ${longer} of ${multiple.length}`,
      );
      expect(ratio).toBeLessThanOrEqual(MAX_MULTI_LENGTH_RATIO);
    });
  }
});
