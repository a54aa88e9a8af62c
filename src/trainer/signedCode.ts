// A signed, compressed code for things handed between devices without a server: assignments
// (trainer → learners) and completion receipts (learner → trainer). The payload is JSON, checked
// with a zod schema, deflated and written as base64url; a dot and an ECDSA P-256 signature of that
// text follow. decodeSignedCode never throws: every input gets a payload or a plain problem.
import { deflateSync, inflateSync } from 'fflate';
import type { z } from '../engine/zod';
import { fromBase64Url, toBase64Url } from '../certificates/base64url';
import { fingerprint, importPublicKey, sign, verifySignature } from '../certificates/signing';

/** Longest code accepted, in characters: far more than a real assignment or receipt needs. */
export const MAX_CODE_LENGTH = 30_000;
/** Largest payload a code may inflate to, so a tiny code cannot expand into gigabytes. */
export const MAX_PAYLOAD_BYTES = 200_000;

export type CodeProblem = 'empty' | 'too-long' | 'malformed' | 'unreadable' | 'invalid' | 'signature';

export type DecodedCode<T> =
  { ok: true; payload: T; code: string; keyFingerprint: string } | { ok: false; problem: CodeProblem };

const encoder = new TextEncoder();

/** Pulls the code out of whatever was pasted, scanned or read from a file: the bare code, or a link. */
export function extractSignedCode(input: string): string {
  const trimmed = input.trim();
  const hash = trimmed.indexOf('#');
  return (hash >= 0 ? trimmed.slice(hash + 1) : trimmed).replace(/\s+/g, '');
}

export async function encodeSignedCode<T>(schema: z.ZodType<T>, payload: T, privateKey: CryptoKey): Promise<string> {
  const json = JSON.stringify(schema.parse(payload));
  const body = toBase64Url(deflateSync(encoder.encode(json), { level: 9 }));
  return `${body}.${await sign(privateKey, encoder.encode(body))}`;
}

function inflateBounded(bytes: Uint8Array): Uint8Array | null {
  try {
    // A fixed output buffer one byte larger than allowed: filling it means the payload is too big.
    const inflated = inflateSync(bytes, { out: new Uint8Array(MAX_PAYLOAD_BYTES + 1) });
    return inflated.length > MAX_PAYLOAD_BYTES ? null : inflated;
  } catch {
    return null;
  }
}

/**
 * Decodes and verifies a code. `signerKey` names the public key (inside the payload) whose private
 * half must have signed it: the trainer's for an assignment, the learner's device for a receipt.
 */
export async function decodeSignedCode<T>(
  input: unknown,
  schema: z.ZodType<T>,
  signerKey: (payload: T) => string,
): Promise<DecodedCode<T>> {
  if (typeof input !== 'string') return { ok: false, problem: 'empty' };
  if (input.length > MAX_CODE_LENGTH * 2) return { ok: false, problem: 'too-long' };
  const code = extractSignedCode(input);
  if (code === '') return { ok: false, problem: 'empty' };
  if (code.length > MAX_CODE_LENGTH) return { ok: false, problem: 'too-long' };
  const parts = code.split('.');
  if (parts.length !== 2 || parts.some((part) => part === '')) return { ok: false, problem: 'malformed' };
  const [body, signature] = parts;
  const bytes = fromBase64Url(body);
  const signatureBytes = fromBase64Url(signature);
  // Only the one canonical spelling is accepted, so no character of a code can change unnoticed
  // (base64url's last character can otherwise carry unused bits).
  if (!bytes || !signatureBytes || toBase64Url(bytes) !== body || toBase64Url(signatureBytes) !== signature) {
    return { ok: false, problem: 'malformed' };
  }
  const inflated = inflateBounded(bytes);
  if (!inflated) return { ok: false, problem: 'unreadable' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const result = schema.safeParse(parsed);
  if (!result.success) return { ok: false, problem: 'invalid' };
  const key = signerKey(result.data);
  const publicKey = await importPublicKey(key);
  if (!publicKey || !(await verifySignature(publicKey, signature, encoder.encode(body)))) {
    return { ok: false, problem: 'signature' };
  }
  return { ok: true, payload: result.data, code, keyFingerprint: await fingerprint(key) };
}

/** Reads a code's payload without checking its signature: for showing codes this device already checked. */
export function readSignedCode<T>(code: string, schema: z.ZodType<T>): T | null {
  const bytes = fromBase64Url(extractSignedCode(code).split('.')[0] ?? '');
  const inflated = bytes && inflateBounded(bytes);
  if (!inflated) return null;
  try {
    const result = schema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated)));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** A random id for an assignment: 16 bytes, base64url. */
export function newRandomId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}
