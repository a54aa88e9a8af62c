// Issues a self-study certificate for a passed module: signs it with this device's key (made on
// first use) and keeps it so the learner can download it again.
import type { CourseModule } from '../engine/contentSchema';
import type { HeardDatabase } from '../storage/database';
import type { ModuleOverviewProgress } from '../storage/progressStore';
import { addYears, encodeCertificate, newCertificateId, type CertificatePayload } from './certificateCode';
import { storedSigningKeys } from './keyStore';

export { DEFAULT_REFRESH_YEARS } from './refreshYears';

/** The learner's device key: it signs certificates and completion receipts. */
export function deviceKeys(db: HeardDatabase, now: number): Promise<CryptoKeyPair> {
  return storedSigningKeys(db, 'device', now);
}

const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

export async function issueCertificate(
  db: HeardDatabase,
  input: {
    courseModule: CourseModule;
    progress: ModuleOverviewProgress;
    name: string;
    organisation: string;
    role: CertificatePayload['role'];
    cpdMinutes: number;
    refreshYears: number;
    language: string;
    now: number;
  },
): Promise<string> {
  const { courseModule, progress } = input;
  if (progress.status !== 'passed' || !progress.score || progress.passedAt === null) {
    throw new Error('A certificate needs a passed module');
  }
  const issuedAt = isoDate(input.now);
  const payload: Omit<CertificatePayload, 'key'> = {
    v: 1,
    id: newCertificateId(),
    name: input.name.trim(),
    role: input.role,
    organisation: input.organisation.trim(),
    modules: [
      {
        id: courseModule.id,
        correct: progress.score.correct,
        total: progress.score.total,
        completedAt: isoDate(progress.passedAt),
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
