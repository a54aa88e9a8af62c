import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBase64Url } from '../../src/certificates/base64url';
import { sign } from '../../src/certificates/signing';
import { assignmentLink, decodeAssignment, encodeAssignment, readAssignment } from '../../src/trainer/assignmentCode';
import { decodeReceipt, encodeReceipt, readReceipt, receiptLink } from '../../src/trainer/receiptCode';
import { checkReceipt } from '../../src/trainer/receiptImport';
import { MAX_PAYLOAD_BYTES } from '../../src/trainer/signedCode';
import { assignmentPayload, keyPair, receiptPayloadFor } from './fixtures';

let trainer: Awaited<ReturnType<typeof keyPair>>;
let learner: Awaited<ReturnType<typeof keyPair>>;
let assignmentCode: string;
let receiptCode: string;

beforeAll(async () => {
  trainer = await keyPair();
  learner = await keyPair();
  assignmentCode = await encodeAssignment(assignmentPayload(trainer.publicKey), trainer.keys.privateKey);
  receiptCode = await encodeReceipt(receiptPayloadFor(learner.publicKey), learner.keys.privateKey);
});

/** Signs any bytes as a code body, so tests can reach the checks after the signature. */
async function signedBody(json: string | Uint8Array, privateKey: CryptoKey): Promise<string> {
  const bytes = typeof json === 'string' ? new TextEncoder().encode(json) : json;
  const body = toBase64Url(deflateSync(bytes));
  return `${body}.${await sign(privateKey, new TextEncoder().encode(body))}`;
}

describe('assignment codes', () => {
  it('round-trips from the bare code, a link, or a file holding the link', async () => {
    for (const input of [
      assignmentCode,
      assignmentLink('https://heard.example', assignmentCode),
      `\n  ${assignmentLink('https://heard.example', assignmentCode)}\r\n`,
    ]) {
      const decoded = await decodeAssignment(input);
      expect(decoded.ok && decoded.payload).toEqual(assignmentPayload(trainer.publicKey));
      expect(decoded.ok && decoded.keyFingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
    }
    expect(readAssignment(assignmentCode)?.title).toBe('Orientation refresher');
  });

  it('is compressed: a long note makes a much shorter code', async () => {
    const payload = assignmentPayload(trainer.publicKey, { note: 'Please read every explanation. '.repeat(30) });
    const code = await encodeAssignment(payload, trainer.keys.privateKey);
    expect(code.length).toBeLessThan(JSON.stringify(payload).length);
  });

  it('refuses a code signed by another key than the trainer it names', async () => {
    const other = await keyPair();
    const forged = await encodeAssignment(assignmentPayload(trainer.publicKey), other.keys.privateKey);
    expect(await decodeAssignment(forged)).toEqual({ ok: false, problem: 'signature' });
  });

  it('refuses a changed payload kept with the old signature', async () => {
    const signature = assignmentCode.split('.')[1];
    const changed = toBase64Url(
      deflateSync(new TextEncoder().encode(JSON.stringify({ ...assignmentPayload(trainer.publicKey), passMark: 0 }))),
    );
    expect(await decodeAssignment(`${changed}.${signature}`)).toEqual({ ok: false, problem: 'signature' });
  });

  it('gives each kind of bad input its own plain problem', async () => {
    expect(await decodeAssignment('')).toEqual({ ok: false, problem: 'empty' });
    expect(await decodeAssignment(42)).toEqual({ ok: false, problem: 'empty' });
    expect(await decodeAssignment('abc')).toEqual({ ok: false, problem: 'malformed' });
    expect(await decodeAssignment('a'.repeat(40_000))).toEqual({ ok: false, problem: 'too-long' });
    expect(await decodeAssignment('!!!.abc')).toEqual({ ok: false, problem: 'malformed' });
    expect(await decodeAssignment('AAAA.AAAA')).toEqual({ ok: false, problem: 'unreadable' });
    expect(await decodeAssignment(await signedBody('{"v":2}', trainer.keys.privateKey))).toEqual({
      ok: false,
      problem: 'invalid',
    });
  });

  it('refuses a code that would inflate past the size limit', async () => {
    const bomb = await signedBody(new Uint8Array(MAX_PAYLOAD_BYTES * 5).fill(32), trainer.keys.privateKey);
    expect(bomb.length).toBeLessThan(3000);
    expect(await decodeAssignment(bomb)).toEqual({ ok: false, problem: 'unreadable' });
  });

  it('never throws, whatever it is given', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.anything()), async (input) => {
        const result = await decodeAssignment(input);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses the code when any one character is changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: assignmentCode.length - 1 }),
        fc.constantFrom(...'ABCXYZabcxyz0189-_.'),
        async (index, replacement) => {
          fc.pre(assignmentCode[index] !== replacement);
          const changed = assignmentCode.slice(0, index) + replacement + assignmentCode.slice(index + 1);
          expect((await decodeAssignment(changed)).ok).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('receipt codes', () => {
  it('round-trips from the bare code and a /receipt link', async () => {
    for (const input of [receiptCode, receiptLink('https://heard.example', receiptCode)]) {
      const decoded = await decodeReceipt(input);
      expect(decoded.ok && decoded.payload).toEqual(receiptPayloadFor(learner.publicKey));
    }
  });

  it('carries option ids only: a free-text field is refused', async () => {
    const withText = { ...receiptPayloadFor(learner.publicKey), comment: 'I wrote this' };
    expect(await decodeReceipt(await signedBody(JSON.stringify(withText), learner.keys.privateKey))).toEqual({
      ok: false,
      problem: 'invalid',
    });
    const answers = [
      { moduleId: 'practice', lessonId: 'basics', stepId: 'age', optionIds: ['Free text!'], correct: true },
    ];
    const withTextOption = { ...receiptPayloadFor(learner.publicKey), answers };
    expect(await decodeReceipt(await signedBody(JSON.stringify(withTextOption), learner.keys.privateKey))).toEqual({
      ok: false,
      problem: 'invalid',
    });
  });

  it('refuses a receipt signed by another key than the learner device it names', async () => {
    const other = await keyPair();
    const forged = await encodeReceipt(receiptPayloadFor(learner.publicKey), other.keys.privateKey);
    expect(await decodeReceipt(forged)).toEqual({ ok: false, problem: 'signature' });
  });

  it('refuses a score of more than the total', async () => {
    const payload = receiptPayloadFor(learner.publicKey, { score: { correct: 3, total: 2 } });
    expect(await decodeReceipt(await signedBody(JSON.stringify(payload), learner.keys.privateKey))).toEqual({
      ok: false,
      problem: 'invalid',
    });
  });

  it('never throws, whatever it is given', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.anything()), async (input) => {
        expect((await decodeReceipt(input)).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses the receipt when any one character is changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: receiptCode.length - 1 }),
        fc.constantFrom(...'ABCXYZabcxyz0189-_.'),
        async (index, replacement) => {
          fc.pre(receiptCode[index] !== replacement);
          const changed = receiptCode.slice(0, index) + replacement + receiptCode.slice(index + 1);
          expect((await decodeReceipt(changed)).ok).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('reading stored codes and checking receipts', () => {
  it('readAssignment and readReceipt return null, never throw, for anything but their own codes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (input) => {
        expect(readAssignment(input)).toBeNull();
        expect(readReceipt(input)).toBeNull();
      }),
      { numRuns: 300 },
    );
    expect(readReceipt(receiptCode)).toEqual(receiptPayloadFor(learner.publicKey));
    expect(readAssignment(receiptCode)).toBeNull();
  });

  it('checkReceipt refuses any other input with a problem, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.anything()), async (input) => {
        const result = await checkReceipt(input, { id: 'AAAAAAAAAAAAAAAAAAAAAA' }, async () => false);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
