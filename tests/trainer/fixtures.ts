// Small builders for trainer tests: a signed assignment and a receipt for it.
import { exportPublicKey, generateSigningKeys } from '../../src/certificates/signing';
import type { AssignmentPayload } from '../../src/trainer/assignmentCode';
import type { ReceiptPayload } from '../../src/trainer/receiptCode';

export async function keyPair(): Promise<{ keys: CryptoKeyPair; publicKey: string }> {
  const keys = await generateSigningKeys();
  return { keys, publicKey: await exportPublicKey(keys.publicKey) };
}

export function assignmentPayload(trainerKey: string, change: Partial<AssignmentPayload> = {}): AssignmentPayload {
  return {
    v: 1,
    id: 'AAAAAAAAAAAAAAAAAAAAAA',
    title: 'Orientation refresher',
    cohort: 'Ysgol Example staff',
    items: [{ moduleId: 'practice', lessonId: 'basics' }],
    role: null,
    passMark: 80,
    due: '2026-12-01',
    note: 'Please finish before the team meeting.',
    createdAt: '2026-11-23',
    trainer: { name: 'Jo Trainer', key: trainerKey },
    ...change,
  };
}

export function receiptPayloadFor(learnerKey: string, change: Partial<ReceiptPayload> = {}): ReceiptPayload {
  return {
    v: 1,
    assignmentId: 'AAAAAAAAAAAAAAAAAAAAAA',
    learner: { name: 'Siân Learner', role: 'education', organisation: 'Ysgol Example', key: learnerKey },
    completedAt: '2026-11-24T10:15:00.000Z',
    seconds: 600,
    score: { correct: 2, total: 2 },
    // Every question of the assigned lesson (practice/basics), answered right.
    answers: [
      { moduleId: 'practice', lessonId: 'basics', stepId: 'age', optionIds: ['child'], correct: true },
      { moduleId: 'practice', lessonId: 'basics', stepId: 'words', optionIds: ['streetwise', 'choice'], correct: true },
    ],
    ...change,
  };
}
