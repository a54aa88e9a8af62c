import { beforeAll, describe, expect, it } from 'vitest';
import { decodeCertificate } from '../../src/certificates/certificateCode';
import { fingerprint, keyId } from '../../src/certificates/signing';
import { HeardDatabase } from '../../src/storage/database';
import { cohortSummary } from '../../src/trainer/cohort';
import { countersignCertificate } from '../../src/trainer/countersign';
import { cohortCsv, csvCell, type CsvHeadings } from '../../src/trainer/csv';
import { encodeReceipt, readReceipt, receiptLink, type ReceiptPayload } from '../../src/trainer/receiptCode';
import { importReceipts, pastedCodes, receiptId } from '../../src/trainer/receiptImport';
import { practiceModule } from '../fixtures/practiceModule';
import { assignmentPayload, keyPair, receiptPayloadFor } from './fixtures';

let trainer: Awaited<ReturnType<typeof keyPair>>;
let learner: Awaited<ReturnType<typeof keyPair>>;
let otherLearner: Awaited<ReturnType<typeof keyPair>>;
let goodCode: string;
let secondLearnerCode: string;
let otherAssignmentCode: string;
let tamperedCode: string;

beforeAll(async () => {
  trainer = await keyPair();
  learner = await keyPair();
  otherLearner = await keyPair();
  goodCode = await encodeReceipt(receiptPayloadFor(learner.publicKey), learner.keys.privateKey);
  secondLearnerCode = await encodeReceipt(
    receiptPayloadFor(otherLearner.publicKey, {
      learner: { name: '=HYPERLINK("evil")', role: null, organisation: '', key: otherLearner.publicKey },
      score: { correct: 0, total: 1 },
      answers: [{ moduleId: 'practice', lessonId: 'basics', stepId: 'age', optionIds: ['adult'], correct: false }],
    }),
    otherLearner.keys.privateKey,
  );
  otherAssignmentCode = await encodeReceipt(
    receiptPayloadFor(learner.publicKey, { assignmentId: 'BBBBBBBBBBBBBBBBBBBBBB' }),
    learner.keys.privateKey,
  );
  const [body, signature] = goodCode.split('.');
  // A changed body keeps the old signature: the score was raised after signing.
  const forgedBody = (
    await encodeReceipt(
      receiptPayloadFor(learner.publicKey, { score: { correct: 1, total: 1 }, seconds: 1 }),
      otherLearner.keys.privateKey,
    )
  ).split('.')[0];
  expect(forgedBody).not.toBe(body);
  tamperedCode = `${forgedBody}.${signature}`;
});

const assignment = () => assignmentPayload(trainer.publicKey);
const database = () => new HeardDatabase(`receipts-${Math.random()}`);

describe('importing receipts', () => {
  it('imports a good receipt and refuses a tampered one, one for another assignment and a duplicate', async () => {
    const db = database();
    const results = await importReceipts(
      db,
      assignment(),
      [
        { source: 'sian.txt', text: receiptLink('https://heard.example', goodCode) },
        { source: 'tampered.txt', text: tamperedCode },
        { source: 'other.txt', text: otherAssignmentCode },
        { source: 'again.txt', text: goodCode },
        { source: 'notes.txt', text: 'my shopping list' },
      ],
      1_000,
    );
    expect(results.map((result) => [result.source, result.check.ok ? 'ok' : result.check.problem])).toEqual([
      ['sian.txt', 'ok'],
      ['tampered.txt', 'signature'],
      ['other.txt', 'other-assignment'],
      ['again.txt', 'duplicate'],
      ['notes.txt', 'malformed'],
    ]);
    const stored = await db.receipts.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0].id).toBe(`${assignment().id}:${await keyId(learner.publicKey)}`);
  });

  it('a bad batch leaves receipts already imported, and their countersignature, untouched', async () => {
    const db = database();
    await importReceipts(db, assignment(), [{ source: 'a', text: goodCode }], 1_000);
    const id = await receiptId(assignment().id, learner.publicKey);
    await db.receipts.update(id, { countersignedCode: 'SIGNED' });
    const before = await db.receipts.toArray();
    const results = await importReceipts(
      db,
      assignment(),
      [
        { source: 'a', text: goodCode },
        { source: 'b', text: tamperedCode },
        { source: 'c', text: '' },
      ],
      2_000,
    );
    expect(results.every((result) => !result.check.ok)).toBe(true);
    expect(await db.receipts.toArray()).toEqual(before);
  });

  it('splits pasted links one a line, ignoring blank lines', () => {
    expect(pastedCodes('  a \n\r\n\nb\r\n')).toEqual(['a', 'b']);
  });
});

describe('cohort dashboard and CSV', () => {
  const headings: CsvHeadings = {
    name: 'Name',
    role: 'Role',
    organisation: 'Organisation',
    completedAt: 'Finished',
    minutes: 'Minutes',
    correct: 'Right',
    total: 'Decisions',
    percent: 'Score %',
    passed: 'Passed',
    yes: 'Yes',
    no: 'No',
    module: 'Module',
    lesson: 'Lesson',
    question: 'Question',
    questionId: 'Question id',
    option: 'Option',
    optionId: 'Option id',
    optionCorrect: 'Right answer',
    learners: 'Learners',
    share: 'Share %',
  };

  async function twoLearners() {
    const db = database();
    await importReceipts(
      db,
      assignment(),
      [
        { source: 'a', text: goodCode },
        { source: 'b', text: secondLearnerCode },
      ],
      1_000,
    );
    return (await db.receipts.toArray()).map((record) => ({
      id: record.id,
      payload: readReceipt(record.code) as ReceiptPayload,
    }));
  }

  it('shows scores against the pass mark, option shares and the myths most often shown', async () => {
    const summary = cohortSummary(assignment(), await twoLearners(), [practiceModule]);
    expect(summary.learners.map((row) => [row.name, row.percent, row.passed])).toEqual([
      ['=HYPERLINK("evil")', 0, false],
      ['Siân Learner', 100, true],
    ]);
    expect(summary.passed).toBe(1);
    const age = summary.questions.find((question) => question.stepId === 'age');
    expect(age?.answered).toBe(2);
    expect(age?.options.map((option) => [option.optionId, option.count, option.share])).toEqual([
      ['child', 1, 0.5],
      ['adult', 1, 0.5],
    ]);
    const words = summary.questions.find((question) => question.stepId === 'words');
    expect(words?.answered).toBe(1);
    expect(summary.myths).toEqual([{ myth: 'shes-streetwise', learners: 1 }]);

    const csv = cohortCsv(summary.learners, summary.questions, headings, (role) => role ?? '', {
      module: (moduleId) => `module ${moduleId}`,
      lesson: (_, lessonId) => `lesson ${lessonId}`,
      question: (question) => `words of ${question.stepId}`,
      option: (_, optionId) => `words of ${optionId}`,
    });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('"Name","Role","Organisation","Finished","Minutes","Right","Decisions","Score %","Passed"');
    // The formula-looking name is neutralised; the other learner's row is as written.
    expect(lines[1]).toBe(`"'=HYPERLINK(""evil"")","","","2026-11-24T10:15:00.000Z","10","0","1","0","No"`);
    expect(lines[2]).toBe(
      '"Siân Learner","education","Ysgol Example","2026-11-24T10:15:00.000Z","10","2","2","100","Yes"',
    );
    // Words a person reads, with the course's ids beside them.
    expect(lines).toContain(
      '"Module","Lesson","Question","Option","Right answer","Learners","Share %","Question id","Option id"',
    );
    expect(lines).toContain(
      '"module practice","lesson basics","words of age","words of adult","No","1","50","practice/basics/age","adult"',
    );
  });

  it.each([
    ['=1+1', `"'=1+1"`],
    ['+44 1234', `"'+44 1234"`],
    ['-2', `"'-2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['Plain "quoted"', '"Plain ""quoted"""'],
  ])('guards the CSV cell %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('countersigning', () => {
  it('makes a certificate /verify accepts, naming the trainer and the learner', async () => {
    const code = await countersignCertificate(
      assignment(),
      receiptPayloadFor(learner.publicKey),
      [practiceModule],
      trainer.keys,
      { now: Date.UTC(2026, 10, 25), language: 'en' },
    );
    const verified = await decodeCertificate(code);
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.payload.name).toBe('Siân Learner');
    expect(verified.payload.countersign?.name).toBe('Jo Trainer');
    expect(verified.trainerFingerprint).toBe(await fingerprint(trainer.publicKey));
    expect(verified.learnerFingerprint).toBe(await fingerprint(learner.publicKey));
    expect(verified.payload.modules).toEqual([
      {
        id: 'practice',
        lessons: ['basics'],
        correct: 2,
        total: 2,
        completedAt: '2026-11-24',
        lawCheckedTo: practiceModule.lawCheckedTo,
      },
    ]);
    expect(verified.payload.issuedAt).toBe('2026-11-25');
  });

  it('is refused by /verify when signed by a key other than the trainer it names', async () => {
    const impostor = await keyPair();
    const code = await countersignCertificate(
      assignment(),
      receiptPayloadFor(learner.publicKey),
      [practiceModule],
      { privateKey: impostor.keys.privateKey, publicKey: trainer.keys.publicKey },
      { now: Date.UTC(2026, 10, 25), language: 'en' },
    );
    expect(await decodeCertificate(code)).toEqual({ ok: false, problem: 'signature' });
  });
});
