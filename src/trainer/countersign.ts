// Countersigning: for a receipt whose answers, replayed against the course, finish every assigned
// lesson and meet the pass mark, the trainer's device signs a certificate in the same format as a
// self-study one. It lists exactly the lessons assigned and done, is scored from the content (never
// from the receipt's own claims), and carries the organisation's endorsement of the trainer's key.
import {
  addYears,
  certificatePayloadSchema,
  newCertificateId,
  signCertificate,
  type CertificatePayload,
} from '../certificates/certificateCode';
import { DEFAULT_REFRESH_YEARS } from '../certificates/refreshYears';
import { exportPublicKey } from '../certificates/signing';
import type { CourseModule } from '../engine/content';
import type { AssignmentPayload } from './assignmentCode';
import { assignedMinutes } from './assignmentContent';
import type { ReceiptPayload } from './receiptCode';
import { receiptResult } from './receiptResult';

export class NotPassedError extends Error {
  constructor() {
    super('The receipt’s answers do not finish the assignment at its pass mark');
    this.name = 'NotPassedError';
  }
}

/** The date the module's law and guidance were checked to, recorded on the certificate when known. */
function lawCheckedTo(modules: CourseModule[], moduleId: string): { lawCheckedTo?: string } {
  const date = modules.find((courseModule) => courseModule.id === moduleId)?.lawCheckedTo;
  return date ? { lawCheckedTo: date } : {};
}

/** The certificate's payload: one line per module the assignment covers, scored from the content. */
export function countersignedPayload(
  assignment: AssignmentPayload,
  receipt: ReceiptPayload,
  modules: CourseModule[],
  input: {
    id: string;
    issuedAt: string;
    language: string;
    trainerKey: string;
    endorsement?: string;
    /** The organisation's refresh period, when its file sets one. */
    refreshYears?: number;
    wordsFor?: (moduleId: string) => Record<string, string> | undefined;
  },
): CertificatePayload {
  const result = receiptResult(assignment, receipt, modules);
  if (!result.passed) throw new NotPassedError();
  const completedAt = receipt.completedAt.slice(0, 10);
  const moduleIds = [...new Set(result.lessons.map((lesson) => lesson.moduleId))];
  const lines = moduleIds
    .map((moduleId) => {
      const lessons = result.lessons.filter((lesson) => lesson.moduleId === moduleId);
      return {
        id: moduleId,
        lessons: lessons.map((lesson) => lesson.lessonId),
        correct: lessons.reduce((sum, lesson) => sum + lesson.correct, 0),
        total: lessons.reduce((sum, lesson) => sum + lesson.total, 0),
        // A receipt cannot be finished after the certificate is issued.
        completedAt: completedAt < input.issuedAt ? completedAt : input.issuedAt,
        ...lawCheckedTo(modules, moduleId),
      };
    })
    // A module line needs a decision to score; a lesson without one (the language coach) is listed nowhere else.
    .filter((line) => line.total > 0)
    .slice(0, 10);
  return {
    v: 1,
    id: input.id,
    name: receipt.learner.name,
    role: receipt.learner.role,
    organisation: receipt.learner.organisation,
    modules: lines,
    cpdMinutes: Math.round(assignedMinutes(assignment.items, modules, input.wordsFor)),
    issuedAt: input.issuedAt,
    refreshBy: addYears(input.issuedAt, input.refreshYears ?? DEFAULT_REFRESH_YEARS),
    language: input.language,
    key: receipt.learner.key,
    countersign: {
      name: assignment.trainer.name,
      key: input.trainerKey,
      ...(input.endorsement ? { endorsement: input.endorsement } : {}),
    },
  };
}

/** Signs the certificate with the trainer's key; checkCertificate checks it against the countersign key. */
export async function countersignCertificate(
  assignment: AssignmentPayload,
  receipt: ReceiptPayload,
  modules: CourseModule[],
  keys: CryptoKeyPair,
  options: {
    now: number;
    language: string;
    id?: string;
    endorsement?: string;
    refreshYears?: number;
    wordsFor?: (moduleId: string) => Record<string, string> | undefined;
  },
): Promise<string> {
  const payload = certificatePayloadSchema.parse(
    countersignedPayload(assignment, receipt, modules, {
      id: options.id ?? newCertificateId(),
      issuedAt: new Date(options.now).toISOString().slice(0, 10),
      language: options.language,
      trainerKey: await exportPublicKey(keys.publicKey),
      endorsement: options.endorsement,
      refreshYears: options.refreshYears,
      wordsFor: options.wordsFor,
    }),
  );
  return signCertificate(payload, keys.privateKey);
}

export function certificateImportLink(origin: string, code: string): string {
  return `${origin}/certificates/import#${code}`;
}
