// The cohort from the organisation's LRS: turns the xAPI statements Heard's courses send (answered
// per question, completed per lesson) into per-learner records, and those into the same records
// receipts give the cohort view (CohortReceipt), so one computation serves both. Scores are
// worked out again from the option ids against the content, never taken from the statements.
// Plain functions over data: no network, no database.
import { isDecisionStep, type CourseModule, type DecisionStep } from '../engine/content';
import type { AssignmentPayload } from './assignmentCode';
import { assignedLessons } from './assignmentContent';
import type { CohortReceipt } from './cohort';
import type { ReceiptAnswer } from './receiptCode';

const ANSWERED = 'http://adlnet.gov/expapi/verbs/answered';
const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
export const LRS_VERBS = [ANSWERED, COMPLETED];

/** The parts of an xAPI statement this reads. */
export interface LrsStatement {
  id: string;
  actor: {
    name?: string;
    mbox?: string;
    mbox_sha1sum?: string;
    openid?: string;
    account?: { homePage: string; name: string };
  };
  verb: { id: string };
  object: { id: string };
  result?: { response?: string };
  timestamp?: string;
  stored?: string;
}

/** One answer, as read from an "answered" statement. */
export interface LrsAnswer {
  moduleId: string;
  lessonId: string;
  stepId: string;
  optionIds: string[];
  at: number;
}

/**
 * What the trainer's device keeps per learner (in the `lrs` store). Kept compact, since a cohort
 * of thousands is read back on every render: each answer is one string (see answerEntry), which
 * also lets a statement read twice count once.
 */
export interface LrsLearner {
  actorKey: string;
  /** The actor's own name when the LRS has one (cmi5 launches often do); else null. */
  actorName: string | null;
  /** "module/lesson/step|time|option,option", once each. */
  answers: string[];
  /** Lesson completions ("module/lesson" → times), from the per-lesson "completed" statements. */
  lessons: Record<string, number[]>;
  /** Countersigned certificate codes, by assignment id. */
  countersigned: Record<string, string>;
}

/** A stable key for an actor: the xAPI inverse functional identifier it carries. */
export function actorKey(actor: LrsStatement['actor']): string | null {
  if (actor.account?.name) return `account:${actor.account.homePage}|${actor.account.name}`;
  if (actor.mbox) return `mbox:${actor.mbox}`;
  if (actor.mbox_sha1sum) return `sha1:${actor.mbox_sha1sum}`;
  if (actor.openid) return `openid:${actor.openid}`;
  return null;
}

const ID = '([a-z0-9]+(?:-[a-z0-9]+)*)';

export const answerEntry = (answer: LrsAnswer) =>
  `${answer.moduleId}/${answer.lessonId}/${answer.stepId}|${answer.at}|${answer.optionIds.join(',')}`;

export function parseAnswer(entry: string): LrsAnswer {
  const [path = '', at = '0', options = ''] = entry.split('|');
  const [moduleId = '', lessonId = '', stepId = ''] = path.split('/');
  return { moduleId, lessonId, stepId, at: Number(at), optionIds: options.split(',').filter(Boolean) };
}

/** Folds statements into the learners they belong to; returns the keys of learners that changed. */
export function applyStatements(
  learners: Map<string, LrsLearner>,
  statements: LrsStatement[],
  courseId: string,
): Set<string> {
  const base = courseId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const question = new RegExp(`^${base}/modules/${ID}/lessons/${ID}/steps/${ID}$`);
  const lesson = new RegExp(`^${base}/modules/${ID}/lessons/${ID}$`);
  const changed = new Set<string>();
  const known = new Map<string, Set<string>>();
  for (const statement of statements) {
    const key = actorKey(statement.actor ?? {});
    if (!key || typeof statement.object?.id !== 'string') continue;
    const at = Date.parse(statement.timestamp ?? statement.stored ?? '');
    if (!Number.isFinite(at)) continue;
    const learner = learners.get(key) ?? {
      actorKey: key,
      actorName: null,
      answers: [],
      lessons: {},
      countersigned: {},
    };
    let seen = known.get(key);
    if (!seen) {
      seen = new Set(learner.answers);
      known.set(key, seen);
    }
    if (statement.actor.name) learner.actorName = statement.actor.name.slice(0, 120);
    let used = false;
    const asQuestion = statement.verb?.id === ANSWERED ? question.exec(statement.object.id) : null;
    if (asQuestion && typeof statement.result?.response === 'string') {
      const [, moduleId, lessonId, stepId] = asQuestion as unknown as [string, string, string, string];
      const optionIds = statement.result.response.split('[,]').filter((id) => /^[a-z0-9-]+$/.test(id));
      const entry = answerEntry({ moduleId, lessonId, stepId, optionIds, at });
      if (optionIds.length > 0 && !seen.has(entry)) {
        seen.add(entry);
        learner.answers.push(entry);
        used = true;
      }
    }
    const asLesson = statement.verb?.id === COMPLETED ? lesson.exec(statement.object.id) : null;
    if (asLesson) {
      const lessonKey = `${asLesson[1]}/${asLesson[2]}`;
      const times = learner.lessons[lessonKey] ?? [];
      if (!times.includes(at)) {
        learner.lessons[lessonKey] = [...times, at].sort((a, b) => a - b);
        used = true;
      }
    }
    if (used) {
      learners.set(key, learner);
      changed.add(key);
    }
  }
  return changed;
}

/** Whether the options chosen are the right answer, from the content alone. */
export function isRightAnswer(step: DecisionStep, optionIds: string[]): boolean {
  const right = step.options.filter((option) => option.correct).map((option) => option.id);
  if (step.kind === 'question' && step.mode === 'multiple') {
    return optionIds.length === right.length && right.every((id) => optionIds.includes(id));
  }
  return optionIds.length === 1 && right.includes(optionIds[0] as string);
}

/**
 * The learner's record for one assignment, shaped like a receipt, or null when they have not
 * finished every assigned lesson. Each lesson counts its latest attempt: the answers after the
 * completion before the last one, up to the last one, latest per step.
 */
export function lrsReceipt(
  learner: LrsLearner,
  assignment: Pick<AssignmentPayload, 'id' | 'items' | 'role'>,
  modules: CourseModule[],
  name: (learner: LrsLearner) => string,
): CohortReceipt | null {
  const lessons = assignedLessons(assignment.items, modules);
  if (lessons.length === 0) return null;
  const answers: ReceiptAnswer[] = [];
  const allAnswers = learner.answers.map(parseAnswer);
  let firstAt = Infinity;
  let lastAt = 0;
  for (const { courseModule, lesson } of lessons) {
    const times = learner.lessons[`${courseModule.id}/${lesson.id}`];
    if (!times || times.length === 0) return null;
    const finishedAt = times[times.length - 1] as number;
    const startedAfter = times.length > 1 ? (times[times.length - 2] as number) : -Infinity;
    const latest = new Map<string, LrsAnswer>();
    for (const answer of allAnswers) {
      if (answer.moduleId !== courseModule.id || answer.lessonId !== lesson.id) continue;
      if (answer.at <= startedAfter || answer.at > finishedAt) continue;
      const before = latest.get(answer.stepId);
      if (!before || before.at < answer.at) latest.set(answer.stepId, answer);
    }
    for (const step of lesson.steps) {
      const answer = latest.get(step.id);
      if (!answer || !isDecisionStep(step)) continue;
      const known = answer.optionIds.every((id) => step.options.some((option) => option.id === id));
      if (!known) continue;
      answers.push({
        moduleId: courseModule.id,
        lessonId: lesson.id,
        stepId: step.id,
        optionIds: answer.optionIds.slice(0, 6),
        correct: isRightAnswer(step, answer.optionIds),
      });
      firstAt = Math.min(firstAt, answer.at);
    }
    lastAt = Math.max(lastAt, finishedAt);
  }
  const correct = answers.filter((answer) => answer.correct).length;
  return {
    id: `lrs:${learner.actorKey}`,
    payload: {
      v: 1,
      assignmentId: assignment.id,
      learner: { name: name(learner), role: assignment.role, organisation: '', key: '' },
      completedAt: new Date(lastAt).toISOString(),
      seconds: Number.isFinite(firstAt) ? Math.max(0, Math.round((lastAt - firstAt) / 1000)) : 0,
      score: { correct, total: answers.length },
      answers,
    },
    countersignedCode: learner.countersigned[assignment.id],
  };
}

/**
 * One assignment's cohort by learner (actor key): each learner's record, or null while they have
 * not finished. Kept between syncs, so a sync works out again only the learners it changed.
 */
export type LrsCohortByLearner = ReadonlyMap<string, CohortReceipt | null>;

/**
 * The cohort with these learners (new, or changed since) worked out again and every other
 * learner's record kept as it was: the same records, so views keyed on them need not redo them.
 */
export function updateLrsCohort(
  previous: LrsCohortByLearner,
  changed: Iterable<LrsLearner>,
  assignment: Pick<AssignmentPayload, 'id' | 'items' | 'role'>,
  modules: CourseModule[],
  name: (learner: LrsLearner) => string,
): LrsCohortByLearner {
  const next = new Map(previous);
  for (const learner of changed) next.set(learner.actorKey, lrsReceipt(learner, assignment, modules, name));
  return next;
}

/** Every learner who finished, as cohort records; and how many started but did not. */
export function lrsCohortReceipts(byLearner: LrsCohortByLearner): { receipts: CohortReceipt[]; unfinished: number } {
  const receipts: CohortReceipt[] = [];
  let unfinished = 0;
  for (const receipt of byLearner.values()) {
    if (receipt) receipts.push(receipt);
    else unfinished += 1;
  }
  return { receipts, unfinished };
}

/** Every learner who finished the assignment, as cohort records; and how many started but did not. */
export function lrsCohort(
  learners: Iterable<LrsLearner>,
  assignment: Pick<AssignmentPayload, 'id' | 'items' | 'role'>,
  modules: CourseModule[],
  name: (learner: LrsLearner) => string,
): { receipts: CohortReceipt[]; unfinished: number } {
  return lrsCohortReceipts(updateLrsCohort(new Map(), learners, assignment, modules, name));
}
