// What the engine, the content checks, the progress codec, the player and the test walkers need to
// know about one kind of step. Each kind lives in its own file beside this one and is listed once in
// registry.ts, so adding a kind is one new file here plus its view in the lesson player.
import type { Nation, Role, Step } from '../contentSchema';

/**
 * How the lesson machine holds a step:
 * - `reading`: shown, the learner continues;
 * - `decision`: the learner chooses, then sees feedback;
 * - `contentNote`: the learner continues or takes the alternative route;
 * - `route`: never shown, the machine moves straight on (role and nation branches);
 * - `ending`: the lesson ends here.
 */
/** Which of the lesson player's views shows a step ('none': never shown). */
export type StepView = 'reading' | 'rewrite' | 'question' | 'contentNote' | 'summary' | 'none';

export type StepMode = 'reading' | 'decision' | 'contentNote' | 'route' | 'ending';

/** What the machine knows about the learner when it asks where a step leads. */
export interface StepLearner {
  role: Role | null;
  nation: Nation | null;
  /** The options chosen at this step, when it is a decision already answered. */
  chosen: readonly string[] | undefined;
}

export interface StepKind<S extends Step = Step> {
  kind: S['kind'];
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
