// The forgeries in the security review (reviews/security.md #1–4), each reproduced and shown
// refused or labelled for what it is.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCertificate, signCertificate, type CertificatePayload } from '../../src/certificates/certificateCode';
import { checkCertificate } from '../../src/certificates/certificateTrust';
import { issueCertificate, NotPassedByAnswersError } from '../../src/certificates/issueCertificate';
import { toBase64Url } from '../../src/certificates/base64url';
import { exportPublicKey, generateSigningKeys, sign } from '../../src/certificates/signing';
import { trustAnchor, type TrustAnchor } from '../../src/organisation/trust';
import { decodeBackup, importBackup } from '../../src/storage/backup';
import { HeardDatabase } from '../../src/storage/database';
import { cohortSummary } from '../../src/trainer/cohort';
import { countersignCertificate, NotPassedError } from '../../src/trainer/countersign';
import { importEndorsement } from '../../src/trainer/trainerKeys';
import { practiceModule } from '../fixtures/practiceModule';
import {
  ANYTOWN,
  anytownKeys,
  endorsementFor,
  fixtureTrainerKeys,
  otherfordKeys,
  signEndorsement,
  signWithdrawal,
  type FixtureKeys,
} from '../fixtures/trust';
import { assignmentPayload, keyPair, receiptPayloadFor } from '../trainer/fixtures';

const modules = [practiceModule];
const today = '2026-11-25';
const NOW = Date.UTC(2026, 10, 25);
let anytown: FixtureKeys;
let otherford: FixtureKeys;
let trainer: FixtureKeys;
let anchor: TrustAnchor;
let learner: Awaited<ReturnType<typeof keyPair>>;
let endorsement: string;

beforeAll(async () => {
  [anytown, otherford, trainer] = await Promise.all([anytownKeys(), otherfordKeys(), fixtureTrainerKeys()]);
  anchor = await trustAnchor(ANYTOWN, { publicKey: anytown.publicKey, withdrawals: [] });
  learner = await keyPair();
  endorsement = await signEndorsement(endorsementFor(trainer.publicKey), anytown);
});

const check = (code: string, with_ = anchor) => checkCertificate(code, { modules, anchor: with_, today });

function certificate(change: Partial<CertificatePayload> = {}): Omit<CertificatePayload, 'key'> {
  return {
    v: 1,
    id: 'ABCD-EFGH-JKLM',
    name: 'Siân Learner',
    role: null,
    organisation: '',
    modules: [{ id: 'practice', lessons: ['basics'], correct: 2, total: 2, completedAt: '2026-11-24' }],
    cpdMinutes: 5,
    issuedAt: '2026-11-25',
    refreshBy: '2029-11-25',
    language: 'en',
    ...change,
  };
}

/** Signs any payload as the review's Node script did, skipping the schema the app signs through. */
async function forge(payload: Omit<CertificatePayload, 'key'>, keys: CryptoKeyPair): Promise<string> {
  const body = toBase64Url(
    new TextEncoder().encode(JSON.stringify({ ...payload, key: await exportPublicKey(keys.publicKey) })),
  );
  return `${body}.${await sign(keys.privateKey, new TextEncoder().encode(body))}`;
}

const countersigned = (options: { endorsement?: string; now?: number } = {}) =>
  countersignCertificate(
    assignmentPayload(trainer.publicKey),
    receiptPayloadFor(learner.publicKey),
    modules,
    trainer.keys,
    {
      now: options.now ?? NOW,
      language: 'en',
      endorsement: options.endorsement,
    },
  );

describe('security.md #1: a certificate signed by whatever key it carries', () => {
  it('a fresh-key certificate naming a council trainer is "a key this site does not know"', async () => {
    const forger = await generateSigningKeys();
    const forgerKey = await exportPublicKey(forger.publicKey);
    const code = await signCertificate(
      {
        ...certificate(),
        key: learner.publicKey,
        countersign: { name: 'Safeguarding Lead, Anytown Council', key: forgerKey },
      },
      forger.privateKey,
    );
    expect(await check(code)).toMatchObject({ ok: true, standing: { kind: 'unknown-key' } });
  });

  it('even carrying a real endorsement copied from another trainer', async () => {
    const forger = await generateSigningKeys();
    const code = await signCertificate(
      {
        ...certificate(),
        key: learner.publicKey,
        countersign: { name: 'Sam Okafor', key: await exportPublicKey(forger.publicKey), endorsement },
      },
      forger.privateKey,
    );
    expect(await check(code)).toMatchObject({ ok: true, standing: { kind: 'unknown-key' } });
  });

  it('500% is refused', async () => {
    const keys = await generateSigningKeys();
    const fiveHundred = await forge(
      certificate({ modules: [{ id: 'practice', correct: 50, total: 10, completedAt: '2026-11-24' }] }),
      keys,
    );
    expect(await check(fiveHundred)).toEqual({ ok: false, problem: 'invalid' });
    // Fewer right than asked, but more decisions than the lessons hold.
    const tooMany = await encodeCertificate(
      certificate({ modules: [{ id: 'practice', correct: 40, total: 50, completedAt: '2026-11-24' }] }),
      keys,
    );
    expect(await check(tooMany)).toEqual({ ok: false, problem: 'impossible-score' });
  });

  it('an unknown module or lesson is refused', async () => {
    const keys = await generateSigningKeys();
    for (const modulesClaimed of [
      [{ id: 'level-3-dsl-accredited', correct: 1, total: 1, completedAt: '2026-11-24' }],
      [{ id: 'practice', lessons: ['advanced'], correct: 1, total: 1, completedAt: '2026-11-24' }],
    ]) {
      expect(await check(await encodeCertificate(certificate({ modules: modulesClaimed }), keys))).toEqual({
        ok: false,
        problem: 'unknown-module',
      });
    }
  });

  it('impossible dates are refused', async () => {
    const keys = await generateSigningKeys();
    for (const change of [
      { issuedAt: '2026-02-30', refreshBy: '2029-02-28' },
      { issuedAt: '2027-06-01', refreshBy: '2030-06-01' },
      { issuedAt: '2020-01-01', refreshBy: '2023-01-01' },
      { refreshBy: '2026-11-24' },
      { refreshBy: '2099-01-01' },
      { modules: [{ id: 'practice', correct: 1, total: 1, completedAt: '2026-12-01' }] },
    ]) {
      expect(await check(await encodeCertificate(certificate(change), keys)), JSON.stringify(change)).toEqual({
        ok: false,
        problem: 'impossible-date',
      });
    }
  });

  it('a self-study certificate is self-declared, never endorsed', async () => {
    const code = await encodeCertificate(certificate(), await generateSigningKeys());
    expect(await check(code)).toMatchObject({ ok: true, standing: { kind: 'self-declared' } });
  });

  it('never throws, whatever it is given, and refuses over-long input before parsing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.anything(),
          fc.base64String().map((s) => `${s}.${s}`),
        ),
        async (input) => {
          expect((await check(input as string)).ok).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
    expect(await check('A'.repeat(50_000))).toEqual({ ok: false, problem: 'too-long' });
  });
});

describe('security.md #2: a genuine certificate without answering anything', () => {
  it('a backup marked passed with no answers gives no certificate', async () => {
    const db = new HeardDatabase(`forgery-${Math.random()}`);
    const decoded = decodeBackup(
      JSON.stringify({
        format: 'heard-backup',
        version: 2,
        exportedAt: NOW,
        profile: null,
        answers: [],
        lessonProgress: practiceModule.lessons.map((lesson) => ({
          key: `practice/${lesson.id}`,
          moduleId: 'practice',
          lessonId: lesson.id,
          contentVersion: 1,
          snapshot: {},
          stepId: 'end',
          status: 'completed',
          updatedAt: NOW,
        })),
        moduleProgress: [
          {
            moduleId: 'practice',
            contentVersion: 1,
            snapshot: { context: { results: { basics: { correct: 9, total: 9, myths: [] } }, passedAt: NOW } },
            status: 'passed',
            updatedAt: NOW,
          },
        ],
      }),
    );
    if (!decoded.ok) throw new Error(decoded.problem);
    await importBackup(db, decoded.backup, 'replace');
    const issue = () =>
      issueCertificate(db, {
        courseModule: practiceModule,
        name: 'Forger',
        organisation: '',
        role: null,
        cpdMinutes: 10,
        refreshYears: 3,
        language: 'en',
        now: NOW,
      });
    await expect(issue()).rejects.toBeInstanceOf(NotPassedByAnswersError);
    expect(await db.certificates.count()).toBe(0);

    // Answers logged with every `correct` flag set, but the wrong options chosen: still no pass.
    await db.answers.bulkAdd([
      { moduleId: 'practice', lessonId: 'basics', stepId: 'age', optionIds: ['adult'], correct: true, at: NOW - 4 },
      { moduleId: 'practice', lessonId: 'basics', stepId: 'words', optionIds: ['groomed'], correct: true, at: NOW - 3 },
      { moduleId: 'practice', lessonId: 'scenario', stepId: 'call', optionIds: ['wait'], correct: true, at: NOW - 2 },
      {
        moduleId: 'practice',
        lessonId: 'scenario',
        stepId: 'missed',
        optionIds: ['close'],
        correct: true,
        at: NOW - 1,
      },
    ]);
    await expect(issue()).rejects.toBeInstanceOf(NotPassedByAnswersError);

    // The right options, answered: a certificate, scored from the content.
    await db.answers.bulkAdd([
      { moduleId: 'practice', lessonId: 'basics', stepId: 'age', optionIds: ['child'], correct: false, at: NOW },
      {
        moduleId: 'practice',
        lessonId: 'basics',
        stepId: 'words',
        optionIds: ['streetwise', 'choice'],
        correct: false,
        at: NOW,
      },
      { moduleId: 'practice', lessonId: 'scenario', stepId: 'call', optionIds: ['act'], correct: false, at: NOW },
      {
        moduleId: 'practice',
        lessonId: 'scenario',
        stepId: 'follow-up',
        optionIds: ['share'],
        correct: false,
        at: NOW,
      },
    ]);
    const id = await issue();
    const stored = await db.certificates.get(id);
    const checked = await check(stored?.code ?? '');
    expect(checked).toMatchObject({
      ok: true,
      standing: { kind: 'self-declared' },
      payload: {
        modules: [
          {
            id: 'practice',
            lessons: ['basics', 'scenario'],
            correct: 4,
            total: 4,
            // The review date the learner was taught to travels in the signed certificate.
            lawCheckedTo: practiceModule.lawCheckedTo,
          },
        ],
      },
    });
  });
});

describe('security.md #3: trainers countersigning whatever a receipt claims', () => {
  const assignment = () => assignmentPayload(trainer.publicKey);

  it('wrong options flagged right get the recomputed score, and no countersignature', async () => {
    const lying = receiptPayloadFor(learner.publicKey, {
      score: { correct: 2, total: 2 },
      answers: [
        { moduleId: 'practice', lessonId: 'basics', stepId: 'age', optionIds: ['adult'], correct: true },
        { moduleId: 'practice', lessonId: 'basics', stepId: 'words', optionIds: ['groomed'], correct: true },
      ],
    });
    const summary = cohortSummary(assignment(), [{ id: 'r', payload: lying }], modules);
    expect(summary.learners[0]).toMatchObject({ correct: 0, total: 2, percent: 0, passed: false });
    await expect(
      countersignCertificate(assignment(), lying, modules, trainer.keys, { now: NOW, language: 'en' }),
    ).rejects.toBeInstanceOf(NotPassedError);
  });

  it('an empty receipt, or one missing an assigned question, is not passed', async () => {
    const empty = receiptPayloadFor(learner.publicKey, { score: { correct: 0, total: 0 }, answers: [] });
    const partial = receiptPayloadFor(learner.publicKey, {
      score: { correct: 1, total: 1 },
      answers: [{ moduleId: 'practice', lessonId: 'basics', stepId: 'age', optionIds: ['child'], correct: true }],
    });
    const summary = cohortSummary(
      { ...assignment(), passMark: 0 },
      [
        { id: 'a', payload: empty },
        { id: 'b', payload: partial },
      ],
      modules,
    );
    expect(summary.learners.map((row) => [row.passed, row.unfinishedLessons])).toEqual([
      [false, 1],
      [false, 1],
    ]);
    await expect(
      countersignCertificate({ ...assignment(), passMark: 0 }, empty, modules, trainer.keys, {
        now: NOW,
        language: 'en',
      }),
    ).rejects.toBeInstanceOf(NotPassedError);
  });
});

describe('security.md #4: trainer identity only asserted', () => {
  it('an endorsed trainer’s countersignature names the trainer and the organisation', async () => {
    const checked = await check(await countersigned({ endorsement }));
    expect(checked).toMatchObject({
      ok: true,
      standing: {
        kind: 'endorsed',
        organisation: ANYTOWN,
        trainer: { name: 'Sam Okafor', role: 'Designated safeguarding lead' },
      },
    });
    // The same certificate on another organisation's deployment, or on the national course.
    const other = await trustAnchor('Otherford County Council', { publicKey: otherford.publicKey, withdrawals: [] });
    expect(await check(await countersigned({ endorsement }), other)).toMatchObject({
      standing: { kind: 'unknown-key' },
    });
    expect(
      await checkCertificate(await countersigned({ endorsement }), { modules, anchor: null, today }),
    ).toMatchObject({
      standing: { kind: 'unknown-key' },
    });
  });

  it('a certificate countersigned after the trainer’s withdrawal is not endorsed', async () => {
    const withdrawn = await trustAnchor(ANYTOWN, {
      publicKey: anytown.publicKey,
      withdrawals: [await signWithdrawal('ENDORSEMENT-0000000001', '2026-11-01', anytown)],
    });
    expect(await check(await countersigned({ endorsement }), withdrawn)).toMatchObject({
      ok: true,
      standing: { kind: 'not-endorsed', reason: 'withdrawn', date: '2026-11-01' },
    });
    // One from before the withdrawal still stands, and says the endorsement was later withdrawn.
    expect(
      await checkCertificate(await countersigned({ endorsement, now: Date.UTC(2026, 9, 20) }), {
        modules,
        anchor: withdrawn,
        today,
      }),
    ).toMatchObject({ standing: { kind: 'endorsed', withdrawnFrom: '2026-11-01' } });
  });

  it('a trainer can only import an endorsement of their own key, signed by this deployment’s organisation', async () => {
    const db = new HeardDatabase(`endorse-${Math.random()}`);
    expect(await importEndorsement(db, endorsement, anchor, NOW)).toEqual({ ok: false, problem: 'other-key' });
    await db.deviceKeys.put({
      id: 'trainer',
      privateKey: trainer.privateKey,
      publicKey: trainer.keys.publicKey,
      createdAt: NOW,
    });
    const foreign = await signEndorsement(endorsementFor(trainer.publicKey), otherford);
    expect(await importEndorsement(db, foreign, anchor, NOW)).toEqual({ ok: false, problem: 'not-endorsement' });
    expect(await importEndorsement(db, endorsement, null, NOW)).toEqual({ ok: false, problem: 'no-organisation' });
    const expired = await signEndorsement(endorsementFor(trainer.publicKey, { until: '2026-06-30' }), anytown);
    expect(await importEndorsement(db, expired, anchor, NOW)).toEqual({ ok: false, problem: 'not-valid-today' });
    expect(await importEndorsement(db, `  ${endorsement}\n`, anchor, NOW)).toMatchObject({ ok: true });
    expect((await db.deviceKeys.get('trainer'))?.endorsement).toBe(endorsement);
  });
});
