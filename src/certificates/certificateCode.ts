// A certificate as a signed, self-contained code: the payload and its signature, each base64url,
// joined by a dot. The code travels in a QR code, a link fragment or pasted text, and verifies
// offline. decodeCertificate checks the code is intact; checkCertificate then says what it is worth
// on this deployment (certificateTrust.ts). Neither ever throws.
import { z } from '../engine/zod';
import { nationSchema, roleSchema } from '../engine/contentSchema';
import { fromBase64Url, toBase64Url } from './base64url';
import { exportPublicKey, fingerprint, importPublicKey, sign, verifySignature } from './signing';

const text = z.string().max(200);
const contentId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(80);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Longest certificate code accepted, checked before anything is decoded or parsed. */
export const MAX_CERTIFICATE_LENGTH = 12_000;

export const certificatePayloadSchema = z.object({
  /** Format version. */
  v: z.literal(1),
  id: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/),
  name: text.min(1),
  role: roleSchema.nullable(),
  /**
   * The nation whose law and guidance the modules were taken for: the questions met and the words
   * read followed it. Absent on older certificates, and where it was not recorded.
   */
  nation: nationSchema.optional(),
  organisation: text,
  modules: z
    .array(
      // Titles and outcomes come from the course content by id, which keeps the code short enough
      // for a QR code that a phone can read from paper.
      z
        .object({
          id: contentId,
          /** The lessons completed; absent on older certificates, which covered the whole module. */
          lessons: z.array(contentId).min(1).max(20).optional(),
          correct: z.number().int().min(0).max(1_000),
          total: z.number().int().min(1).max(1_000),
          completedAt: isoDate,
          /** The date the module's law and guidance were checked to when issued; absent on older certificates. */
          lawCheckedTo: isoDate.optional(),
        })
        .refine((entry) => entry.correct <= entry.total, 'more right than asked'),
    )
    .min(1)
    .max(10),
  cpdMinutes: z.number().int().min(0).max(10_000),
  issuedAt: isoDate,
  refreshBy: isoDate,
  language: z.string().max(10),
  /** The learner's device public key (raw P-256, base64url). It signs a self-study certificate. */
  key: z.string().max(100),
  /**
   * A countersignature by a trainer, when the certificate is for an assignment: the trainer's key
   * signs the certificate, and the organisation's endorsement of that key (trustCodes.ts) rides along.
   */
  countersign: z
    .object({ name: text.min(1), key: z.string().max(100), endorsement: z.string().max(2_000).optional() })
    .optional(),
});

export type CertificatePayload = z.infer<typeof certificatePayloadSchema>;

export type CertificateProblem = 'empty' | 'too-long' | 'malformed' | 'unreadable' | 'invalid' | 'signature';
export type VerifiedCertificate =
  | {
      ok: true;
      payload: CertificatePayload;
      /** The learner's device key. */
      learnerFingerprint: string;
      /** The trainer's key, on a countersigned certificate. */
      trainerFingerprint?: string;
    }
  | { ok: false; problem: CertificateProblem };

const encoder = new TextEncoder();

/** The key whose private half must have signed: the trainer's when countersigned, else the learner's device. */
export const signerKey = (payload: CertificatePayload) => payload.countersign?.key ?? payload.key;

export async function encodeCertificate(
  payload: Omit<CertificatePayload, 'key'>,
  keys: { privateKey: CryptoKey; publicKey: CryptoKey },
): Promise<string> {
  const complete: CertificatePayload = { ...payload, key: await exportPublicKey(keys.publicKey) };
  return signCertificate(complete, keys.privateKey);
}

export async function signCertificate(payload: CertificatePayload, privateKey: CryptoKey): Promise<string> {
  const body = toBase64Url(encoder.encode(JSON.stringify(certificatePayloadSchema.parse(payload))));
  return `${body}.${await sign(privateKey, encoder.encode(body))}`;
}

/** Pulls the code out of whatever was pasted or scanned: the bare code, or a /verify link. */
export function extractCode(input: string): string {
  const trimmed = input.trim();
  const hash = trimmed.indexOf('#');
  return (hash >= 0 ? trimmed.slice(hash + 1) : trimmed).replace(/\s+/g, '');
}

/** Checks the code is whole and signed by the key it names; not yet whom that key belongs to. */
export async function decodeCertificate(input: unknown): Promise<VerifiedCertificate & { code?: string }> {
  if (typeof input !== 'string') return { ok: false, problem: 'empty' };
  if (input.length > MAX_CERTIFICATE_LENGTH * 2) return { ok: false, problem: 'too-long' };
  const code = extractCode(input);
  if (code === '') return { ok: false, problem: 'empty' };
  if (code.length > MAX_CERTIFICATE_LENGTH) return { ok: false, problem: 'too-long' };
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
  const publicKey = await importPublicKey(signerKey(result.data));
  if (!publicKey || !(await verifySignature(publicKey, signature, encoder.encode(body)))) {
    return { ok: false, problem: 'signature' };
  }
  return {
    ok: true,
    code,
    payload: result.data,
    learnerFingerprint: await fingerprint(result.data.key),
    trainerFingerprint: result.data.countersign ? await fingerprint(result.data.countersign.key) : undefined,
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

/** A code's payload without checking its signature (to decide what to offer, never what to trust); null if unreadable. */
export function readCertificatePayload(code: string): CertificatePayload | null {
  const bytes = fromBase64Url(extractCode(code).split('.')[0] ?? '');
  if (!bytes) return null;
  try {
    const result = certificatePayloadSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
