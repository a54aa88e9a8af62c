// Drives one lesson: reads its step graph and moves the learner through reading,
// answering and feedback to a summary. It interprets any lesson definition; saving and
// answer logging are provided from outside (see `reportAnswer`), so the machine stays pure.
import { assign, setup } from 'xstate';
import type { DecisionStep, Lesson, Role, Step } from './contentSchema';
import { isDecisionStep } from './content';
import { stepById } from './lessonGraph';

export interface AnswerRecord {
  stepId: string;
  optionIds: string[];
  correct: boolean;
}

export interface LessonContext {
  lesson: Lesson;
  /** The learner's role when the lesson started; picks role-specific paths. */
  role: Role | null;
  stepId: string;
  /** Steps shown so far, in order; drives the progress indicator. */
  visited: string[];
  answers: AnswerRecord[];
  showOtherExplanations: boolean;
}

export type LessonEvent =
  | { type: 'learner.continue' }
  | { type: 'learner.takeAlternative' }
  | { type: 'learner.choose'; optionIds: string[] }
  | { type: 'learner.toggleOtherExplanations' }
  | { type: 'learner.restart' };

export interface LessonInput {
  lesson: Lesson;
  role?: Role | null;
}

export function currentStep(context: LessonContext): Step {
  return stepById(context.lesson, context.stepId);
}

export function answerFor(context: LessonContext, stepId: string): AnswerRecord | undefined {
  return context.answers.find((answer) => answer.stepId === stepId);
}

/** A choice is right when it picks exactly the correct options. */
export function isChoiceCorrect(step: DecisionStep, optionIds: string[]): boolean {
  const correct = step.options.filter((option) => option.correct).map((option) => option.id);
  return correct.length === optionIds.length && correct.every((optionId) => optionIds.includes(optionId));
}

function nextStepId(context: LessonContext): string | undefined {
  const step = currentStep(context);
  if (step.kind === 'reading' || step.kind === 'question' || step.kind === 'contentNote' || step.kind === 'rewrite') {
    return step.next;
  }
  if (step.kind === 'scenario') {
    const chosen = answerFor(context, step.id)?.optionIds[0];
    return step.options.find((option) => option.id === chosen)?.next;
  }
  if (step.kind === 'roleBranch') return (context.role && step.routes[context.role]) || step.otherwise;
  return undefined;
}

function startContext(lesson: Lesson, role: Role | null): LessonContext {
  return { lesson, role, stepId: lesson.start, visited: [lesson.start], answers: [], showOtherExplanations: false };
}

export const lessonMachine = setup({
  types: {
    context: {} as LessonContext,
    events: {} as LessonEvent,
    input: {} as LessonInput,
  },
  guards: {
    isDecisionStep: ({ context }) => isDecisionStep(currentStep(context)),
    isSummaryStep: ({ context }) => currentStep(context).kind === 'summary',
    isRoleBranch: ({ context }) => currentStep(context).kind === 'roleBranch',
    isContentNote: ({ context }) => currentStep(context).kind === 'contentNote',
    isValidChoice: ({ context, event }) => {
      if (event.type !== 'learner.choose') return false;
      const step = currentStep(context);
      if (!isDecisionStep(step) || event.optionIds.length === 0) return false;
      if (new Set(event.optionIds).size !== event.optionIds.length) return false;
      const single = step.kind === 'scenario' || step.mode === 'single';
      if (single && event.optionIds.length !== 1) return false;
      return event.optionIds.every((optionId) => step.options.some((option) => option.id === optionId));
    },
    hasNextStep: ({ context }) => nextStepId(context) !== undefined,
  },
  actions: {
    recordAnswer: assign(({ context, event }) => {
      if (event.type !== 'learner.choose') return {};
      const step = currentStep(context) as DecisionStep;
      const answer: AnswerRecord = {
        stepId: step.id,
        optionIds: [...event.optionIds],
        correct: isChoiceCorrect(step, event.optionIds),
      };
      return {
        answers: [...context.answers.filter((previous) => previous.stepId !== step.id), answer],
        showOtherExplanations: false,
      };
    }),
    /** Replaced by the app to log each answer; a no-op keeps the machine pure in tests. */
    reportAnswer: () => {},
    goToNextStep: assign(({ context }) => {
      const next = nextStepId(context) as string;
      return { stepId: next, visited: [...context.visited, next], showOtherExplanations: false };
    }),
    takeAlternative: assign(({ context }) => {
      const step = currentStep(context);
      if (step.kind !== 'contentNote') return {};
      return { stepId: step.alternative, visited: [...context.visited, step.alternative] };
    }),
    /** A role branch is never shown, so the step it routes to takes its place in the visited list. */
    followRoleBranch: assign(({ context }) => {
      const next = nextStepId(context) as string;
      return { stepId: next, visited: [...context.visited.slice(0, -1), next] };
    }),
    toggleOtherExplanations: assign(({ context }) => ({
      showOtherExplanations: !context.showOtherExplanations,
    })),
    restart: assign(({ context }) => startContext(context.lesson, context.role)),
  },
}).createMachine({
  id: 'lesson',
  context: ({ input }) => startContext(input.lesson, input.role ?? null),
  initial: 'routing',
  on: {
    'learner.restart': { target: '.routing', actions: 'restart' },
  },
  states: {
    routing: {
      always: [
        { guard: 'isRoleBranch', target: 'routing', reenter: true, actions: 'followRoleBranch' },
        { guard: 'isSummaryStep', target: 'summary' },
        { guard: 'isDecisionStep', target: 'answering' },
        { guard: 'isContentNote', target: 'contentNote' },
        { target: 'reading' },
      ],
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
        'learner.choose': { guard: 'isValidChoice', target: 'feedback', actions: ['recordAnswer', 'reportAnswer'] },
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

export interface LessonResult {
  correct: number;
  total: number;
  /** Misconception tags of the wrong options the learner chose, without repeats. */
  myths: string[];
}

export function lessonResult(context: LessonContext): LessonResult {
  const myths = new Set<string>();
  for (const answer of context.answers) {
    const step = stepById(context.lesson, answer.stepId);
    if (!isDecisionStep(step)) continue;
    for (const option of step.options) {
      if (answer.optionIds.includes(option.id) && !option.correct && option.misconception) {
        myths.add(option.misconception);
      }
    }
  }
  return {
    correct: context.answers.filter((answer) => answer.correct).length,
    total: context.answers.length,
    myths: [...myths],
  };
}
