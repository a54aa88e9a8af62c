// Drives one lesson: moves the learner through reading, answering and feedback to a summary. The
// machine is built from the shipped lesson (`createLessonMachine`), whose guards and actions read
// the lesson from a closure, so its context, and so everything saved, holds only the learner's own
// state: nothing saved says which option is right, and a restored learner always runs the current
// lesson graph (see lessonRestore.ts). Step kinds come from the registry in steps/.
import { assertEvent, assign, setup, type SnapshotFrom } from 'xstate';
import type { DecisionStep, Lesson, Nation, Role, Step } from './contentSchema';
import { isDecisionStep } from './content';
import { stepById } from './lessonGraph';
import { hash32 } from './shuffle';
import { modeOf, nextOf, routeOf } from './steps/registry';

export interface AnswerRecord {
  stepId: string;
  optionIds: string[];
  /**
   * The step's option ids (sorted) when it was answered, so a question whose options changed since
   * is noticed when progress is restored. Absent in progress saved before it was kept.
   */
  offered?: string[];
}

/** Which UK nation's law and guidance a learner works under (see contentSchema.ts). */
export type { Nation } from './contentSchema';

export interface LessonContext {
  /** The learner's role; picks role-specific paths. */
  role: Role | null;
  /** The nation whose law the learner works under; picks nation-specific paths. */
  nation: Nation | null;
  stepId: string;
  /** Steps shown so far, in order; drives the progress indicator. */
  visited: string[];
  answers: AnswerRecord[];
  /** Orders each decision's options for this attempt (see shuffle.ts). */
  seed: number;
  /** True until the learner has given a role or said they prefer not to: asked at the first role branch. */
  askRole: boolean;
  /** True until the learner has given their nation: asked with the role, at the first branch. */
  askNation: boolean;
  /** The step a role branch sent the learner to because their role has no path of its own. */
  fallbackStepId: string | null;
  showOtherExplanations: boolean;
}

export type LessonEvent =
  | { type: 'learner.continue' }
  | { type: 'learner.takeAlternative' }
  | { type: 'learner.choose'; optionIds: string[] }
  /** The learner's details asked in place: their role (null: prefer not to say) and, when asked, nation. */
  | { type: 'learner.chooseRole'; role: Role | null; nation?: Nation }
  | { type: 'learner.toggleOtherExplanations' }
  | { type: 'learner.restart' }
  /**
   * The learner's profile was read after the lesson's first step was already on screen (as
   * prerendered): their role, and whether to ask it. Taken only before the learner has done anything.
   */
  | { type: 'learner.profileRead'; role: Role | null; askRole: boolean; nation?: Nation | null; askNation?: boolean };

export interface LessonInput {
  role?: Role | null;
  nation?: Nation | null;
  seed?: number;
  /** Ask for the learner's role at the first role branch (they have not given one). */
  askRole?: boolean;
  /** Ask for the learner's nation at the first role or nation branch (they have not given one). */
  askNation?: boolean;
}

export function currentStep(lesson: Lesson, context: Pick<LessonContext, 'stepId'>): Step {
  return stepById(lesson, context.stepId);
}

export function answerFor(context: Pick<LessonContext, 'answers'>, stepId: string): AnswerRecord | undefined {
  return context.answers.find((answer) => answer.stepId === stepId);
}

/** A choice is right when it picks exactly the correct options. */
export function isChoiceCorrect(step: DecisionStep, optionIds: readonly string[]): boolean {
  const correct = step.options.filter((option) => option.correct).map((option) => option.id);
  return correct.length === optionIds.length && correct.every((optionId) => optionIds.includes(optionId));
}

/** Whether a saved answer is right, judged against the shipped lesson (never a saved flag). */
export function isAnswerCorrect(lesson: Lesson, answer: AnswerRecord): boolean {
  const step = lesson.steps.find((candidate) => candidate.id === answer.stepId);
  return step !== undefined && isDecisionStep(step) && isChoiceCorrect(step, answer.optionIds);
}

export const offeredIds = (step: DecisionStep): string[] => step.options.map((option) => option.id).sort();

function startContext(input: LessonInput & { seed: number }, lesson: Lesson): LessonContext {
  return {
    role: input.role ?? null,
    nation: input.nation ?? null,
    stepId: lesson.start,
    visited: [lesson.start],
    answers: [],
    seed: input.seed >>> 0,
    askRole: (input.askRole ?? false) && !input.role,
    askNation: (input.askNation ?? false) && !input.nation,
    fallbackStepId: null,
    showOtherExplanations: false,
  };
}

function buildLessonMachine(lesson: Lesson) {
  const step = (context: LessonContext) => currentStep(lesson, context);
  const nextStepId = (context: LessonContext) =>
    nextOf(step(context), {
      role: context.role,
      nation: context.nation,
      chosen: answerFor(context, context.stepId)?.optionIds,
    });
  const isValidChoice = (context: LessonContext, optionIds: string[]) => {
    const current = step(context);
    if (!isDecisionStep(current) || optionIds.length === 0) return false;
    if (new Set(optionIds).size !== optionIds.length) return false;
    const single = current.kind === 'scenario' || current.mode === 'single';
    if (single && optionIds.length !== 1) return false;
    return optionIds.every((optionId) => current.options.some((option) => option.id === optionId));
  };
  /** A role or nation branch is never shown, so the step it routes to takes its place in the visited list. */
  const followRoute = (context: LessonContext, role: Role | null, nation: Nation | null) => {
    const branch = step(context);
    if (modeOf(branch) !== 'route') return {};
    const next = routeOf(branch, { role, nation });
    // Only a role branch falls back: a learner in a role without its own path is told so.
    const fellBack = branch.kind === 'roleBranch' && next === branch.otherwise && !(role && branch.routes[role]);
    return {
      stepId: next,
      visited: [...context.visited.slice(0, -1), next],
      fallbackStepId: fellBack ? next : context.fallbackStepId,
    };
  };

  return setup({
    types: {
      context: {} as LessonContext,
      events: {} as LessonEvent,
      input: {} as LessonInput,
    },
    guards: {
      isDecisionStep: ({ context }) => modeOf(step(context)) === 'decision',
      isAnswered: ({ context }) => answerFor(context, context.stepId) !== undefined,
      isEnding: ({ context }) => modeOf(step(context)) === 'ending',
      isRoute: ({ context }) => modeOf(step(context)) === 'route',
      isContentNote: ({ context }) => modeOf(step(context)) === 'contentNote',
      isUntouched: ({ context }) => context.visited.length === 1 && context.answers.length === 0,
      // The role is asked at the first branch of either kind (with the nation, when that is not
      // known either); a learner who gave their role is asked their nation only where it matters.
      needsDetails: ({ context }) => {
        const kind = step(context).kind;
        if (kind !== 'roleBranch' && kind !== 'nationBranch') return false;
        if (context.askRole && context.role === null) return true;
        return kind === 'nationBranch' && context.askNation && context.nation === null;
      },
      isValidChoice: ({ context, event }) => event.type === 'learner.choose' && isValidChoice(context, event.optionIds),
      hasNextStep: ({ context }) => nextStepId(context) !== undefined,
    },
    actions: {
      recordAnswer: assign(({ context, event }) => {
        assertEvent(event, 'learner.choose');
        const current = step(context) as DecisionStep;
        const answer: AnswerRecord = {
          stepId: current.id,
          optionIds: [...event.optionIds],
          offered: offeredIds(current),
        };
        return {
          answers: [...context.answers.filter((previous) => previous.stepId !== current.id), answer],
          showOtherExplanations: false,
        };
      }),
      goToNextStep: assign(({ context }) => {
        const next = nextStepId(context) as string;
        return { stepId: next, visited: [...context.visited, next], showOtherExplanations: false };
      }),
      takeAlternative: assign(({ context }) => {
        const current = step(context);
        if (current.kind !== 'contentNote') return {};
        return { stepId: current.alternative, visited: [...context.visited, current.alternative] };
      }),
      followRoute: assign(({ context }) => followRoute(context, context.role, context.nation)),
      chooseRole: assign(({ context, event }) => {
        assertEvent(event, 'learner.chooseRole');
        const nation = event.nation ?? context.nation;
        return {
          ...followRoute(context, event.role, nation),
          role: event.role,
          nation,
          askRole: false,
          askNation: false,
        };
      }),
      applyProfile: assign(({ event }) => {
        assertEvent(event, 'learner.profileRead');
        const nation = event.nation ?? null;
        return {
          role: event.role,
          askRole: event.askRole && !event.role,
          nation,
          askNation: (event.askNation ?? false) && !nation,
        };
      }),
      toggleOtherExplanations: assign(({ context }) => ({
        showOtherExplanations: !context.showOtherExplanations,
      })),
      /** A new attempt: a new order of options, derived from the last so every tab agrees. */
      restart: assign(({ context }) =>
        startContext({ ...context, askRole: false, askNation: false, seed: hash32(`${context.seed}:again`) }, lesson),
      ),
    },
  }).createMachine({
    id: 'lesson',
    context: ({ input }) => startContext({ ...input, seed: input.seed ?? 0 }, lesson),
    initial: 'routing',
    on: {
      'learner.restart': { target: '.routing', actions: 'restart' },
      'learner.profileRead': { guard: 'isUntouched', actions: 'applyProfile' },
    },
    states: {
      routing: {
        always: [
          { guard: 'needsDetails', target: 'choosingRole' },
          { guard: 'isRoute', target: 'routing', reenter: true, actions: 'followRoute' },
          { guard: 'isEnding', target: 'summary' },
          // Reached only after content changed under saved progress: the answer given is kept.
          { guard: 'isAnswered', target: 'feedback' },
          { guard: 'isDecisionStep', target: 'answering' },
          { guard: 'isContentNote', target: 'contentNote' },
          { target: 'reading' },
        ],
      },
      /** The first role or nation branch of a learner who has not given a role or nation: ask, in place. */
      choosingRole: {
        on: { 'learner.chooseRole': { target: 'routing', actions: 'chooseRole' } },
      },
      contentNote: {
        on: {
          'learner.continue': { target: 'routing', actions: 'goToNextStep' },
          'learner.takeAlternative': { target: 'routing', actions: 'takeAlternative' },
        },
      },
      reading: {
        on: {
          'learner.continue': { guard: 'hasNextStep', target: 'routing', actions: 'goToNextStep' },
        },
      },
      answering: {
        on: {
          'learner.choose': { guard: 'isValidChoice', target: 'feedback', actions: 'recordAnswer' },
        },
      },
      feedback: {
        on: {
          'learner.toggleOtherExplanations': { actions: 'toggleOtherExplanations' },
          'learner.continue': { guard: 'hasNextStep', target: 'routing', actions: 'goToNextStep' },
        },
      },
      summary: {},
    },
  });
}

export type LessonMachine = ReturnType<typeof buildLessonMachine>;
export type LessonSnapshot = SnapshotFrom<LessonMachine>;

const machines = new WeakMap<Lesson, LessonMachine>();

/** The machine for one shipped lesson (made once per lesson object). */
export function createLessonMachine(lesson: Lesson): LessonMachine {
  let machine = machines.get(lesson);
  if (!machine) {
    machine = buildLessonMachine(lesson);
    machines.set(lesson, machine);
  }
  return machine;
}

export interface LessonResult {
  correct: number;
  total: number;
  /** Misconception tags of the wrong options the learner chose, without repeats. */
  myths: string[];
}

/**
 * The lesson's result, judged against the shipped lesson. Only answers to steps on the learner's
 * way count: answers kept for steps still ahead (after content or role changed) count once reached.
 */
export function lessonResult(lesson: Lesson, context: Pick<LessonContext, 'answers' | 'visited'>): LessonResult {
  const myths = new Set<string>();
  let correct = 0;
  let total = 0;
  for (const answer of context.answers) {
    if (!context.visited.includes(answer.stepId)) continue;
    const step = lesson.steps.find((candidate) => candidate.id === answer.stepId);
    if (!step || !isDecisionStep(step)) continue;
    total += 1;
    if (isChoiceCorrect(step, answer.optionIds)) correct += 1;
    for (const option of step.options) {
      if (answer.optionIds.includes(option.id) && !option.correct && option.misconception) {
        myths.add(option.misconception);
      }
    }
  }
  return { correct, total, myths: [...myths] };
}
