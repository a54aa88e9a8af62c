import type { DecisionStep, StepSchemaParts } from '../contentSchema';
import { stepKeys } from '../contentKeys';
import { shownWords } from './reading';
import type { StepKind, StepOf } from './kind';

const scenarioSchema = ({ z, stepBase, optionSchema }: StepSchemaParts) =>
  z.object({
    ...stepBase,
    kind: z.literal('scenario'),
    options: z
      .array(optionSchema.required({ next: true }))
      .min(2)
      .max(4),
  });

export type ScenarioStep = StepOf<typeof scenarioSchema>;

/** A stage of a branching scenario: the option chosen picks the next stage. */
export const scenarioKind: StepKind<ScenarioStep> = {
  kind: 'scenario',
  schema: scenarioSchema,
  mode: 'decision',
  view: 'question',
  successors: (step) => [...new Set(step.options.map((option) => option.next))],
  next: (step, learner) => step.options.find((option) => option.id === learner.chosen?.[0])?.next,
  wordKeys: decisionWords,
};

/** A decision's words: its title, paragraphs, prompt, and each option with its explanation. */
export function decisionWords(lessonId: string, step: DecisionStep): string[] {
  return [
    ...shownWords(lessonId, step),
    stepKeys.prompt(lessonId, step.id),
    ...step.options.flatMap((option) => [
      stepKeys.option(lessonId, step.id, option.id),
      stepKeys.explanation(lessonId, step.id, option.id),
    ]),
  ];
}
