// Graph facts about a lesson's steps: which step follows which, what is reachable,
// and how far each step is from an ending. Used by content checks and the progress bar.
import type { Lesson, Step } from './contentSchema';
import { successorsOf } from './steps/registry';

export function stepById(lesson: Lesson, stepId: string): Step {
  const step = lesson.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw new Error(`Lesson "${lesson.id}" has no step "${stepId}"`);
  return step;
}

/** The steps a learner can go to from this one. */
export function successors(step: Step): string[] {
  return successorsOf(step);
}

/** Shortest number of moves from each step to a summary; steps that cannot reach one are absent. */
export function distancesToEnd(lesson: Lesson): Map<string, number> {
  const predecessors = new Map<string, string[]>();
  for (const step of lesson.steps) {
    for (const target of successors(step)) {
      predecessors.set(target, [...(predecessors.get(target) ?? []), step.id]);
    }
  }
  const distance = new Map<string, number>();
  const queue = lesson.steps.filter((step) => step.kind === 'summary').map((step) => step.id);
  for (const stepId of queue) distance.set(stepId, 0);
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const previous of predecessors.get(current) ?? []) {
      if (!distance.has(previous)) {
        distance.set(previous, (distance.get(current) as number) + 1);
        queue.push(previous);
      }
    }
  }
  return distance;
}

export interface LessonGraphProblem {
  lessonId: string;
  stepId?: string;
  problem: 'duplicate-step' | 'missing-target' | 'unreachable' | 'dead-end' | 'cycle' | 'no-summary';
  detail?: string;
}

/** Everything structurally wrong with a lesson graph; an empty list means every path ends in a summary. */
export function findGraphProblems(lesson: Lesson): LessonGraphProblem[] {
  const problems: LessonGraphProblem[] = [];
  const ids = new Set<string>();
  for (const step of lesson.steps) {
    if (ids.has(step.id)) problems.push({ lessonId: lesson.id, stepId: step.id, problem: 'duplicate-step' });
    ids.add(step.id);
  }
  if (!ids.has(lesson.start)) {
    problems.push({ lessonId: lesson.id, problem: 'missing-target', detail: `start "${lesson.start}"` });
    return problems;
  }
  if (!lesson.steps.some((step) => step.kind === 'summary')) {
    problems.push({ lessonId: lesson.id, problem: 'no-summary' });
  }
  for (const step of lesson.steps) {
    for (const target of successors(step)) {
      if (!ids.has(target)) {
        problems.push({ lessonId: lesson.id, stepId: step.id, problem: 'missing-target', detail: target });
      }
    }
  }
  if (problems.length > 0) return problems;

  const reachable = new Set<string>();
  const stack = [lesson.start];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    if (reachable.has(current)) continue;
    reachable.add(current);
    stack.push(...successors(stepById(lesson, current)));
  }
  const distance = distancesToEnd(lesson);
  for (const step of lesson.steps) {
    if (!reachable.has(step.id)) problems.push({ lessonId: lesson.id, stepId: step.id, problem: 'unreachable' });
    else if (!distance.has(step.id)) problems.push({ lessonId: lesson.id, stepId: step.id, problem: 'dead-end' });
  }
  if (hasCycle(lesson)) problems.push({ lessonId: lesson.id, problem: 'cycle' });
  return problems;
}

function hasCycle(lesson: Lesson): boolean {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (stepId: string): boolean => {
    if (state.get(stepId) === 'visiting') return true;
    if (state.get(stepId) === 'done') return false;
    state.set(stepId, 'visiting');
    const found = successors(stepById(lesson, stepId)).some(visit);
    state.set(stepId, 'done');
    return found;
  };
  return visit(lesson.start);
}

/**
 * The fewest steps of the given kinds on any path from start to an ending (for content standards).
 * A content note's alternative route is left out: it exists to avoid the scenario, so it is not a
 * path through it.
 */
export function fewestDecisionsOnAnyPath(lesson: Lesson, kinds: Step['kind'][] = ['scenario']): number {
  const memo = new Map<string, number>();
  const walk = (stepId: string): number => {
    const cached = memo.get(stepId);
    if (cached !== undefined) return cached;
    const step = stepById(lesson, stepId);
    const next = step.kind === 'contentNote' ? [step.next] : successors(step);
    const own = kinds.includes(step.kind) ? 1 : 0;
    const result = own + (next.length === 0 ? 0 : Math.min(...next.map(walk)));
    memo.set(stepId, result);
    return result;
  };
  return walk(lesson.start);
}
