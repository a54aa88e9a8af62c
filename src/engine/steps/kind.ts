// What the engine, the content checks, the progress codec, the player and the test walkers need to
// know about one kind of step. Each kind lives in its own file beside this one, with the schema its
// steps are checked against, and is listed once in registry.ts; so adding a kind is one new file
// here, one line in the registry and its view in the lesson player.
import type { Nation, Role, StepSchemaParts } from '../contentSchema';
import type { z } from '../zod';

/** Which of the lesson player's views shows a step ('none': never shown). */
export type StepView = 'reading' | 'rewrite' | 'question' | 'contentNote' | 'summary' | 'none';

/**
 * How the lesson machine holds a step:
 * - `reading`: shown, the learner continues;
 * - `decision`: the learner chooses, then sees feedback;
 * - `contentNote`: the learner continues or takes the alternative route;
 * - `route`: never shown, the machine moves straight on (role and nation branches);
 * - `ending`: the lesson ends here.
 */
export type StepMode = 'reading' | 'decision' | 'contentNote' | 'route' | 'ending';

/** What the machine knows about the learner when it asks where a step leads. */
export interface StepLearner {
  role: Role | null;
  nation: Nation | null;
  /** The options chosen at this step, when it is a decision already answered. */
  chosen: readonly string[] | undefined;
}

/**
 * Builds a kind's schema from the parts every step shares (passed in by contentSchema.ts, so a
 * kind's file never loads zod itself and the lesson player ships without it).
 */
export type StepSchemaBuilder = (parts: StepSchemaParts) => z.ZodObject<z.ZodRawShape & { kind: z.ZodLiteral }>;

/** The step type a kind's schema checks: what module.json holds once the schema's defaults apply. */
export type StepOf<Builder extends StepSchemaBuilder> = z.output<ReturnType<Builder>>;

export interface StepKind<S extends { id: string; kind: string }> {
  kind: S['kind'];
  /** The shape of this kind of step in module.json. */
  schema: StepSchemaBuilder;
  mode: StepMode;
  /** For a `route` step: what about the learner picks the route (a trainer or record may fix it). */
  routesBy?: 'role' | 'nation';
  /** The player's view for this step (a key of the lesson player's view map). */
  view: StepView;
  /** Every step a learner can go to from this one. */
  successors(step: S): string[];
  /** Where the learner goes on with `learner.continue` (undefined: nowhere). */
  next(step: S, learner: StepLearner): string | undefined;
  /** The locale keys this step needs in its module's namespace. */
  wordKeys(lessonId: string, step: S): string[];
}
