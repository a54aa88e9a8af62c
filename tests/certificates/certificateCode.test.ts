import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBase64Url } from '../../src/certificates/base64url';
import {
  addYears,
  encodeCertificate,
  newCertificateId,
  decodeCertificate,
  type CertificatePayload,
} from '../../src/certificates/certificateCode';
import { generateSigningKeys } from '../../src/certificates/signing';

const payload: Omit<CertificatePayload, 'key'> = {
  v: 1,
  id: 'ABCD-EFGH-JKLM',
  name: 'Siân Ŵyn',
  role: 'education',
  organisation: 'Ysgol Example',
  modules: [{ id: 'adultification', correct: 12, total: 13, completedAt: '2026-11-20' }],
  cpdMinutes: 45,
  issuedAt: '2026-11-23',
  refreshBy: '2029-11-23',
  language: 'en',
};

let keys: CryptoKeyPair;
let code: string;
beforeAll(async () => {
  keys = await generateSigningKeys();
  code = await encodeCertificate(payload, keys);
});

function reencode(changed: object, signature: string) {
  return `${toBase64Url(new TextEncoder().encode(JSON.stringify(changed)))}.${signature}`;
}

describe('certificate codes', () => {
  it('verifies an untouched certificate, from the bare code or a /verify link', async () => {
    const result = await decodeCertificate(code);
    expect(result.ok && result.payload.name).toBe('Siân Ŵyn');
    expect(result.ok && result.learnerFingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
    expect((await decodeCertificate(`https://heard.example/verify#${code}`)).ok).toBe(true);
  });

  it.each([
    ['name', { name: 'Someone Else' }],
    ['date', { issuedAt: '2026-01-01' }],
    ['refresh-by date', { refreshBy: '2099-01-01' }],
    ['score', { modules: [{ ...payload.modules[0], correct: 13 }] }],
    ['modules', { modules: [{ ...payload.modules[0], id: 'orientation' }] }],
    ['CPD minutes', { cpdMinutes: 600 }],
    ['nation', { nation: 'wales' }],
  ])('fails when the %s is changed', async (_field, change) => {
    const [body, signature] = code.split('.');
    const original = JSON.parse(
      new TextDecoder().decode(
        Uint8Array.from(atob(body.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
      ),
    );
    expect(await decodeCertificate(reencode({ ...original, ...change }, signature))).toEqual({
      ok: false,
      problem: 'signature',
    });
  });

  it('records the nation path taken, and still verifies an older code that records none', async () => {
    // The shared payload has no nation, as certificates made before nations were kept.
    const older = await decodeCertificate(code);
    expect(older.ok).toBe(true);
    expect(older.ok && older.payload.nation).toBeUndefined();
    const wales = await encodeCertificate({ ...payload, nation: 'wales' }, keys);
    const result = await decodeCertificate(wales);
    expect(result.ok && result.payload.nation).toBe('wales');
    const [body, signature] = wales.split('.');
    const original = JSON.parse(
      new TextDecoder().decode(
        Uint8Array.from(atob(body.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
      ),
    );
    expect(await decodeCertificate(reencode({ ...original, nation: 'england' }, signature))).toEqual({
      ok: false,
      problem: 'signature',
    });
  });

  it('fails for a code signed by another key', async () => {
    const other = await generateSigningKeys();
    const forged = await encodeCertificate(payload, other);
    const [, forgedSignature] = forged.split('.');
    const [body] = code.split('.');
    expect((await decodeCertificate(`${body}.${forgedSignature}`)).ok).toBe(false);
  });

  it('fails for every truncation of the code, without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: code.length - 1 }), async (cut) => {
        const result = await decodeCertificate(code.slice(0, cut));
        expect(result.ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses random input with a reason, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `${s}.${s}`),
          fc.base64String(),
        ),
        async (input) => {
          const result = await decodeCertificate(input);
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('makes readable ids and adds years to dates', () => {
    expect(newCertificateId()).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(addYears('2026-11-23', 3)).toBe('2029-11-23');
    expect(addYears('2028-02-29', 1)).toBe('2029-03-01');
  });
});
