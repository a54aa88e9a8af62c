// An organisation's signed statements about its trainers, made offline by `npm run org`
// (scripts/org.mjs, which writes the same format):
//   endorsement: "this trainer key belongs to <name>, <role>, from <date> until <date>";
//   withdrawal:  "endorsement <id> no longer holds from <date>".
// Each is base64url(JSON), a dot, and an ECDSA P-256 signature (base64url) of the text before the
// dot. Decoders never throw; every refusal is a plain problem.
import { fromBase64Url, toBase64Url } from '../certificates/base64url';
import { importPublicKey, sign, verifySignature } from '../certificates/signing';
import { z } from '../engine/zod';
import { publicKeySchema } from './organisationSchema';

/** Longest endorsement or withdrawal accepted, checked before anything is parsed. */
export const MAX_TRUST_CODE_LENGTH = 2_000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isRealDate, 'a real calendar date');

export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const endorsementSchema = z
  .strictObject({
    v: z.literal(1),
    kind: z.literal('endorsement'),
    id: z.string().regex(/^[A-Za-z0-9_-]{16,40}$/),
    /** The trainer's name as the organisation knows them. */
    name: z.string().trim().min(1).max(120),
    /** Their role, e.g. "Designated safeguarding lead". */
    role: z.string().trim().min(1).max(120),
    /** The trainer's public key (from their trainer area). */
    key: publicKeySchema,
    from: isoDate,
    until: isoDate,
  })
  .refine((endorsement) => endorsement.from <= endorsement.until, { path: ['until'], message: 'until is before from' });

export const withdrawalSchema = z.strictObject({
  v: z.literal(1),
  kind: z.literal('withdrawal'),
  /** The endorsement withdrawn. */
  endorsement: z.string().regex(/^[A-Za-z0-9_-]{16,40}$/),
  /** From this day the endorsement no longer holds (the endorsement's first day when a key was lost). */
  from: isoDate,
});

export type Endorsement = z.infer<typeof endorsementSchema>;
export type Withdrawal = z.infer<typeof withdrawalSchema>;

export type TrustCodeProblem = 'empty' | 'too-long' | 'malformed' | 'invalid' | 'signature';
export type DecodedTrustCode<T> = { ok: true; payload: T; code: string } | { ok: false; problem: TrustCodeProblem };

const encoder = new TextEncoder();

export async function encodeTrustCode<T>(schema: z.ZodType<T>, payload: T, privateKey: CryptoKey): Promise<string> {
  const body = toBase64Url(encoder.encode(JSON.stringify(schema.parse(payload))));
  return `${body}.${await sign(privateKey, encoder.encode(body))}`;
}

/** Reads a code without checking who signed it; null for anything that is not a well-formed one. */
export function readTrustCode<T>(input: unknown, schema: z.ZodType<T>): DecodedTrustCode<T> {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, problem: 'empty' };
  if (input.length > MAX_TRUST_CODE_LENGTH * 2) return { ok: false, problem: 'too-long' };
  const hash = input.indexOf('#');
  const code = (hash >= 0 ? input.slice(hash + 1) : input).replace(/\s+/g, '');
  if (code.length > MAX_TRUST_CODE_LENGTH) return { ok: false, problem: 'too-long' };
  const parts = code.split('.');
  if (parts.length !== 2) return { ok: false, problem: 'malformed' };
  const [body, signature] = parts;
  const bytes = fromBase64Url(body);
  const signatureBytes = fromBase64Url(signature);
  // One canonical spelling only, so no character can change unnoticed.
  if (
    !bytes ||
    !signatureBytes ||
    body === '' ||
    toBase64Url(bytes) !== body ||
    toBase64Url(signatureBytes) !== signature
  ) {
    return { ok: false, problem: 'malformed' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  const result = schema.safeParse(parsed);
  return result.success ? { ok: true, payload: result.data, code } : { ok: false, problem: 'invalid' };
}

/** Decodes a code and checks it was signed by `organisationKey` (raw P-256, base64url). */
export async function decodeTrustCode<T>(
  input: unknown,
  schema: z.ZodType<T>,
  organisationKey: string,
): Promise<DecodedTrustCode<T>> {
  const read = readTrustCode(input, schema);
  if (!read.ok) return read;
  const [body, signature] = read.code.split('.');
  const publicKey = await importPublicKey(organisationKey);
  if (!publicKey || !(await verifySignature(publicKey, signature, encoder.encode(body)))) {
    return { ok: false, problem: 'signature' };
  }
  return read;
}

export const decodeEndorsement = (input: unknown, organisationKey: string) =>
  decodeTrustCode(input, endorsementSchema, organisationKey);
export const decodeWithdrawal = (input: unknown, organisationKey: string) =>
  decodeTrustCode(input, withdrawalSchema, organisationKey);
