import type { Nation, StepSchemaParts } from '../contentSchema';
import type { StepKind, StepOf } from './kind';

/**
 * Sends the learner to the path written for the nation they work in, where the right answer
 * differs between England and Wales (a duty, a guidance name). Others take `otherwise`.
 */
const nationBranchSchema = ({ z, id, paragraphSchema, nationSchema }: StepSchemaParts) =>
  z.object({
    id,
    kind: z.literal('nationBranch'),
    paragraphs: z.array(paragraphSchema).max(0).default([]),
    routes: z.partialRecord(nationSchema, id),
    otherwise: id,
  });

export type NationBranchStep = StepOf<typeof nationBranchSchema>;

/** Where a nation branch sends a learner: their nation's route, or `otherwise`. */
export function nationRoute(step: NationBranchStep, nation: Nation | null): string {
  return (nation && step.routes[nation]) || step.otherwise;
}

/** Never shown: sends each learner to the decision written for the nation whose law they work under. */
export const nationBranchKind: StepKind<NationBranchStep> = {
  kind: 'nationBranch',
  schema: nationBranchSchema,
  mode: 'route',
  view: 'none',
  routesBy: 'nation',
  successors: (step) => [...new Set([...Object.values(step.routes), step.otherwise])],
  next: (step, learner) => nationRoute(step, learner.nation),
  wordKeys: () => [],
};
