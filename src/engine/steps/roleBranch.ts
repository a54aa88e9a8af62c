import type { Role, RoleBranchStep } from '../contentSchema';
import type { StepKind } from './kind';

/** Where a role branch sends a learner: their role's route, or `otherwise`. */
export function roleRoute(step: RoleBranchStep, role: Role | null): string {
  return (role && step.routes[role]) || step.otherwise;
}

/** Never shown: sends each learner to the steps written for their role. */
export const roleBranchKind: StepKind<RoleBranchStep> = {
  kind: 'roleBranch',
  mode: 'route',
  routesBy: 'role',
  view: 'none',
  successors: (step) => [...new Set([...Object.values(step.routes), step.otherwise])],
  next: (step, learner) => roleRoute(step, learner.role),
  wordKeys: () => [],
};
