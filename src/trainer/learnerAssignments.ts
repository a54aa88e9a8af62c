// The learner's side of assignments: importing one from a link or file (once: opening it again
// changes nothing), working out how far they are, and making the signed completion receipt.
import { checkCertificate, type CertificateRefusal } from '../certificates/certificateTrust';
import { deviceKeys } from '../certificates/issueCertificate';
import { exportPublicKey } from '../certificates/signing';
import { isDecisionStep, type CourseModule } from '../engine/content';
import { judgeChoice } from '../engine/recompute';
import type { Nation } from '../engine/contentSchema';
import { nationOfPath } from '../engine/nationPath';
import { lessonKey, type AnswerEvent, type HeardDatabase } from '../storage/database';
import { decodeAssignment, type AssignmentPayload } from './assignmentCode';
import { assignedLessons } from './assignmentContent';
import { encodeReceipt, type ReceiptAnswer, type ReceiptPayload } from './receiptCode';
import type { CodeProblem } from './signedCode';

export type AssignmentImport =
  | { ok: true; payload: AssignmentPayload; keyFingerprint: string; alreadyImported: boolean }
  | { ok: false; problem: CodeProblem | 'not-saved' };

export async function importAssignment(db: HeardDatabase, input: unknown, now: number): Promise<AssignmentImport> {
  const decoded = await decodeAssignment(input);
  if (!decoded.ok) return decoded;
  const { payload, keyFingerprint } = decoded;
  try {
    const existing = await db.assignments.get(payload.id);
    if (existing) return { ok: true, payload, keyFingerprint, alreadyImported: true };
    await db.assignments.add({
      id: payload.id,
      code: decoded.code,
      importedAt: now,
      dueDate: payload.due ?? undefined,
    });
    return { ok: true, payload, keyFingerprint, alreadyImported: false };
  } catch {
    return { ok: false, problem: 'not-saved' };
  }
}

export type AssignmentStatus = 'not-started' | 'in-progress' | 'done' | 'overdue';

export interface AssignmentProgress {
  status: AssignmentStatus;
  completedLessons: number;
  totalLessons: number;
  lessons: Record<string, 'not-started' | 'in-progress' | 'completed'>;
}

export async function assignmentProgress(
  db: HeardDatabase,
  payload: Pick<AssignmentPayload, 'items' | 'due'>,
  modules: CourseModule[],
  today: string,
): Promise<AssignmentProgress> {
  const lessons = assignedLessons(payload.items, modules);
  const records = await db.lessonProgress.bulkGet(
    lessons.map(({ courseModule, lesson }) => lessonKey(courseModule.id, lesson.id)),
  );
  const byLesson: AssignmentProgress['lessons'] = {};
  lessons.forEach(({ courseModule, lesson }, index) => {
    const record = records[index];
    byLesson[lessonKey(courseModule.id, lesson.id)] = record
      ? record.status === 'completed'
        ? 'completed'
        : 'in-progress'
      : 'not-started';
  });
  const states = Object.values(byLesson);
  const completedLessons = states.filter((state) => state === 'completed').length;
  const done = lessons.length > 0 && completedLessons === lessons.length;
  const status: AssignmentStatus = done
    ? 'done'
    : payload.due !== null && payload.due < today
      ? 'overdue'
      : states.some((state) => state !== 'not-started')
        ? 'in-progress'
        : 'not-started';
  return { status, completedLessons, totalLessons: lessons.length, lessons: byLesson };
}

/** The latest answer to each question of the assignment: option ids and whether it was right. */
async function latestAnswers(
  db: HeardDatabase,
  payload: Pick<AssignmentPayload, 'items'>,
  modules: CourseModule[],
): Promise<AnswerEvent[]> {
  const latest: AnswerEvent[] = [];
  for (const { courseModule, lesson } of assignedLessons(payload.items, modules)) {
    const events = await db.answers.where('[moduleId+lessonId]').equals([courseModule.id, lesson.id]).sortBy('at');
    const byStep = new Map<string, AnswerEvent>();
    for (const event of events) byStep.set(event.stepId, event);
    for (const step of lesson.steps) {
      const event = byStep.get(step.id);
      if (event) latest.push(event);
    }
  }
  return latest;
}

export interface LearnerDetails {
  name: string;
  role: ReceiptPayload['learner']['role'];
  /** The learner's own nation (Your details): recorded where the lessons' path does not decide it. */
  nation?: Nation | null;
  organisation: string;
}

/** The receipt's payload, or null while the assignment is not finished. */
export async function receiptPayload(
  db: HeardDatabase,
  payload: AssignmentPayload,
  modules: CourseModule[],
  learner: LearnerDetails & { key: string },
): Promise<ReceiptPayload | null> {
  const lessons = assignedLessons(payload.items, modules);
  const records = await db.lessonProgress.bulkGet(
    lessons.map(({ courseModule, lesson }) => lessonKey(courseModule.id, lesson.id)),
  );
  if (lessons.length === 0 || records.some((record) => record?.status !== 'completed')) return null;
  const finishedAt = Math.max(...records.map((record) => record?.updatedAt ?? 0));
  const events = await latestAnswers(db, payload, modules);
  const startedAt = events.length > 0 ? Math.min(...events.map((event) => event.at)) : finishedAt;
  // Each answer is judged by the content here too; the trainer's device judges it again anyway.
  const steps = new Map(
    lessons.flatMap(({ courseModule, lesson }) =>
      lesson.steps.filter(isDecisionStep).map((step) => [`${courseModule.id}/${lesson.id}/${step.id}`, step] as const),
    ),
  );
  const answers: ReceiptAnswer[] = events.flatMap((event) => {
    const step = steps.get(`${event.moduleId}/${event.lessonId}/${event.stepId}`);
    const optionIds = event.optionIds.slice(0, 6);
    return step
      ? [
          {
            moduleId: event.moduleId,
            lessonId: event.lessonId,
            stepId: event.stepId,
            optionIds,
            correct: judgeChoice(step, optionIds),
          },
        ]
      : [];
  });
  // The nation whose path the lessons took, so the trainer's device replays that path.
  const nation = nationOfPath(
    lessons.map(({ lesson }, index) => ({ lesson, saved: records[index]?.snapshot })),
    learner.nation,
  );
  return {
    v: 1,
    assignmentId: payload.id,
    learner: {
      name: learner.name.trim(),
      role: learner.role,
      ...(nation ? { nation } : {}),
      organisation: learner.organisation.trim(),
      key: learner.key,
    },
    completedAt: new Date(finishedAt).toISOString(),
    seconds: Math.max(0, Math.round((finishedAt - startedAt) / 1000)),
    score: { correct: answers.filter((answer) => answer.correct).length, total: answers.length },
    answers,
  };
}

/** Signs the receipt with this device's key (the one that signs its certificates). */
export async function makeReceipt(
  db: HeardDatabase,
  payload: AssignmentPayload,
  modules: CourseModule[],
  learner: LearnerDetails,
  now: number,
): Promise<string | null> {
  const keys = await deviceKeys(db, now);
  const receipt = await receiptPayload(db, payload, modules, {
    ...learner,
    key: await exportPublicKey(keys.publicKey),
  });
  return receipt ? encodeReceipt(receipt, keys.privateKey) : null;
}

export type CertificateImport =
  { ok: true; id: string; alreadyImported: boolean } | { ok: false; problem: CertificateRefusal | 'not-saved' };

/**
 * Adds a certificate made elsewhere (a trainer's countersigned one) to this learner's list: only a
 * code that is intact and claims nothing the course could not give, and only the checked code.
 */
export async function importCertificate(
  db: HeardDatabase,
  input: string,
  context: Parameters<typeof checkCertificate>[1],
): Promise<CertificateImport> {
  const checked = await checkCertificate(input, context);
  if (!checked.ok) return checked;
  const { payload } = checked;
  try {
    if (await db.certificates.get(payload.id)) return { ok: true, id: payload.id, alreadyImported: true };
    await db.certificates.add({
      id: payload.id,
      moduleIds: payload.modules.map((entry) => entry.id),
      code: checked.code,
      issuedAt: payload.issuedAt,
      refreshBy: payload.refreshBy,
    });
    return { ok: true, id: payload.id, alreadyImported: false };
  } catch {
    return { ok: false, problem: 'not-saved' };
  }
}
