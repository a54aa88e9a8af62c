import { beforeAll, describe, expect, it } from 'vitest';
import { HeardDatabase, lessonKey } from '../../src/storage/database';
import { encodeAssignment } from '../../src/trainer/assignmentCode';
import { countersignCertificate } from '../../src/trainer/countersign';
import {
  assignmentProgress,
  importAssignment,
  importCertificate,
  makeReceipt,
} from '../../src/trainer/learnerAssignments';
import { decodeReceipt } from '../../src/trainer/receiptCode';
import { practiceModule } from '../fixtures/practiceModule';
import { assignmentPayload, keyPair, receiptPayloadFor } from './fixtures';

let trainer: Awaited<ReturnType<typeof keyPair>>;
let code: string;
beforeAll(async () => {
  trainer = await keyPair();
  code = await encodeAssignment(assignmentPayload(trainer.publicKey), trainer.keys.privateKey);
});

const database = () => new HeardDatabase(`learner-${Math.random()}`);

async function finishLesson(db: HeardDatabase, at: number) {
  await db.answers.bulkAdd([
    { moduleId: 'practice', lessonId: 'basics', stepId: 'age', optionIds: ['adult'], correct: false, at },
    { moduleId: 'practice', lessonId: 'basics', stepId: 'age', optionIds: ['child'], correct: true, at: at + 60_000 },
    {
      moduleId: 'practice',
      lessonId: 'basics',
      stepId: 'words',
      optionIds: ['streetwise', 'groomed'],
      correct: false,
      at: at + 120_000,
    },
  ]);
  await db.lessonProgress.put({
    key: lessonKey('practice', 'basics'),
    moduleId: 'practice',
    lessonId: 'basics',
    snapshot: {},
    stepId: 'end',
    status: 'completed',
    updatedAt: at + 180_000,
  });
}

describe('a learner importing an assignment', () => {
  it('imports once; opening the link again changes nothing', async () => {
    const db = database();
    const first = await importAssignment(db, `https://heard.example/assignment#${code}`, 1_000);
    expect(first.ok && first.alreadyImported).toBe(false);
    expect(first.ok && first.payload.trainer.name).toBe('Jo Trainer');
    const stored = await db.assignments.toArray();
    const again = await importAssignment(db, code, 2_000);
    expect(again.ok && again.alreadyImported).toBe(true);
    expect(await db.assignments.toArray()).toEqual(stored);
    expect(stored).toEqual([{ id: assignmentPayload('').id, code, importedAt: 1_000, dueDate: '2026-12-01' }]);
  });

  it('refuses a tampered or malformed assignment and stores nothing', async () => {
    const db = database();
    const [body, signature] = code.split('.');
    const flipped = `${body.slice(0, 10)}${body[10] === 'A' ? 'B' : 'A'}${body.slice(11)}.${signature}`;
    expect((await importAssignment(db, flipped, 1)).ok).toBe(false);
    expect(await importAssignment(db, 'not a link', 1)).toEqual({ ok: false, problem: 'malformed' });
    expect(await db.assignments.count()).toBe(0);
  });

  it('shows not started, in progress, overdue and done', async () => {
    const db = database();
    const payload = assignmentPayload(trainer.publicKey);
    const status = async (today: string) => (await assignmentProgress(db, payload, [practiceModule], today)).status;
    expect(await status('2026-11-24')).toBe('not-started');
    expect(await status('2026-12-02')).toBe('overdue');
    await db.lessonProgress.put({
      key: lessonKey('practice', 'basics'),
      moduleId: 'practice',
      lessonId: 'basics',
      snapshot: {},
      stepId: 'age',
      status: 'in-progress',
      updatedAt: 1,
    });
    expect(await status('2026-11-24')).toBe('in-progress');
    await finishLesson(db, 10_000);
    expect(await status('2026-12-02')).toBe('done');
  });
});

describe('the completion receipt', () => {
  it('is not made before the work is finished', async () => {
    const db = database();
    const payload = assignmentPayload(trainer.publicKey);
    expect(await makeReceipt(db, payload, [practiceModule], { name: 'Sam', role: null, organisation: '' }, 1)).toBe(
      null,
    );
  });

  it('carries the latest option chosen for each question, the score and the time, signed by this device', async () => {
    const db = database();
    await finishLesson(db, Date.UTC(2026, 10, 24, 10, 0));
    const payload = assignmentPayload(trainer.publicKey);
    const receiptCode = await makeReceipt(
      db,
      payload,
      [practiceModule],
      { name: ' Sam Learner ', role: 'police', organisation: 'Example Police' },
      Date.UTC(2026, 10, 24, 11, 0),
    );
    const decoded = await decodeReceipt(receiptCode);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.payload.assignmentId).toBe(payload.id);
    expect(decoded.payload.learner.name).toBe('Sam Learner');
    expect(decoded.payload.completedAt).toBe('2026-11-24T10:03:00.000Z');
    expect(decoded.payload.seconds).toBe(120);
    expect(decoded.payload.score).toEqual({ correct: 1, total: 2 });
    expect(decoded.payload.answers).toEqual([
      { moduleId: 'practice', lessonId: 'basics', stepId: 'age', optionIds: ['child'], correct: true },
      {
        moduleId: 'practice',
        lessonId: 'basics',
        stepId: 'words',
        optionIds: ['streetwise', 'groomed'],
        correct: false,
      },
    ]);
  });
});

const context = { modules: [practiceModule], anchor: null, today: '2026-11-25' };

describe('importing a countersigned certificate', () => {
  it('adds it once, and refuses a changed one', async () => {
    const db = database();
    const learner = await keyPair();
    const certificate = await countersignCertificate(
      assignmentPayload(trainer.publicKey),
      receiptPayloadFor(learner.publicKey),
      [practiceModule],
      trainer.keys,
      { now: Date.UTC(2026, 10, 25), language: 'en', id: 'ABCD-EFGH-JKLM' },
    );
    expect(await importCertificate(db, `https://heard.example/certificates/import#${certificate}`, context)).toEqual({
      ok: true,
      id: 'ABCD-EFGH-JKLM',
      alreadyImported: false,
    });
    expect(await importCertificate(db, certificate, context)).toEqual({
      ok: true,
      id: 'ABCD-EFGH-JKLM',
      alreadyImported: true,
    });
    expect((await db.certificates.get('ABCD-EFGH-JKLM'))?.code).toBe(certificate);
    const [body, signature] = certificate.split('.');
    // Change the signature's first character for certain (overwriting its end could leave it as it was).
    const changed = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await importCertificate(db, `${body}.${changed}`, context)).toEqual({
      ok: false,
      problem: 'signature',
    });
    expect(await db.certificates.count()).toBe(1);
  });
});
