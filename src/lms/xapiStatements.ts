// Builds the xAPI statements Heard sends: initialized, answered, passed, failed, completed and
// terminated, with ADL verbs. The actor is pseudonymous (an account whose name is a hash, never a
// name or email) and nothing a learner typed is ever included: an answer is the ids of the options
// chosen. Pure: ids and times come in from outside.
import type { Nation } from '../engine/contentSchema';

export const ADL_VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;

export type VerbName = keyof typeof ADL_VERBS;

const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  module: 'http://adlnet.gov/expapi/activities/module',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
};

export interface XapiAgent {
  objectType: 'Agent';
  account: { homePage: string; name: string };
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent | Record<string, unknown>;
  verb: { id: string; display: Record<string, string> };
  object: {
    objectType: 'Activity';
    id: string;
    definition?: Record<string, unknown>;
  };
  result?: {
    success?: boolean;
    completion?: boolean;
    response?: string;
    duration?: string;
    score?: { scaled: number; raw: number; min: number; max: number };
  };
  context?: Record<string, unknown>;
  timestamp: string;
}

/** Who and where: fixed for a session. */
export interface StatementSession {
  actor: XapiAgent | Record<string, unknown>;
  /** The course's activity IRI; modules and questions hang beneath it. */
  courseId: string;
  /** Groups one attempt's statements (cmi5 gives it; otherwise made per package launch). */
  registration?: string;
  /** Extra context a cmi5 launch requires (its context template), merged in. */
  contextTemplate?: Record<string, unknown>;
  /** Set for a cmi5 launch: statements about the course itself are then cmi5-defined statements. */
  cmi5?: { initializedAt: number };
}

const CMI5_CATEGORY = { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };
const MOVE_ON_CATEGORY = { id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' };

/** ISO 8601 duration with seconds to two decimals, as xAPI results carry it. */
export function isoDuration(ms: number): string {
  return `PT${Math.round(Math.max(0, ms) / 10) / 100}S`;
}

/**
 * An account actor whose name is a one-way hash of the LMS's learner id. Without a key it is a
 * plain SHA-256, which anyone can recompute for a guessed id (LMS ids are often small numbers), so
 * it only keeps the id itself out of the statements. With the organisation's key (given when
 * packaging) it is an HMAC-SHA-256: someone reading the LRS without the package cannot link a name
 * back to an LMS id. The key is never put in a statement.
 */
export async function pseudonymousActor(homePage: string, learnerId: string, key = ''): Promise<XapiAgent> {
  const message = new TextEncoder().encode(`heard-xapi:${learnerId}`);
  let digest: ArrayBuffer;
  if (key) {
    const hmacKey = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(key),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    digest = await crypto.subtle.sign('HMAC', hmacKey, message);
  } else {
    digest = await crypto.subtle.digest('SHA-256', message);
  }
  const name = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return { objectType: 'Agent', account: { homePage, name } };
}

export const moduleActivityId = (courseId: string, moduleId: string) => `${courseId}/modules/${moduleId}`;

/**
 * The context extension naming the nation whose law and guidance a lesson was taken for ("england"
 * or "wales"): it decides which questions a learner met. An IRI under the course's own activity
 * IRI, as xAPI asks of extensions a course defines. Absent: the nation was not recorded.
 */
export const nationExtensionId = (courseId: string) => `${courseId}/extensions/nation`;
export const lessonActivityId = (courseId: string, moduleId: string, lessonId: string) =>
  `${courseId}/modules/${moduleId}/lessons/${lessonId}`;
export const questionActivityId = (courseId: string, moduleId: string, lessonId: string, stepId: string) =>
  `${courseId}/modules/${moduleId}/lessons/${lessonId}/steps/${stepId}`;

function statement(
  session: StatementSession,
  verb: VerbName,
  object: XapiStatement['object'],
  meta: { id: string; at: number },
  extra: Partial<Pick<XapiStatement, 'result'>> & {
    parentIsCourse?: boolean;
    categories?: object[];
    nation?: Nation | null;
  } = {},
): XapiStatement {
  const template = session.contextTemplate ?? {};
  const templateActivities = (template.contextActivities as Record<string, unknown[]> | undefined) ?? {};
  const context: Record<string, unknown> = {
    ...template,
    ...(session.registration ? { registration: session.registration } : {}),
  };
  if (extra.nation) {
    // Kept beside a cmi5 launch's own extensions (its session id), never in place of them.
    const extensions = (template.extensions as Record<string, unknown> | undefined) ?? {};
    context.extensions = { ...extensions, [nationExtensionId(session.courseId)]: extra.nation };
  }
  const activities: Record<string, unknown[]> = { ...templateActivities };
  if (extra.parentIsCourse) {
    activities.grouping = [...(activities.grouping ?? []), { objectType: 'Activity', id: session.courseId }];
  }
  if (extra.categories) activities.category = [...(activities.category ?? []), ...extra.categories];
  if (Object.keys(activities).length > 0) context.contextActivities = activities;
  const built: XapiStatement = {
    id: meta.id,
    actor: session.actor,
    verb: { id: ADL_VERBS[verb], display: { 'en-GB': verb } },
    object,
    timestamp: new Date(meta.at).toISOString(),
  };
  if (extra.result) built.result = extra.result;
  if (Object.keys(context).length > 0) built.context = context;
  return built;
}

const courseActivity = (session: StatementSession): XapiStatement['object'] => ({
  objectType: 'Activity',
  id: session.courseId,
  definition: { type: ACTIVITY_TYPES.course },
});

export function initializedStatement(session: StatementSession, meta: { id: string; at: number }) {
  return statement(session, 'initialized', courseActivity(session), meta);
}

export function terminatedStatement(session: StatementSession, meta: { id: string; at: number }) {
  if (!session.cmi5) return statement(session, 'terminated', courseActivity(session), meta);
  return statement(session, 'terminated', { objectType: 'Activity', id: session.courseId }, meta, {
    result: { duration: isoDuration(meta.at - session.cmi5.initializedAt) },
    categories: [CMI5_CATEGORY],
  });
}

/**
 * The course finished: every lesson of every module. Outside cmi5 it carries the course's score
 * (the share of all its decisions made well), sent only now so an LRS never holds a course score
 * that looks final before the end. A cmi5 "completed" statement carries no score (cmi5 keeps
 * scores for passed and failed); the module statements carry each module's score.
 */
export function completedStatement(
  session: StatementSession,
  meta: { id: string; at: number },
  scorePercent: number | null = null,
) {
  if (!session.cmi5) {
    const score =
      scorePercent === null ? {} : { score: { scaled: scorePercent / 100, raw: scorePercent, min: 0, max: 100 } };
    return statement(session, 'completed', courseActivity(session), meta, { result: { completion: true, ...score } });
  }
  return statement(session, 'completed', { objectType: 'Activity', id: session.courseId }, meta, {
    result: { completion: true, duration: isoDuration(meta.at - session.cmi5.initializedAt) },
    categories: [CMI5_CATEGORY, MOVE_ON_CATEGORY],
  });
}

/** One answered question: the chosen option ids only, never any text. */
export function answeredStatement(
  session: StatementSession,
  answer: { moduleId: string; lessonId: string; stepId: string; optionIds: string[]; correct: boolean },
  meta: { id: string; at: number },
  nation: Nation | null = null,
) {
  return statement(
    session,
    'answered',
    {
      objectType: 'Activity',
      id: questionActivityId(session.courseId, answer.moduleId, answer.lessonId, answer.stepId),
      definition: { type: ACTIVITY_TYPES.interaction, interactionType: 'choice' },
    },
    meta,
    { result: { response: answer.optionIds.join('[,]'), success: answer.correct }, parentIsCourse: true, nation },
  );
}

/**
 * One lesson finished (reached its summary), with that lesson's score. A trainer reading the LRS
 * counts a learner as having done an assigned lesson from this statement.
 */
export function lessonCompletedStatement(
  session: StatementSession,
  lesson: { moduleId: string; lessonId: string; correct: number; total: number; nation?: Nation | null },
  meta: { id: string; at: number },
) {
  const max = Math.max(lesson.total, lesson.correct);
  return statement(
    session,
    'completed',
    {
      objectType: 'Activity',
      id: lessonActivityId(session.courseId, lesson.moduleId, lesson.lessonId),
      definition: { type: ACTIVITY_TYPES.lesson },
    },
    meta,
    {
      result: {
        completion: true,
        score: { scaled: max > 0 ? lesson.correct / max : 1, raw: lesson.correct, min: 0, max },
      },
      parentIsCourse: true,
      nation: lesson.nation,
    },
  );
}

/** A module passed or not passed, with its score. */
export function moduleResultStatement(
  session: StatementSession,
  moduleId: string,
  passed: boolean,
  score: { correct: number; total: number },
  meta: { id: string; at: number },
  nation: Nation | null = null,
) {
  const raw = score.correct;
  const max = Math.max(score.total, score.correct);
  return statement(
    session,
    passed ? 'passed' : 'failed',
    {
      objectType: 'Activity',
      id: moduleActivityId(session.courseId, moduleId),
      definition: { type: ACTIVITY_TYPES.module },
    },
    meta,
    {
      result: { success: passed, score: { scaled: max > 0 ? raw / max : 0, raw, min: 0, max } },
      parentIsCourse: true,
      nation,
    },
  );
}
