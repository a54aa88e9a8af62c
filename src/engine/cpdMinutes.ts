// CPD minutes from the path a learner takes, so the figure on a module page or a certificate is
// what the reading and deciding take, not an author's guess.
//
// The model (also in README, "How a module is written"):
// - Every word on a step the learner sees is read at 200 words a minute: titles, paragraphs,
//   prompts, every option, and the explanation of each option they chose (all explanations when
//   they open the others). Adults read non-fiction silently at about 238 words a minute on average
//   (Brysbaert, "How many words do we read per minute?", Journal of Memory and Language, 2019);
//   200 allows for dense professional material read with care.
// - Each decision (a question, a scenario stage, a language-coach rewrite) adds 30 seconds to weigh
//   it up. Its prompt and options are already counted as words read, so this is only the thinking
//   time: a judgement, kept small so the estimate does not flatter the course.
// - A module's range runs from its shortest path (the fewest steps, reading only the chosen
//   explanations) to its longest (the most steps, every explanation opened), over every role and
//   nation. Its single figure (`cpdMinutes`, on certificates until they count the lessons done) is
//   the path of a learner with no role set who takes the scenario and decides well.
// - Given a nation, every figure counts that nation's words (its `_wales` variants, say) and
//   follows its routes at nation branches.
import type { CourseModule, Lesson, Nation, Role, Step } from './contentSchema';
import { ROLES, isDecisionStep } from './content';
import { stepKeys } from './contentKeys';
import { stepById } from './lessonGraph';
import { NATIONS, wordsForNation } from './nationWords';
import { isRouteStep, modeOf, nextOf, successorsOf } from './steps/registry';

/** Reading pace for dense professional material (see the model above). */
export const WORDS_PER_MINUTE = 200;
/** Time to weigh up a decision before answering, beyond reading it. */
export const MINUTES_PER_DECISION = 0.5;

type Words = Record<string, string>;

/** What a learner did in one lesson: the steps shown and the options chosen (a lesson machine's context has both). */
export interface LessonPath {
  lessonId: string;
  visited: readonly string[];
  answers: readonly { stepId: string; optionIds: readonly string[] }[];
}

const countWords = (text: string | undefined) => (text ? text.split(/\s+/).filter(Boolean).length : 0);

/** Words on a step before any explanation: title, paragraphs, prompt, options, a rewrite's sentences. */
function stepWords(lesson: Lesson, step: Step, words: Words): number {
  if (isRouteStep(step)) return 0; // never shown
  let count = countWords(words[stepKeys.title(lesson.id, step.id)]);
  for (const paragraph of step.paragraphs)
    count += countWords(words[stepKeys.paragraph(lesson.id, step.id, paragraph.id)]);
  if (step.kind === 'rewrite') {
    count += countWords(words[stepKeys.prompt(lesson.id, step.id)]);
    count += countWords(words[stepKeys.sentence(lesson.id, step.id)]);
    count += countWords(words[stepKeys.model(lesson.id, step.id)]);
  }
  if (isDecisionStep(step)) {
    count += countWords(words[stepKeys.prompt(lesson.id, step.id)]);
    for (const option of step.options) count += countWords(words[stepKeys.option(lesson.id, step.id, option.id)]);
  }
  return count;
}

const isTimedDecision = (step: Step) => isDecisionStep(step) || step.kind === 'rewrite';

function explanationWords(lesson: Lesson, step: Step, words: Words, optionIds: readonly string[]): number {
  if (!isDecisionStep(step)) return 0;
  return optionIds.reduce(
    (sum, optionId) => sum + countWords(words[stepKeys.explanation(lesson.id, step.id, optionId)]),
    0,
  );
}

/** Unrounded minutes for one lesson path; `all` counts every explanation of every decision shown. */
export function minutesForPath(
  lesson: Lesson,
  words: Words,
  path: Pick<LessonPath, 'visited' | 'answers'>,
  explanations: 'chosen' | 'all' = 'chosen',
): number {
  let wordCount = 0;
  let decisions = 0;
  for (const stepId of new Set(path.visited)) {
    const step = stepById(lesson, stepId);
    wordCount += stepWords(lesson, step, words);
    if (isTimedDecision(step)) decisions += 1;
    if (isDecisionStep(step)) {
      const chosen =
        explanations === 'all'
          ? step.options.map((option) => option.id)
          : (path.answers.find((answer) => answer.stepId === stepId)?.optionIds ?? []);
      wordCount += explanationWords(lesson, step, words, chosen);
    }
  }
  return wordCount / WORDS_PER_MINUTE + decisions * MINUTES_PER_DECISION;
}

/**
 * Whole minutes for the lessons a learner actually did (for a certificate): each lesson's visited
 * steps and chosen explanations. Paths of lessons the module does not have are ignored.
 */
export function minutesForLessons(
  courseModule: CourseModule,
  allWords: Words,
  paths: readonly LessonPath[],
  nation?: Nation | null,
): number {
  const words = wordsForNation(allWords, nation);
  let minutes = 0;
  for (const path of paths) {
    const lesson = courseModule.lessons.find((candidate) => candidate.id === path.lessonId);
    if (lesson) minutes += minutesForPath(lesson, words, path);
  }
  return Math.round(minutes);
}

/**
 * Shortest and longest unrounded minutes through one lesson, over every role and branch, and over
 * both nations unless one is given (then in that nation's words).
 */
export function lessonMinuteRange(
  lesson: Lesson,
  allWords: Words,
  nation?: Nation | null,
): { shortest: number; longest: number } {
  const perMinute = (count: number) => count / WORDS_PER_MINUTE;
  const walk = (
    learner: { role: Role | null; nation: Nation | null },
    pick: (values: number[]) => number,
    allExplanations: boolean,
  ) => {
    const words = wordsForNation(allWords, learner.nation);
    const memo = new Map<string, number>();
    const cost = (stepId: string): number => {
      const known = memo.get(stepId);
      if (known !== undefined) return known;
      const step = stepById(lesson, stepId);
      const own = perMinute(stepWords(lesson, step, words)) + (isTimedDecision(step) ? MINUTES_PER_DECISION : 0);
      let result: number;
      // Each kind says where it leads (steps/registry.ts), so a new kind needs nothing here.
      switch (modeOf(step)) {
        case 'ending':
          result = own;
          break;
        case 'route':
          result = cost(nextOf(step, { ...learner, chosen: undefined })!);
          break;
        case 'decision': {
          if (!isDecisionStep(step)) throw new Error(`${step.id} is a decision of an unknown kind`);
          const all = perMinute(
            explanationWords(
              lesson,
              step,
              words,
              step.options.map((option) => option.id),
            ),
          );
          const read = (optionId: string) =>
            allExplanations ? all : perMinute(explanationWords(lesson, step, words, [optionId]));
          const after = step.options.map(
            (option) => read(option.id) + cost(nextOf(step, { ...learner, chosen: [option.id] })!),
          );
          result = own + pick(after);
          break;
        }
        default:
          // Reading and rewrite go on; a content note may go on or take its alternative.
          result = own + pick(successorsOf(step).map(cost));
      }
      memo.set(stepId, result);
      return result;
    };
    return cost(lesson.start);
  };
  const roles: (Role | null)[] = [null, ...ROLES];
  const nations: (Nation | null)[] = nation ? [nation] : [null, ...NATIONS];
  const learners = roles.flatMap((role) => nations.map((each) => ({ role, nation: each })));
  return {
    shortest: Math.min(...learners.map((learner) => walk(learner, (values) => Math.min(...values), false))),
    longest: Math.max(...learners.map((learner) => walk(learner, (values) => Math.max(...values), true))),
  };
}

/** A module's range in whole minutes, rounded out to the nearest 5 so both ends stay honest. */
export function moduleMinuteRange(
  courseModule: CourseModule,
  words: Words,
  nation?: Nation | null,
): { shortest: number; longest: number } {
  let shortest = 0;
  let longest = 0;
  for (const lesson of courseModule.lessons) {
    const range = lessonMinuteRange(lesson, words, nation);
    shortest += range.shortest;
    longest += range.longest;
  }
  return { shortest: Math.max(5, Math.floor(shortest / 5) * 5), longest: Math.max(5, Math.ceil(longest / 5) * 5) };
}

/** The steps and answers of a learner with no role who takes the scenario and chooses right answers. */
function rightPath(lesson: Lesson, nation: Nation | null): Pick<LessonPath, 'visited' | 'answers'> {
  const visited: string[] = [];
  const answers: { stepId: string; optionIds: string[] }[] = [];
  let step = stepById(lesson, lesson.start);
  for (;;) {
    const mode = modeOf(step);
    if (mode !== 'route') visited.push(step.id);
    if (mode === 'ending') break;
    let chosen: string[] | undefined;
    if (isDecisionStep(step)) {
      const right = step.options.filter((option) => option.correct).map((option) => option.id);
      // One right option where only one can be chosen (a scenario stage, a single-choice question).
      chosen = step.kind === 'question' && step.mode === 'multiple' ? right : right.slice(0, 1);
      if (chosen.length === 0) chosen = [step.options[0]!.id];
      answers.push({ stepId: step.id, optionIds: chosen });
    }
    // No role: a role branch sends the learner `otherwise`; a content note goes on to the scenario.
    step = stepById(lesson, nextOf(step, { role: null, nation, chosen })!);
  }
  return { visited, answers };
}

/**
 * The module's single CPD figure: the right-answer path with no role set (see the model above),
 * rounded to the nearest 5 minutes, as CPD records usually are; a nation's path in its words when given.
 */
export function estimateCpdMinutes(courseModule: CourseModule, allWords: Words, nation?: Nation | null): number {
  const words = wordsForNation(allWords, nation);
  const minutes = courseModule.lessons.reduce(
    (sum, lesson) => sum + minutesForPath(lesson, words, rightPath(lesson, nation ?? null)),
    0,
  );
  return Math.max(5, Math.round(minutes / 5) * 5);
}
