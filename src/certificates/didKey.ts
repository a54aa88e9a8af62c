// Public keys written as did:key identifiers (W3C did:key, Multikey encoding), the form Open Badges
// 3.0 wallets and verifiers read: base58btc of a multicodec prefix and the key. Light on purpose
// (no credential libraries), so the trainer page can show its key without loading them.
import { encode as base58 } from 'base58-universal';
import { fromBase64Url } from './base64url';

/** Multicodec ed25519-pub (0xed) and p256-pub (0x1200), each as its varint. */
const ED25519_PREFIX = [0xed, 0x01];
const P256_PREFIX = [0x80, 0x24];

const didKey = (prefix: number[], key: Uint8Array) => `did:key:z${base58(new Uint8Array([...prefix, ...key]))}`;

/** An Ed25519 public key (32 raw bytes) as a did:key ("did:key:z6Mk…"). */
export function ed25519DidKey(rawPublicKey: Uint8Array): string {
  if (rawPublicKey.length !== 32) throw new Error('An Ed25519 public key is 32 bytes');
  return didKey(ED25519_PREFIX, rawPublicKey);
}

/** A raw P-256 public key (65 bytes, base64url, as Heard keeps them) as a did:key ("did:key:zDn…"), or null. */
export function p256DidKey(publicKey: string): string | null {
  const raw = fromBase64Url(publicKey);
  if (!raw || raw.length !== 65 || raw[0] !== 0x04) return null;
  // The compressed form: the parity of y, then x.
  const compressed = new Uint8Array([raw[64] % 2 === 0 ? 0x02 : 0x03, ...raw.slice(1, 33)]);
  return didKey(P256_PREFIX, compressed);
}
