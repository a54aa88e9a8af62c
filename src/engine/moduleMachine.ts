// Tracks a learner's way through one module: which lessons are done, with what score,
// and whether the pass mark is met. Times come in on events, so the machine never reads a clock.
import { assign, createActor, not, setup } from 'xstate';
import type { LessonResult } from './lessonMachine';
import { moduleScore } from './moduleScore';

export { moduleScore };

export const DEFAULT_PASS_MARK = 0.8;

export interface LessonOutcome extends LessonResult {
  completedAt: number;
}

export interface ModuleContext {
  moduleId: string;
  lessonIds: string[];
  passMark: number;
  results: Record<string, LessonOutcome>;
  passedAt: number | null;
}

export type ModuleEvent =
  { type: 'lesson.completed'; lessonId: string; result: LessonResult; at: number } | { type: 'learner.restartModule' };

export interface ModuleInput {
  moduleId: string;
  lessonIds: string[];
  passMark?: number;
}

export function completedLessonIds(context: ModuleContext): string[] {
  return context.lessonIds.filter((lessonId) => lessonId in context.results);
}

export const moduleMachine = setup({
  types: {
    context: {} as ModuleContext,
    events: {} as ModuleEvent,
    input: {} as ModuleInput,
  },
  guards: {
    areAllLessonsDone: ({ context }) => context.lessonIds.every((lessonId) => lessonId in context.results),
    isPassMarkMet: ({ context }) => {
      const { correct, total } = moduleScore(context);
      return total === 0 ? true : correct / total >= context.passMark;
    },
    isKnownLesson: ({ context, event }) =>
      event.type === 'lesson.completed' && context.lessonIds.includes(event.lessonId),
  },
  actions: {
    recordLesson: assign(({ context, event }) => {
      if (event.type !== 'lesson.completed') return {};
      return {
        results: { ...context.results, [event.lessonId]: { ...event.result, completedAt: event.at } },
      };
    }),
    markPassed: assign(({ context }) => {
      const times = Object.values(context.results).map((result) => result.completedAt);
      return { passedAt: Math.max(...times) };
    }),
    reset: assign({ results: {}, passedAt: null }),
  },
}).createMachine({
  id: 'module',
  context: ({ input }) => ({
    moduleId: input.moduleId,
    lessonIds: input.lessonIds,
    passMark: input.passMark ?? DEFAULT_PASS_MARK,
    results: {},
    passedAt: null,
  }),
  initial: 'inProgress',
  states: {
    inProgress: {
      on: {
        'lesson.completed': { guard: 'isKnownLesson', target: 'evaluating', actions: 'recordLesson' },
        'learner.restartModule': { actions: 'reset' },
      },
    },
    evaluating: {
      always: [
        { guard: not('areAllLessonsDone'), target: 'inProgress' },
        { guard: 'isPassMarkMet', target: 'passed', actions: 'markPassed' },
        { target: 'notPassed' },
      ],
    },
    notPassed: {
      on: {
        'lesson.completed': { guard: 'isKnownLesson', target: 'evaluating', actions: 'recordLesson' },
        'learner.restartModule': { target: 'inProgress', actions: 'reset' },
      },
    },
    /** Passing is kept: retaking a lesson for practice updates its result but never un-passes the module. */
    passed: {
      on: {
        'lesson.completed': { guard: 'isKnownLesson', actions: 'recordLesson' },
        'learner.restartModule': { target: 'inProgress', actions: 'reset' },
      },
    },
  },
});

export type ModuleStatus = 'in-progress' | 'passed' | 'not-passed';

/**
 * The module machine's state for saved results, built on the module as it ships now: results for
 * lessons it no longer has are dropped, and a pass stays a pass whatever changed in the content.
 */
export function moduleStateFrom(
  courseModule: { id: string; lessons: { id: string }[]; passMark?: number },
  saved: { status: ModuleStatus; results: Record<string, LessonOutcome>; passedAt: number | null },
) {
  const lessonIds = courseModule.lessons.map((lesson) => lesson.id);
  const results = Object.fromEntries(
    Object.entries(saved.results).filter(([lessonId]) => lessonIds.includes(lessonId)),
  );
  const value = saved.status === 'passed' ? 'passed' : saved.status === 'not-passed' ? 'notPassed' : 'inProgress';
  return moduleMachine.resolveState({
    value,
    context: {
      moduleId: courseModule.id,
      lessonIds,
      passMark: courseModule.passMark ?? DEFAULT_PASS_MARK,
      results,
      passedAt: saved.passedAt,
    },
  });
}

/** The same state as `moduleStateFrom`, as a plain persisted snapshot that can be stored. */
export function persistedModuleState(
  courseModule: Parameters<typeof moduleStateFrom>[0],
  saved: Parameters<typeof moduleStateFrom>[1],
) {
  const snapshot = moduleStateFrom(courseModule, saved);
  const actor = createActor(moduleMachine, { input: snapshot.context, snapshot });
  return actor.getPersistedSnapshot();
}
