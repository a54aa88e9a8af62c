import type { Nation, NationBranchStep } from '../contentSchema';
import type { StepKind } from './kind';

/** Where a nation branch sends a learner: their nation's route, or `otherwise`. */
export function nationRoute(step: NationBranchStep, nation: Nation | null): string {
  return (nation && step.routes[nation]) || step.otherwise;
}

/** Never shown: sends each learner to the decision written for the nation whose law they work under. */
export const nationBranchKind: StepKind<NationBranchStep> = {
  kind: 'nationBranch',
  mode: 'route',
  view: 'none',
  routesBy: 'nation',
  successors: (step) => [...new Set([...Object.values(step.routes), step.otherwise])],
  next: (step, learner) => nationRoute(step, learner.nation),
  wordKeys: () => [],
};
