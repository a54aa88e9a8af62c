import type { Role, StepSchemaParts } from '../contentSchema';
import type { StepKind, StepOf } from './kind';

/**
 * Sends the learner to the path written for their role, where practice differs between roles.
 * Learners who gave no role, or a role without its own path, take `otherwise`.
 */
const roleBranchSchema = ({ z, id, paragraphSchema, roleSchema }: StepSchemaParts) =>
  z.object({
    id,
    kind: z.literal('roleBranch'),
    paragraphs: z.array(paragraphSchema).max(0).default([]),
    routes: z.partialRecord(roleSchema, id),
    otherwise: id,
  });

export type RoleBranchStep = StepOf<typeof roleBranchSchema>;

/** Where a role branch sends a learner: their role's route, or `otherwise`. */
export function roleRoute(step: RoleBranchStep, role: Role | null): string {
  return (role && step.routes[role]) || step.otherwise;
}

/** Never shown: sends each learner to the steps written for their role. */
export const roleBranchKind: StepKind<RoleBranchStep> = {
  kind: 'roleBranch',
  schema: roleBranchSchema,
  mode: 'route',
  routesBy: 'role',
  view: 'none',
  successors: (step) => [...new Set([...Object.values(step.routes), step.otherwise])],
  next: (step, learner) => roleRoute(step, learner.role),
  wordKeys: () => [],
};
