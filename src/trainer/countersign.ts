// Countersigning: for a receipt that meets the pass mark, the trainer's device signs a certificate
// in the same format as a self-study one, naming the trainer. The learner imports it, and /verify
// shows the trainer's name and key fingerprint.
import { toBase64Url } from '../certificates/base64url';
import {
  addYears,
  certificatePayloadSchema,
  newCertificateId,
  type CertificatePayload,
} from '../certificates/certificateCode';
import { DEFAULT_REFRESH_YEARS } from '../certificates/issueCertificate';
import { exportPublicKey, sign } from '../certificates/signing';
import type { CourseModule } from '../engine/content';
import type { AssignmentPayload } from './assignmentCode';
import { assignedLessons, assignedMinutes } from './assignmentContent';
import type { ReceiptPayload } from './receiptCode';

const encoder = new TextEncoder();

/** The certificate's payload: one line per module the assignment covers, scored from the receipt. */
export function countersignedPayload(
  assignment: AssignmentPayload,
  receipt: ReceiptPayload,
  modules: CourseModule[],
  input: { id: string; issuedAt: string; language: string; trainerKey: string },
): Omit<CertificatePayload, 'key'> & { key: string } {
  const moduleIds = [...new Set(assignedLessons(assignment.items, modules).map((entry) => entry.courseModule.id))];
  const completedAt = receipt.completedAt.slice(0, 10);
  const lines = moduleIds
    .map((moduleId) => {
      const answers = receipt.answers.filter((answer) => answer.moduleId === moduleId);
      return {
        id: moduleId,
        correct: answers.filter((answer) => answer.correct).length,
        total: answers.length,
        completedAt,
      };
    })
    .filter((line) => line.total > 0)
    .slice(0, 10);
  return {
    v: 1,
    id: input.id,
    name: receipt.learner.name,
    role: receipt.learner.role,
    organisation: receipt.learner.organisation,
    modules: lines,
    cpdMinutes: Math.round(assignedMinutes(assignment.items, modules)),
    issuedAt: input.issuedAt,
    refreshBy: addYears(input.issuedAt, DEFAULT_REFRESH_YEARS),
    language: input.language,
    key: receipt.learner.key,
    countersign: { name: assignment.trainer.name, key: input.trainerKey },
  };
}

/** Signs the certificate with the trainer's key; verifyCertificate checks it against the countersign key. */
export async function countersignCertificate(
  assignment: AssignmentPayload,
  receipt: ReceiptPayload,
  modules: CourseModule[],
  keys: CryptoKeyPair,
  options: { now: number; language: string; id?: string },
): Promise<string> {
  const payload = certificatePayloadSchema.parse(
    countersignedPayload(assignment, receipt, modules, {
      id: options.id ?? newCertificateId(),
      issuedAt: new Date(options.now).toISOString().slice(0, 10),
      language: options.language,
      trainerKey: await exportPublicKey(keys.publicKey),
    }),
  );
  const body = toBase64Url(encoder.encode(JSON.stringify(payload)));
  return `${body}.${await sign(keys.privateKey, encoder.encode(body))}`;
}

export function certificateImportLink(origin: string, code: string): string {
  return `${origin}/certificates/import#${code}`;
}
