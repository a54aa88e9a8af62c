// Issues a self-study certificate for a passed module: the result is worked out again from the
// answer log replayed against the shipped lessons (a saved "passed" flag or snapshot never
// decides), then signed with this device's key (made on first use) and kept so the learner can
// download it again.
import type { CourseModule, Nation } from '../engine/contentSchema';
import { nationOfPath } from '../engine/nationPath';
import { combineResults, recomputeLesson } from '../engine/recompute';
import type { HeardDatabase } from '../storage/database';
import { lessonKey } from '../storage/recordKeys';
import { addYears, encodeCertificate, newCertificateId, type CertificatePayload } from './certificateCode';
import { storedSigningKeys } from './keyStore';

export { DEFAULT_REFRESH_YEARS } from './refreshYears';

/** The learner's device key: it signs certificates and completion receipts. */
export function deviceKeys(db: HeardDatabase, now: number): Promise<CryptoKeyPair> {
  return storedSigningKeys(db, 'device', now);
}

const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

export class NotPassedByAnswersError extends Error {
  constructor(moduleId: string) {
    super(`The answers saved for ${moduleId} do not add up to a pass`);
    this.name = 'NotPassedByAnswersError';
  }
}

/**
 * The module's result from the answers saved on this device, or null when they do not make a pass.
 * Where the lessons were taken for one nation, only that nation's path counts, and it is returned.
 */
export async function passFromAnswers(
  db: HeardDatabase,
  courseModule: CourseModule,
  learnerNation?: Nation | null,
): Promise<{ correct: number; total: number; completedAt: number; nation?: Nation } | null> {
  const [answers, records] = await Promise.all([
    db.answers.where('moduleId').equals(courseModule.id).toArray(),
    db.lessonProgress.bulkGet(courseModule.lessons.map((lesson) => lessonKey(courseModule.id, lesson.id))),
  ]);
  // A lesson with no decisions (the language coach) can only show it was finished by its record.
  // Which answers count is decided by replaying them against the shipped lesson below, so a lesson
  // finished before its content changed still counts where its answers still fit.
  const finished = records.every((record) => record?.status === 'completed');
  const nation = nationOfPath(
    courseModule.lessons.map((lesson, index) => ({ lesson, saved: records[index]?.snapshot })),
    learnerNation,
  );
  const result = combineResults(
    courseModule.lessons.map((lesson) =>
      recomputeLesson(
        lesson,
        answers.filter((answer) => answer.lessonId === lesson.id),
        nation ? { nation } : {},
      ),
    ),
    courseModule.passMark,
  );
  if (!finished || !result.passed) return null;
  const onPath = new Set(
    result.lessons.flatMap((lesson) => lesson.answers.map((answer) => `${lesson.lessonId}/${answer.stepId}`)),
  );
  const times = answers
    .filter((answer) => onPath.has(`${answer.lessonId}/${answer.stepId}`))
    .map((answer) => answer.at);
  return {
    correct: result.correct,
    total: result.total,
    completedAt: Math.max(...times),
    ...(nation ? { nation } : {}),
  };
}

export async function issueCertificate(
  db: HeardDatabase,
  input: {
    courseModule: CourseModule;
    name: string;
    organisation: string;
    role: CertificatePayload['role'];
    /** The learner's nation (Your details), recorded where the module's path does not decide it. */
    nation?: Nation | null;
    cpdMinutes: number;
    refreshYears: number;
    language: string;
    now: number;
  },
): Promise<string> {
  const { courseModule } = input;
  const pass = await passFromAnswers(db, courseModule, input.nation);
  if (!pass) throw new NotPassedByAnswersError(courseModule.id);
  const issuedAt = isoDate(input.now);
  const completedAt = isoDate(Math.min(pass.completedAt, input.now));
  const payload: Omit<CertificatePayload, 'key'> = {
    v: 1,
    id: newCertificateId(),
    name: input.name.trim(),
    role: input.role,
    ...(pass.nation ? { nation: pass.nation } : {}),
    organisation: input.organisation.trim(),
    modules: [
      {
        id: courseModule.id,
        lessons: courseModule.lessons.map((lesson) => lesson.id),
        correct: pass.correct,
        total: pass.total,
        completedAt,
        lawCheckedTo: courseModule.lawCheckedTo,
      },
    ],
    cpdMinutes: input.cpdMinutes,
    issuedAt,
    refreshBy: addYears(issuedAt, input.refreshYears),
    language: input.language,
  };
  const code = await encodeCertificate(payload, await deviceKeys(db, input.now));
  await db.certificates.put({
    id: payload.id,
    moduleIds: [courseModule.id],
    code,
    issuedAt,
    refreshBy: payload.refreshBy,
  });
  return payload.id;
}
