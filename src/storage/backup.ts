// A learner's whole record as one file: export, check, and import (merge or replace).
// decodeBackup never throws: any input gets either a backup or a plain reason it was refused.
import { z } from '../engine/zod';
import { nationSchema, roleSchema } from '../engine/contentSchema';
import { decodeCertificate } from '../certificates/certificateCode';
import { decodeAssignment } from '../trainer/assignmentCode';
import { decodeReceipt } from '../trainer/receiptCode';
import { receiptId } from '../trainer/receiptImport';
import type { HeardDatabase } from './database';

export const BACKUP_FORMAT = 'heard-backup';
/** Version 2 adds certificates and assigned work; version 1 files still import. */
export const BACKUP_VERSION = 2;
/** Longest backup text read at all (a real one is far smaller), checked before parsing. */
export const MAX_BACKUP_CHARACTERS = 21_000_000;

const text = z.string().max(500);
const answerSchema = z.object({
  moduleId: text,
  lessonId: text,
  stepId: text,
  optionIds: z.array(text).max(20),
  correct: z.boolean(),
  at: z.number().finite(),
});
const lessonProgressSchema = z.object({
  key: text,
  moduleId: text,
  lessonId: text,
  contentHash: text.optional(),
  // Backups made before content hashes carry the module's old hand-kept version; still accepted.
  contentVersion: z.number().int().optional(),
  snapshot: z.unknown(),
  stepId: text,
  status: z.enum(['in-progress', 'completed']),
  updatedAt: z.number().finite(),
  writer: text.optional(),
});
const moduleProgressSchema = z.object({
  moduleId: text,
  contentVersion: z.number().int().optional(),
  snapshot: z.unknown(),
  status: z.enum(['in-progress', 'passed', 'not-passed']),
  updatedAt: z.number().finite(),
});
const certificateSchema = z.object({
  id: text,
  moduleIds: z.array(text).max(20),
  // A certificate code holds the whole signed payload, so it is longer than other fields.
  code: z.string().max(20_000),
  issuedAt: text,
  refreshBy: text,
});
const assignmentSchema = z.object({
  id: text,
  code: z.string().max(20_000),
  importedAt: z.number().finite(),
  dueDate: text.optional(),
});
const trainerAssignmentSchema = z.object({
  id: text,
  code: z.string().max(20_000),
  createdAt: z.number().finite(),
});
const receiptSchema = z.object({
  id: text,
  assignmentId: text,
  code: z.string().max(20_000),
  importedAt: z.number().finite(),
  countersignedCode: z.string().max(20_000).optional(),
});
const profileSchema = z.object({
  id: z.literal('learner'),
  displayName: text.optional(),
  role: roleSchema.optional(),
  roleDeclined: z.boolean().optional(),
  nation: nationSchema.optional(),
  organisation: text.optional(),
});

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(1), z.literal(BACKUP_VERSION)]),
  exportedAt: z.number().finite(),
  profile: profileSchema.nullable(),
  // Record counts are capped far above real use, so an edited file cannot stall the import.
  answers: z.array(answerSchema).max(50_000),
  lessonProgress: z.array(lessonProgressSchema).max(1_000),
  moduleProgress: z.array(moduleProgressSchema).max(200),
  certificates: z.array(certificateSchema).max(1_000).default([]),
  assignments: z.array(assignmentSchema).max(1_000).default([]),
  /** A trainer's assignments and the receipts imported for them. */
  trainerAssignments: z.array(trainerAssignmentSchema).max(1_000).default([]),
  receipts: z.array(receiptSchema).max(10_000).default([]),
});

export type Backup = z.infer<typeof backupSchema>;
export type BackupProblem = 'empty' | 'too-large' | 'not-json' | 'not-a-backup' | 'newer-version' | 'damaged';
export type DecodedBackup = { ok: true; backup: Backup } | { ok: false; problem: BackupProblem };

export function decodeBackup(input: string): DecodedBackup {
  if (input.length > MAX_BACKUP_CHARACTERS) return { ok: false, problem: 'too-large' };
  if (input.trim() === '') return { ok: false, problem: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(input);
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, problem: 'not-a-backup' };
  }
  const version = (parsed as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) return { ok: false, problem: 'newer-version' };
  const result = backupSchema.safeParse(parsed);
  return result.success ? { ok: true, backup: result.data } : { ok: false, problem: 'damaged' };
}

/** Everything but the signing keys, which cannot leave the browser and so are never exported. */
const learnerTables = (db: HeardDatabase) => [
  db.profile,
  db.answers,
  db.lessonProgress,
  db.moduleProgress,
  db.certificates,
  db.assignments,
  db.trainerAssignments,
  db.receipts,
];

export async function exportBackup(db: HeardDatabase, now: number): Promise<Backup> {
  return db.transaction('r', learnerTables(db), async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    profile: (await db.profile.get('learner')) ?? null,
    answers: (await db.answers.toArray()).map(({ id: _id, ...answer }) => answer),
    lessonProgress: await db.lessonProgress.toArray(),
    moduleProgress: await db.moduleProgress.toArray(),
    certificates: await db.certificates.toArray(),
    assignments: await db.assignments.toArray(),
    trainerAssignments: await db.trainerAssignments.toArray(),
    receipts: await db.receipts.toArray(),
  }));
}

const answerIdentity = (answer: z.infer<typeof answerSchema>) =>
  JSON.stringify([answer.moduleId, answer.lessonId, answer.stepId, answer.optionIds, answer.at]);

export class BackupCodeError extends Error {
  constructor(what: string) {
    super(`The backup holds ${what} that does not check out`);
    this.name = 'BackupCodeError';
  }
}

/**
 * Every signed code in a backup is checked again as if it had just arrived (a backup is only a file
 * anyone can edit): assignments and receipts signed and filed under their own ids, certificates
 * intact. Anything that fails refuses the whole file, so nothing is half-imported.
 */
export async function checkBackupCodes(backup: Backup): Promise<void> {
  for (const record of [...backup.assignments, ...backup.trainerAssignments]) {
    const decoded = await decodeAssignment(record.code);
    if (!decoded.ok || decoded.payload.id !== record.id) throw new BackupCodeError('an assignment');
  }
  for (const record of backup.receipts) {
    const decoded = await decodeReceipt(record.code);
    if (
      !decoded.ok ||
      decoded.payload.assignmentId !== record.assignmentId ||
      (await receiptId(decoded.payload.assignmentId, decoded.payload.learner.key)) !== record.id
    ) {
      throw new BackupCodeError('a receipt');
    }
    if (record.countersignedCode !== undefined && !(await decodeCertificate(record.countersignedCode)).ok) {
      throw new BackupCodeError('a countersigned certificate');
    }
  }
  for (const record of backup.certificates) {
    const decoded = await decodeCertificate(record.code);
    if (!decoded.ok || decoded.payload.id !== record.id) throw new BackupCodeError('a certificate');
  }
}

/**
 * Replace: the device ends up holding exactly the backup. Merge: answers are combined without
 * duplicates, and for each lesson and module the more recently updated record wins.
 * Runs in one transaction, so a failure part-way leaves the stored data as it was.
 */
export async function importBackup(db: HeardDatabase, backup: Backup, mode: 'merge' | 'replace'): Promise<void> {
  await checkBackupCodes(backup);
  await db.transaction('rw', learnerTables(db), async () => {
    if (mode === 'replace') {
      await Promise.all(learnerTables(db).map((table) => table.clear()));
      if (backup.profile) await db.profile.put(backup.profile);
      await db.answers.bulkAdd(backup.answers);
      await db.lessonProgress.bulkPut(backup.lessonProgress);
      await db.moduleProgress.bulkPut(backup.moduleProgress);
      await db.certificates.bulkPut(backup.certificates);
      await db.assignments.bulkPut(backup.assignments);
      await db.trainerAssignments.bulkPut(backup.trainerAssignments);
      await db.receipts.bulkPut(backup.receipts);
      return;
    }
    // Certificates and assignments never change once made, so merging keeps the device's copy.
    const keptCertificates = new Set(await db.certificates.toCollection().primaryKeys());
    await db.certificates.bulkAdd(backup.certificates.filter((certificate) => !keptCertificates.has(certificate.id)));
    const keptAssignments = new Set(await db.assignments.toCollection().primaryKeys());
    await db.assignments.bulkAdd(backup.assignments.filter((assignment) => !keptAssignments.has(assignment.id)));
    const keptTrainerAssignments = new Set(await db.trainerAssignments.toCollection().primaryKeys());
    await db.trainerAssignments.bulkAdd(
      backup.trainerAssignments.filter((assignment) => !keptTrainerAssignments.has(assignment.id)),
    );
    // A receipt countersigned on this device keeps its countersignature.
    const keptReceipts = new Set(await db.receipts.toCollection().primaryKeys());
    await db.receipts.bulkAdd(backup.receipts.filter((receipt) => !keptReceipts.has(receipt.id)));
    if (backup.profile && !(await db.profile.get('learner'))) await db.profile.put(backup.profile);
    const known = new Set((await db.answers.toArray()).map(answerIdentity));
    await db.answers.bulkAdd(backup.answers.filter((answer) => !known.has(answerIdentity(answer))));
    for (const record of backup.lessonProgress) {
      const existing = await db.lessonProgress.get(record.key);
      if (!existing || existing.updatedAt < record.updatedAt) await db.lessonProgress.put(record);
    }
    for (const record of backup.moduleProgress) {
      const existing = await db.moduleProgress.get(record.moduleId);
      if (!existing || existing.updatedAt < record.updatedAt) await db.moduleProgress.put(record);
    }
  });
}

/** Every store, signing keys included: after this the device holds nothing of the learner's. */
export async function deleteEverything(db: HeardDatabase): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}
