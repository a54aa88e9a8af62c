// What a certificate is worth on this deployment, in the four answers /verify gives:
//   endorsed:      countersigned by a trainer this deployment's organisation endorsed, on a date
//                  the endorsement covers and before any withdrawal;
//   self-declared: made and signed on the learner's own device; nobody else checked it;
//   unknown-key:   countersigned by a key this deployment does not know (whatever name it gives);
//   refused:       changed or damaged, or claiming what the course could not have given.
// Claims are checked against the shipped content: known module and lesson ids, no more right than
// the lessons ask, and dates that could be true.
import { isDecisionStep, type CourseModule } from '../engine/content';
import { isRealDate } from '../organisation/trustCodes';
import { trainerStanding, type TrainerStanding, type TrustAnchor } from '../organisation/trust';
import { addYears, decodeCertificate, type CertificatePayload, type CertificateProblem } from './certificateCode';

export type ContentProblem = 'unknown-module' | 'impossible-score' | 'impossible-date';
export type CertificateRefusal = CertificateProblem | ContentProblem;

/** Heard did not exist before the audit it is built from (June 2025). */
const EARLIEST_DATE = '2025-06-01';
/** Longest refresh period a certificate may give (the course offers up to 3 years). */
const MAX_REFRESH_YEARS = 5;

export type CertificateStanding =
  | { kind: 'self-declared' }
  | { kind: 'endorsed'; organisation: string; trainer: { name: string; role: string }; withdrawnFrom?: string }
  | {
      kind: 'not-endorsed';
      organisation: string;
      trainer: { name: string; role: string };
      reason: 'withdrawn' | 'outside-dates';
      date: string;
    }
  | { kind: 'unknown-key' };

export type CheckedCertificate =
  | {
      ok: true;
      code: string;
      payload: CertificatePayload;
      learnerFingerprint: string;
      trainerFingerprint?: string;
      standing: CertificateStanding;
    }
  | { ok: false; problem: CertificateRefusal };

/** The course's own facts a certificate's claims are held to. */
export function contentProblem(
  payload: CertificatePayload,
  modules: CourseModule[],
  today: string,
): ContentProblem | null {
  for (const entry of payload.modules) {
    const courseModule = modules.find((candidate) => candidate.id === entry.id);
    if (!courseModule) return 'unknown-module';
    const lessons = entry.lessons
      ? entry.lessons.map((lessonId) => courseModule.lessons.find((lesson) => lesson.id === lessonId))
      : courseModule.lessons;
    if (lessons.some((lesson) => lesson === undefined)) return 'unknown-module';
    if (entry.lessons && new Set(entry.lessons).size !== entry.lessons.length) return 'unknown-module';
    const decisions = lessons.reduce((sum, lesson) => sum + (lesson?.steps.filter(isDecisionStep).length ?? 0), 0);
    if (entry.correct > entry.total || entry.total > decisions) return 'impossible-score';
  }
  if (new Set(payload.modules.map((entry) => entry.id)).size !== payload.modules.length) return 'unknown-module';
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const dates = [payload.issuedAt, payload.refreshBy, ...payload.modules.map((entry) => entry.completedAt)];
  if (!dates.every(isRealDate)) return 'impossible-date';
  if (payload.issuedAt < EARLIEST_DATE || payload.issuedAt > tomorrow) return 'impossible-date';
  if (payload.modules.some((entry) => entry.completedAt < EARLIEST_DATE || entry.completedAt > payload.issuedAt)) {
    return 'impossible-date';
  }
  if (payload.refreshBy <= payload.issuedAt || payload.refreshBy > addYears(payload.issuedAt, MAX_REFRESH_YEARS)) {
    return 'impossible-date';
  }
  return null;
}

function standingFrom(trainer: TrainerStanding, anchor: TrustAnchor | null): CertificateStanding {
  if (trainer.standing === 'unknown-key' || !anchor) return { kind: 'unknown-key' };
  const { name, role } = trainer.endorsement;
  if (trainer.standing === 'not-endorsed') {
    return {
      kind: 'not-endorsed',
      organisation: anchor.organisationName,
      trainer: { name, role },
      reason: trainer.reason,
      date: trainer.date,
    };
  }
  return {
    kind: 'endorsed',
    organisation: anchor.organisationName,
    trainer: { name, role },
    ...(trainer.withdrawnFrom ? { withdrawnFrom: trainer.withdrawnFrom } : {}),
  };
}

export async function checkCertificate(
  input: unknown,
  context: { modules: CourseModule[]; anchor: TrustAnchor | null; today: string },
): Promise<CheckedCertificate> {
  const decoded = await decodeCertificate(input);
  if (!decoded.ok) return decoded;
  const problem = contentProblem(decoded.payload, context.modules, context.today);
  if (problem) return { ok: false, problem };
  const { payload } = decoded;
  const standing: CertificateStanding = payload.countersign
    ? standingFrom(
        await trainerStanding(
          context.anchor,
          payload.countersign.endorsement,
          payload.countersign.key,
          payload.issuedAt,
        ),
        context.anchor,
      )
    : { kind: 'self-declared' };
  return {
    ok: true,
    code: decoded.code as string,
    payload,
    learnerFingerprint: decoded.learnerFingerprint,
    trainerFingerprint: decoded.trainerFingerprint,
    standing,
  };
}
