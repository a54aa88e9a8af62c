// Restores a learner's saved place in a lesson on the lesson as it ships now. Saved progress is
// the learner's own state only (role, nation, steps seen, answers, seed); it is replayed through the
// current lesson machine, so a restored learner always runs the current graph, a changed `next` is
// followed, and a snapshot edited by hand cannot put the machine anywhere the learner's moves could
// not. Where every answered step still exists with the same options the answers are kept; a lesson
// whose answered path changed restarts, and the caller tells the learner.
import { createActor } from 'xstate';
import type { Lesson, Nation, Role } from './contentSchema';
import { isDecisionStep, ROLES } from './content';
import { lessonHash } from './contentHash';
import {
  answerFor,
  createLessonMachine,
  offeredIds,
  type AnswerRecord,
  type LessonContext,
  type LessonSnapshot,
} from './lessonMachine';
import { isRouteStep, routeOf, successorsOf } from './steps/registry';

export type RestoredLesson =
  /** Nothing was saved. */
  | { kind: 'fresh' }
  /** The learner continues where they were. */
  | { kind: 'same'; snapshot: LessonSnapshot }
  /** The lesson changed; the learner's answers are kept and they continue on the new graph. */
  | { kind: 'migrated'; snapshot: LessonSnapshot }
  /** The lesson changed where the learner had answered, or what was saved cannot be read. */
  | { kind: 'restarted'; reason: 'content-changed' | 'unreadable' };

interface SavedPlace {
  value: string;
  context: LessonContext;
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * Saved in place of a lesson's snapshot when its place could not be carried over (from an LMS's
 * suspend_data made on other content), so the learner is told the lesson started again.
 */
export const RESTART_MARKER = { restartedForNewContent: true } as const;

function isRestartMarker(saved: unknown): boolean {
  return (
    typeof saved === 'object' && saved !== null && (saved as Record<string, unknown>).restartedForNewContent === true
  );
}

/** Reads the learner's state out of a saved snapshot (any version), or undefined when it is not one. */
export function readSavedPlace(saved: unknown): SavedPlace | undefined {
  if (typeof saved !== 'object' || saved === null) return undefined;
  const { value, context } = saved as { value?: unknown; context?: Record<string, unknown> };
  if (typeof value !== 'string' || typeof context !== 'object' || context === null) return undefined;
  const { role, nation, stepId, visited, answers, seed, askRole, askNation, fallbackStepId, showOtherExplanations } =
    context;
  if (typeof stepId !== 'string' || !isStringList(visited) || visited.length === 0 || !Array.isArray(answers)) {
    return undefined;
  }
  if (role !== null && role !== undefined && !ROLES.includes(role as Role)) return undefined;
  const readAnswers: AnswerRecord[] = [];
  for (const answer of answers as unknown[]) {
    const { stepId: answered, optionIds, offered } = (answer ?? {}) as Record<string, unknown>;
    if (typeof answered !== 'string' || !isStringList(optionIds)) return undefined;
    if (offered !== undefined && !isStringList(offered)) return undefined;
    readAnswers.push({ stepId: answered, optionIds, ...(offered ? { offered } : {}) });
  }
  return {
    value,
    context: {
      role: (role as Role | undefined) ?? null,
      nation: nation === 'england' || nation === 'wales' ? (nation as Nation) : null,
      stepId,
      visited,
      answers: readAnswers,
      seed: typeof seed === 'number' && Number.isFinite(seed) ? seed >>> 0 : 0,
      askRole: askRole === true,
      askNation: askNation === true,
      fallbackStepId: typeof fallbackStepId === 'string' ? fallbackStepId : null,
      showOtherExplanations: showOtherExplanations === true,
    },
  };
}

/** Whether every answer was given to a step that still exists with the same options. */
function answersStillFit(lesson: Lesson, answers: AnswerRecord[]): boolean {
  return answers.every((answer) => {
    const step = lesson.steps.find((candidate) => candidate.id === answer.stepId);
    if (!step || !isDecisionStep(step)) return false;
    if (!answer.optionIds.every((optionId) => step.options.some((option) => option.id === optionId))) return false;
    return answer.offered === undefined || answer.offered.join(' ') === offeredIds(step).join(' ');
  });
}

interface Learner {
  role: Role | null;
  nation: Nation | null;
}

/** Steps that can still come after this one for a learner in this role and nation (the step itself excluded). */
function reachableFrom(lesson: Lesson, stepId: string, learner: Learner): Set<string> {
  const seen = new Set<string>();
  const stack = [stepId];
  while (stack.length > 0) {
    const current = stack.pop();
    const step = lesson.steps.find((candidate) => candidate.id === current);
    if (!step) continue;
    const next = isRouteStep(step) ? [routeOf(step, learner)] : successorsOf(step);
    for (const target of next) {
      if (!seen.has(target)) {
        seen.add(target);
        stack.push(target);
      }
    }
  }
  seen.delete(stepId);
  return seen;
}

function offeredIdsOf(lesson: Lesson, stepId: string): string[] {
  const step = lesson.steps.find((candidate) => candidate.id === stepId);
  return step && isDecisionStep(step) ? offeredIds(step) : [];
}

/**
 * The learner's role (or nation) changed since they took this lesson: their place replayed for the
 * new role and nation, so the questions written for them come up to answer, and every other answer
 * is kept. A nation left out keeps the one the lesson was taken with.
 */
export function withRole(
  lesson: Lesson,
  saved: unknown,
  role: Role | null,
  nation?: Nation | null,
): LessonSnapshot | undefined {
  const place = readSavedPlace(saved);
  if (!place || !answersStillFit(lesson, place.context.answers)) return undefined;
  const learner = { role, nation: nation === undefined ? place.context.nation : nation };
  try {
    return replay(lesson, {
      ...place,
      context: { ...place.context, ...learner, fallbackStepId: null, askRole: false, askNation: false },
    });
  } catch {
    return undefined;
  }
}

/** Where a step id leads once role and nation branches (never shown) are followed. */
function shownStep(lesson: Lesson, stepId: string, learner: Learner): string {
  let step = lesson.steps.find((candidate) => candidate.id === stepId);
  for (let hops = 0; step && isRouteStep(step) && hops < lesson.steps.length; hops += 1) {
    const next = routeOf(step, learner);
    step = lesson.steps.find((candidate) => candidate.id === next);
  }
  return step?.id ?? stepId;
}

/**
 * Replays the learner's way through the current lesson: steps they had seen are passed again as
 * they passed them, answers given again; it stops where they were, or at the first step on the
 * current path they have not seen.
 */
function replay(lesson: Lesson, place: SavedPlace): LessonSnapshot {
  const saved = place.context;
  const actor = createActor(createLessonMachine(lesson), {
    input: {
      role: saved.role,
      nation: saved.nation,
      seed: saved.seed,
      askRole: saved.askRole,
      askNation: saved.askNation,
    },
  }).start();
  try {
    for (let moves = 0; moves < lesson.steps.length * 3; moves += 1) {
      const snapshot = actor.getSnapshot();
      const here = snapshot.context.stepId;
      const at = saved.visited.lastIndexOf(here);
      const last = at === saved.visited.length - 1;
      if (at < 0 || snapshot.matches('summary') || snapshot.matches('choosingRole')) break;
      if (snapshot.matches('answering')) {
        const answer = answerFor(saved, here);
        if (!answer) break;
        actor.send({ type: 'learner.choose', optionIds: answer.optionIds });
        if (last) break;
      } else if (last) {
        break;
      } else if (snapshot.matches('contentNote')) {
        const step = lesson.steps.find((candidate) => candidate.id === here);
        const following = saved.visited[at + 1];
        const tookAlternative =
          step?.kind === 'contentNote' && following === shownStep(lesson, step.alternative, saved);
        actor.send({ type: tookAlternative ? 'learner.takeAlternative' : 'learner.continue' });
      } else {
        actor.send({ type: 'learner.continue' });
      }
      if (actor.getSnapshot() === snapshot) break;
    }
    const reached = actor.getSnapshot();
    if (saved.showOtherExplanations && reached.matches('feedback') && place.value === 'feedback') {
      actor.send({ type: 'learner.toggleOtherExplanations' });
    }
    return withAnswersAhead(lesson, actor.getPersistedSnapshot() as LessonSnapshot, saved.answers);
  } finally {
    actor.stop();
  }
}

/**
 * A replayed snapshot with the learner's answers to steps still ahead on their current path kept
 * (reaching one shows its feedback); answers to steps behind, off the path or already given are
 * left out. Used here and by the SCORM progress codec, so both restore a changed lesson alike.
 */
export function withAnswersAhead(lesson: Lesson, snapshot: LessonSnapshot, answers: AnswerRecord[]): LessonSnapshot {
  const ahead = reachableFrom(lesson, snapshot.context.stepId, snapshot.context);
  const given = new Set(snapshot.context.answers.map((answer) => answer.stepId));
  const kept = answers
    .filter((answer) => ahead.has(answer.stepId) && !given.has(answer.stepId))
    .map((answer) => ({ ...answer, offered: offeredIdsOf(lesson, answer.stepId) }));
  return kept.length === 0
    ? snapshot
    : ({
        ...snapshot,
        context: { ...snapshot.context, answers: [...snapshot.context.answers, ...kept] },
      } as LessonSnapshot);
}

/**
 * Restores a saved lesson snapshot on the shipped lesson. `savedHash` is the lesson's structural
 * hash when the progress was saved (absent for progress saved before hashes were kept).
 */
export function restoreLesson(lesson: Lesson, saved: unknown, savedHash?: string): RestoredLesson {
  if (saved === undefined || saved === null) return { kind: 'fresh' };
  if (isRestartMarker(saved)) return { kind: 'restarted', reason: 'content-changed' };
  const place = readSavedPlace(saved);
  if (!place) return { kind: 'restarted', reason: 'unreadable' };
  const unchanged = savedHash === lessonHash(lesson);
  if (!answersStillFit(lesson, place.context.answers)) {
    return { kind: 'restarted', reason: unchanged ? 'unreadable' : 'content-changed' };
  }
  try {
    const snapshot = replay(lesson, place);
    const { context } = snapshot;
    const same =
      snapshot.value === place.value &&
      context.stepId === place.context.stepId &&
      context.visited.join(' ') === place.context.visited.join(' ') &&
      context.answers.length === place.context.answers.length;
    // Unchanged content that still replays differently was edited or damaged: what replays is kept.
    return same ? { kind: 'same', snapshot } : { kind: 'migrated', snapshot };
  } catch {
    return { kind: 'restarted', reason: 'unreadable' };
  }
}
