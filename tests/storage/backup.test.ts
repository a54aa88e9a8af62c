import { completeLesson } from '../../src/storage/moduleCompletion';
import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HeardDatabase } from '../../src/storage/database';
import { decodeBackup, deleteEverything, exportBackup, importBackup, type Backup } from '../../src/storage/backup';
import { readModuleProgress, recordAnswer, saveLesson } from '../../src/storage/progressStore';
import { practiceModule } from '../fixtures/practiceModule';
import { encodeCertificate } from '../../src/certificates/certificateCode';
import { encodeAssignment } from '../../src/trainer/assignmentCode';
import { encodeReceipt } from '../../src/trainer/receiptCode';
import { receiptId } from '../../src/trainer/receiptImport';
import { assignmentPayload, keyPair, receiptPayloadFor } from '../trainer/fixtures';

/** Real signed codes: an imported backup has every one checked again. */
async function signedCodes() {
  const trainer = await keyPair();
  const learner = await keyPair();
  const assignment = assignmentPayload(trainer.publicKey, { id: 'team-a-AAAAAAAAAAAAA' });
  const trainerAssignment = assignmentPayload(trainer.publicKey, { id: 'team-b-BBBBBBBBBBBBB' });
  const receipt = receiptPayloadFor(learner.publicKey, { assignmentId: trainerAssignment.id });
  return {
    certificate: await encodeCertificate(
      {
        v: 1,
        id: 'ABCD-EFGH-JKLM',
        name: 'Sam',
        role: null,
        organisation: '',
        modules: [{ id: 'practice', correct: 1, total: 1, completedAt: '2026-11-23' }],
        cpdMinutes: 10,
        issuedAt: '2026-11-23',
        refreshBy: '2029-11-23',
        language: 'en',
      },
      learner.keys,
    ),
    assignment: await encodeAssignment(assignment, trainer.keys.privateKey),
    trainerAssignment: await encodeAssignment(trainerAssignment, trainer.keys.privateKey),
    receipt: await encodeReceipt(receipt, learner.keys.privateKey),
    receiptId: await receiptId(trainerAssignment.id, learner.publicKey),
  };
}
let codes: Awaited<ReturnType<typeof signedCodes>>;
beforeAll(async () => {
  codes = await signedCodes();
});

let db: HeardDatabase;
let counter = 0;
beforeEach(() => {
  db = new HeardDatabase(`backup-test-${++counter}`);
});

async function someProgress(target: HeardDatabase) {
  await target.profile.put({ id: 'learner', displayName: 'Sam', role: 'education' });
  await recordAnswer(target, {
    moduleId: 'practice',
    lessonId: 'basics',
    stepId: 'age',
    optionIds: ['child'],
    correct: true,
    at: 5,
  });
  await saveLesson(target, practiceModule, practiceModule.lessons[0], { value: 'summary' }, 'end', true, 10);
  await completeLesson(target, practiceModule, 'basics', { correct: 1, total: 1, myths: [] }, 10);
  await target.certificates.put({
    id: 'ABCD-EFGH-JKLM',
    moduleIds: ['practice'],
    code: codes.certificate,
    issuedAt: '2026-11-23',
    refreshBy: '2029-11-23',
  });
  await target.assignments.put({
    id: 'team-a-AAAAAAAAAAAAA',
    code: codes.assignment,
    importedAt: 7,
    dueDate: '2026-12-01',
  });
  await target.trainerAssignments.put({ id: 'team-b-BBBBBBBBBBBBB', code: codes.trainerAssignment, createdAt: 8 });
  await target.receipts.put({
    id: codes.receiptId,
    assignmentId: 'team-b-BBBBBBBBBBBBB',
    code: codes.receipt,
    importedAt: 9,
  });
}

async function everything(target: HeardDatabase) {
  const { exportedAt: _exportedAt, ...rest } = await exportBackup(target, 0);
  return rest;
}

describe('backup', () => {
  it('export, delete everything, import restores the same progress', async () => {
    await someProgress(db);
    const before = await everything(db);
    const file = JSON.stringify(await exportBackup(db, 100));
    await deleteEverything(db);
    expect((await readModuleProgress(db, practiceModule)).status).toBe('not-started');

    const decoded = decodeBackup(file);
    if (!decoded.ok) throw new Error(decoded.problem);
    await importBackup(db, decoded.backup, 'replace');
    expect(await everything(db)).toEqual(before);
    expect((await readModuleProgress(db, practiceModule)).lessons.basics).toBe('completed');
  });

  it('keeps certificates, assigned work and a trainer’s cohorts in the file', async () => {
    await someProgress(db);
    const backup = await exportBackup(db, 100);
    expect(backup.certificates.map((certificate) => certificate.id)).toEqual(['ABCD-EFGH-JKLM']);
    expect(backup.assignments.map((assignment) => assignment.id)).toEqual(['team-a-AAAAAAAAAAAAA']);
    expect(backup.trainerAssignments.map((assignment) => assignment.id)).toEqual(['team-b-BBBBBBBBBBBBB']);
    expect(backup.receipts.map((receipt) => receipt.id)).toEqual([codes.receiptId]);
  });

  it('deletes certificates, assigned work and the signing keys too', async () => {
    await someProgress(db);
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    await db.deviceKeys.put({ id: 'device', privateKey: keys.privateKey, publicKey: keys.publicKey, createdAt: 1 });
    await deleteEverything(db);
    const counts = await Promise.all(db.tables.map((table) => table.count()));
    expect(Object.fromEntries(db.tables.map((table, index) => [table.name, counts[index]]))).toEqual(
      Object.fromEntries(db.tables.map((table) => [table.name, 0])),
    );
  });

  it('still imports a version 1 file, which had no certificates', async () => {
    await someProgress(db);
    const { certificates: _c, assignments: _a, ...rest } = await exportBackup(db, 100);
    const decoded = decodeBackup(JSON.stringify({ ...rest, version: 1 }));
    if (!decoded.ok) throw new Error(decoded.problem);
    await importBackup(db, decoded.backup, 'merge');
    expect(await db.certificates.count()).toBe(1);
    await importBackup(db, decoded.backup, 'replace');
    expect(await db.certificates.count()).toBe(0);
    expect(await db.answers.count()).toBe(1);
  });

  it('merging keeps the newer record for each lesson and does not duplicate answers', async () => {
    await someProgress(db);
    const backup = await exportBackup(db, 100);
    await saveLesson(db, practiceModule, practiceModule.lessons[0], { value: 'reading' }, 'intro', false, 50);
    await importBackup(db, backup, 'merge');
    expect(await db.answers.count()).toBe(1);
    expect((await db.lessonProgress.get('practice/basics'))?.updatedAt).toBe(50);
  });

  it('checks every signed code again, and refuses a file with a forged one without changing anything', async () => {
    await someProgress(db);
    const backup = await exportBackup(db, 100);
    const other = await signedCodes();
    expect(other.receiptId).not.toBe(codes.receiptId);
    const forgeries: Backup[] = [
      // A receipt moved under another id, so it would not be caught as a duplicate.
      {
        ...backup,
        receipts: [{ ...backup.receipts[0], id: `${backup.receipts[0].assignmentId}:0000-0000-0000-0000` }],
      },
      // A receipt whose body was edited after signing.
      { ...backup, receipts: [{ ...backup.receipts[0], code: `x${backup.receipts[0].code}` }] },
      // An assignment filed under another assignment's id.
      { ...backup, assignments: [{ ...backup.assignments[0], code: other.trainerAssignment }] },
      { ...backup, trainerAssignments: [{ ...backup.trainerAssignments[0], code: 'made.up' }] },
      { ...backup, certificates: [{ ...backup.certificates[0], code: `${backup.certificates[0].code}x` }] },
      { ...backup, receipts: [{ ...backup.receipts[0], countersignedCode: 'SIGNED' }] },
    ];
    const before = await everything(db);
    for (const forged of forgeries) {
      await expect(importBackup(db, forged, 'replace')).rejects.toThrow(/does not check out/);
      expect(await everything(db)).toEqual(before);
    }
  });

  it('caps the size and the record counts before importing anything', () => {
    expect(decodeBackup(' '.repeat(21_000_001))).toEqual({ ok: false, problem: 'too-large' });
    const many = {
      format: 'heard-backup',
      version: 2,
      exportedAt: 0,
      profile: null,
      answers: Array.from({ length: 50_001 }, () => ({
        moduleId: 'practice',
        lessonId: 'basics',
        stepId: 'age',
        optionIds: ['child'],
        correct: true,
        at: 1,
      })),
      lessonProgress: [],
      moduleProgress: [],
    };
    expect(decodeBackup(JSON.stringify(many))).toEqual({ ok: false, problem: 'damaged' });
    expect(decodeBackup(JSON.stringify({ ...many, answers: many.answers.slice(0, 10) })).ok).toBe(true);
  });

  it('says plainly why a file is refused', () => {
    expect(decodeBackup('')).toEqual({ ok: false, problem: 'empty' });
    expect(decodeBackup('{not json')).toEqual({ ok: false, problem: 'not-json' });
    expect(decodeBackup('{"hello":1}')).toEqual({ ok: false, problem: 'not-a-backup' });
    expect(decodeBackup('{"format":"heard-backup","version":9}')).toEqual({ ok: false, problem: 'newer-version' });
    expect(decodeBackup('{"format":"heard-backup","version":1}')).toEqual({ ok: false, problem: 'damaged' });
  });

  it('never throws on random input, and refuses it', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((value) => JSON.stringify(value)),
        ),
        (input) => {
          const decoded = decodeBackup(input);
          expect(decoded.ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on a truncated or altered backup, and never accepts a broken one', async () => {
    await someProgress(db);
    const file = JSON.stringify(await exportBackup(db, 100));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: file.length - 1 }), fc.string({ maxLength: 3 }), (cut, junk) => {
        const damaged = file.slice(0, cut) + junk;
        const decoded = decodeBackup(damaged);
        if (decoded.ok) expect(JSON.parse(damaged)).toBeTruthy();
      }),
      { numRuns: 300 },
    );
  });

  it('leaves stored data untouched when a file is refused', async () => {
    await someProgress(db);
    const before = await everything(db);
    await fc.assert(
      fc.asyncProperty(fc.string(), async (input) => {
        const decoded = decodeBackup(input);
        if (decoded.ok) await importBackup(db, decoded.backup as Backup, 'replace');
        expect(await everything(db)).toEqual(before);
      }),
      { numRuns: 50 },
    );
  });
});
