// Results worked out from the content, never from what a device claims. The answer log (option ids
// per step) is replayed against the shipped lesson: each answer is judged by the lesson's own
// `correct` flags, and the lesson counts as finished only when some path from its start to a
// summary has every decision on it answered. A saved "passed" flag, a stored `correct` boolean or a
// restored snapshot (which could carry an edited copy of the lesson) never decides.
import type { CourseModule, DecisionStep, Lesson, Nation, Role, Step } from './contentSchema';
import { isDecisionStep } from './content';
import { modeOf, nextOf, routesOf, successorsOf } from './steps/registry';

/**
 * Fixes the path at branches: `role` (even null) at role branches, as an assignment's role path
 * does; `nation` (even null) at nation branches, as a record that names its nation does. Left out,
 * any route counts.
 */
export interface PathFix {
  role?: Role | null;
  nation?: Nation | null;
}

export interface LoggedAnswer {
  stepId: string;
  optionIds: readonly string[];
  /** When it was given; the latest answer to a step counts. Without it, log order decides. */
  at?: number;
}

export interface JudgedAnswer {
  stepId: string;
  optionIds: string[];
  correct: boolean;
}

export interface RecomputedLesson {
  lessonId: string;
  /** Some path from the start to a summary has every decision on it answered. */
  complete: boolean;
  /** The answers on that path (or, when incomplete, every valid answer given), judged by the content. */
  answers: JudgedAnswer[];
  correct: number;
  total: number;
}

/** A choice is right when it picks exactly the correct options. */
export function judgeChoice(step: DecisionStep, optionIds: readonly string[]): boolean {
  const correct = step.options.filter((option) => option.correct).map((option) => option.id);
  return correct.length === optionIds.length && correct.every((optionId) => optionIds.includes(optionId));
}

/** An answer the lesson could have accepted: known options, no repeats, one for a single choice. */
export function isPossibleAnswer(step: DecisionStep, optionIds: readonly string[]): boolean {
  if (optionIds.length === 0 || new Set(optionIds).size !== optionIds.length) return false;
  const single = step.kind === 'scenario' || step.mode === 'single';
  if (single && optionIds.length !== 1) return false;
  return optionIds.every((optionId) => step.options.some((option) => option.id === optionId));
}

function latestValidAnswers(lesson: Lesson, log: readonly LoggedAnswer[]): Map<string, readonly string[]> {
  const ordered = log
    .map((answer, index) => ({ answer, index }))
    .sort((a, b) => (a.answer.at ?? 0) - (b.answer.at ?? 0) || a.index - b.index);
  const steps = new Map(lesson.steps.map((step) => [step.id, step]));
  const latest = new Map<string, readonly string[]>();
  for (const { answer } of ordered) {
    const step = steps.get(answer.stepId);
    if (step && isDecisionStep(step) && isPossibleAnswer(step, answer.optionIds)) latest.set(step.id, answer.optionIds);
  }
  return latest;
}

/** Paths from the start to a summary on which every decision has an answer; each as its decision steps. */
function answeredPaths(lesson: Lesson, answers: Map<string, readonly string[]>, fix: PathFix): DecisionStep[][] {
  const learner = { role: fix.role ?? null, nation: fix.nation ?? null };
  const fixed = { role: fix.role !== undefined, nation: fix.nation !== undefined };
  const steps = new Map(lesson.steps.map((step) => [step.id, step]));
  const found: DecisionStep[][] = [];
  const walk = (stepId: string, onPath: Set<string>, decisions: DecisionStep[]) => {
    const step: Step | undefined = steps.get(stepId);
    // A missing step or a loop ends this path; the content tests keep both out of shipped lessons.
    if (!step || onPath.has(stepId) || found.length >= 64) return;
    const here = new Set(onPath).add(stepId);
    // Each kind says where it leads (steps/registry.ts), so a new kind needs nothing here.
    switch (modeOf(step)) {
      case 'ending':
        found.push(decisions);
        return;
      case 'decision': {
        const chosen = answers.get(step.id);
        if (!chosen || !isDecisionStep(step)) return;
        const next = nextOf(step, { ...learner, chosen });
        if (next) walk(next, here, [...decisions, step]);
        return;
      }
      case 'route': {
        // A fixed role or nation allows only its route; otherwise any route the learner could take.
        for (const route of routesOf(step, learner, fixed)) walk(route, here, decisions);
        return;
      }
      default:
        // Reading and rewrite go on; a content note may go on or take its alternative.
        for (const next of successorsOf(step)) walk(next, here, decisions);
    }
  };
  walk(lesson.start, new Set(), []);
  return found;
}

/** Replays a lesson's answer log against the lesson, on the path `options` fixes (see PathFix). */
export function recomputeLesson(lesson: Lesson, log: readonly LoggedAnswer[], options: PathFix = {}): RecomputedLesson {
  const answers = latestValidAnswers(lesson, log);
  const paths = answeredPaths(lesson, answers, options);
  // Where several paths were answered (a learner who tried two role paths), the longest counts.
  const path = paths.reduce<DecisionStep[] | undefined>(
    (best, candidate) => (!best || candidate.length > best.length ? candidate : best),
    undefined,
  );
  const judged = (steps: DecisionStep[]) =>
    steps.map((step) => {
      const optionIds = [...(answers.get(step.id) ?? [])];
      return { stepId: step.id, optionIds, correct: judgeChoice(step, optionIds) };
    });
  const chosen = path
    ? judged(path)
    : judged(lesson.steps.filter(isDecisionStep).filter((step) => answers.has(step.id)));
  return {
    lessonId: lesson.id,
    complete: path !== undefined,
    answers: chosen,
    correct: chosen.filter((answer) => answer.correct).length,
    total: chosen.length,
  };
}

export interface RecomputedResult {
  lessons: RecomputedLesson[];
  correct: number;
  total: number;
  /** Every lesson finished. */
  complete: boolean;
  /** Finished, at least one decision made, and the share right meets the pass mark (0 to 1). */
  passed: boolean;
}

/** Adds up lesson results against a pass mark (a share, 0 to 1). Never passes 0 of 0. */
export function combineResults(lessons: RecomputedLesson[], passMark: number): RecomputedResult {
  const correct = lessons.reduce((sum, lesson) => sum + lesson.correct, 0);
  const total = lessons.reduce((sum, lesson) => sum + lesson.total, 0);
  const complete = lessons.length > 0 && lessons.every((lesson) => lesson.complete);
  return { lessons, correct, total, complete, passed: complete && total > 0 && correct / total >= passMark - 1e-9 };
}

/** A whole module, from each lesson's answer log. */
export function recomputeModule(
  courseModule: CourseModule,
  logFor: (lessonId: string) => readonly LoggedAnswer[],
  options: PathFix = {},
): RecomputedResult {
  return combineResults(
    courseModule.lessons.map((lesson) => recomputeLesson(lesson, logFor(lesson.id), options)),
    courseModule.passMark,
  );
}
