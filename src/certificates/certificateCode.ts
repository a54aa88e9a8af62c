// A certificate as a signed, self-contained code: the payload and its signature, each base64url,
// joined by a dot. The code travels in a QR code, a link fragment or pasted text, and verifies
// offline. decodeCertificate never throws: every input gets a result or a plain reason.
import { z } from '../engine/zod';
import { roleSchema } from '../engine/contentSchema';
import { fromBase64Url, toBase64Url } from './base64url';
import { exportPublicKey, fingerprint, importPublicKey, sign, verifySignature } from './signing';

const text = z.string().max(200);

export const certificatePayloadSchema = z.object({
  /** Format version. */
  v: z.literal(1),
  id: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/),
  name: text.min(1),
  role: roleSchema.nullable(),
  organisation: text,
  modules: z
    .array(
      // Titles and outcomes come from the course content by module id, which keeps the code short
      // enough for a QR code that a phone can read from paper.
      z.object({
        id: z.string().max(60),
        correct: z.number().int().min(0),
        total: z.number().int().min(1),
        completedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      }),
    )
    .min(1)
    .max(10),
  cpdMinutes: z.number().int().min(0).max(10_000),
  issuedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  refreshBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  language: z.string().max(10),
  /** The signer's public key (raw P-256, base64url). */
  key: z.string().max(100),
  /** A countersignature by a trainer, when the certificate is for an assignment. */
  countersign: z.object({ name: text.min(1), key: z.string().max(100) }).optional(),
});

export type CertificatePayload = z.infer<typeof certificatePayloadSchema>;

export type CertificateProblem = 'empty' | 'malformed' | 'unreadable' | 'invalid' | 'signature';
export type VerifiedCertificate =
  | { ok: true; payload: CertificatePayload; keyFingerprint: string; countersignFingerprint?: string }
  | { ok: false; problem: CertificateProblem };

const encoder = new TextEncoder();

export async function encodeCertificate(
  payload: Omit<CertificatePayload, 'key'>,
  keys: { privateKey: CryptoKey; publicKey: CryptoKey },
): Promise<string> {
  const complete: CertificatePayload = { ...payload, key: await exportPublicKey(keys.publicKey) };
  const body = toBase64Url(encoder.encode(JSON.stringify(certificatePayloadSchema.parse(complete))));
  return `${body}.${await sign(keys.privateKey, encoder.encode(body))}`;
}

/** Pulls the code out of whatever was pasted or scanned: the bare code, or a /verify link. */
export function extractCode(input: string): string {
  const trimmed = input.trim();
  const hash = trimmed.indexOf('#');
  return (hash >= 0 ? trimmed.slice(hash + 1) : trimmed).replace(/\s+/g, '');
}

export async function verifyCertificate(input: string): Promise<VerifiedCertificate> {
  const code = extractCode(input);
  if (code === '') return { ok: false, problem: 'empty' };
  const parts = code.split('.');
  if (parts.length !== 2 || parts.some((part) => part === '')) return { ok: false, problem: 'malformed' };
  const [body, signature] = parts;
  const bytes = fromBase64Url(body);
  if (!bytes) return { ok: false, problem: 'malformed' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const result = certificatePayloadSchema.safeParse(parsed);
  if (!result.success) return { ok: false, problem: 'invalid' };
  // A countersigned certificate is signed by the trainer; a self-study one by the learner's device.
  const publicKey = await importPublicKey(result.data.countersign?.key ?? result.data.key);
  if (!publicKey || !(await verifySignature(publicKey, signature, encoder.encode(body)))) {
    return { ok: false, problem: 'signature' };
  }
  return {
    ok: true,
    payload: result.data,
    keyFingerprint: await fingerprint(result.data.key),
    countersignFingerprint: result.data.countersign ? await fingerprint(result.data.countersign.key) : undefined,
  };
}

const ID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A certificate id people can read aloud: no 0/O or 1/I. */
export function newCertificateId(
  random: (length: number) => Uint8Array = (length) => crypto.getRandomValues(new Uint8Array(length)),
): string {
  const characters = [...random(12)].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length]);
  return [0, 4, 8].map((start) => characters.slice(start, start + 4).join('')).join('-');
}

export function addYears(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(year + years, month - 1, day));
  return date.toISOString().slice(0, 10);
}
