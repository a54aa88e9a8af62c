// Signing with WebCrypto ECDSA P-256. A device's private key is generated non-extractable and
// kept in IndexedDB, so it can sign but can never be copied out of the browser.
import { fromBase64Url, toBase64Url } from './base64url';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;

export async function generateSigningKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
}

export async function exportPublicKey(key: CryptoKey): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

export async function importPublicKey(encoded: string): Promise<CryptoKey | null> {
  const bytes = fromBase64Url(encoded);
  if (!bytes || bytes.length !== 65) return null;
  try {
    return await crypto.subtle.importKey('raw', bytes as BufferSource, ALGORITHM, true, ['verify']);
  } catch {
    return null;
  }
}

export async function sign(privateKey: CryptoKey, data: Uint8Array): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.sign(SIGNING, privateKey, data as BufferSource)));
}

export async function verifySignature(publicKey: CryptoKey, signature: string, data: Uint8Array): Promise<boolean> {
  const bytes = fromBase64Url(signature);
  if (!bytes || bytes.length !== 64) return false;
  try {
    return await crypto.subtle.verify(SIGNING, publicKey, bytes as BufferSource, data as BufferSource);
  } catch {
    return false;
  }
}

/**
 * A readable fingerprint of a public key that an organisation can publish and compare: 128 bits of
 * its SHA-256 (as long as a second key matching it would take 2^128 tries to find), as eight groups
 * of four characters to read aloud.
 */
export async function fingerprint(publicKey: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(publicKey)));
  const hex = [...digest.slice(0, 16)].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join('');
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}

/** A short id derived from a key, for telling stored records apart (never shown as proof of identity). */
export async function keyId(publicKey: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(publicKey)));
  const hex = [...digest.slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join('');
  return hex.match(/.{4}/g)?.join('-') ?? hex;
}
