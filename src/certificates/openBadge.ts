// A countersigned certificate as an Open Badges 3.0 credential (issue 21): an OpenBadgeCredential on
// the W3C Verifiable Credentials Data Model 2.0, naming the lessons done and the outcomes they
// teach, issued by the trainer's Ed25519 did:key with an eddsa-rdfc-2022 Data Integrity proof, and
// carrying the organisation's EndorsementCredential of that did:key (ecdsa-rdfc-2019, signed by
// `npm run org -- endorse`). Every JSON-LD context is bundled (openBadgeShared.mjs): signing and
// checking fetch nothing. The Heard certificate code rides along as the credential's evidence, so a
// badge is held to everything a Heard code is (content, dates, the trainer's endorsement) and each of
// its own fields must agree with that code. Self-declared certificates are never issued as badges.
// Loaded only by dynamic import when a badge is made or checked: the libraries are large.
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import type { CourseModule } from '../engine/content';
import { readTrustCode, endorsementSchema } from '../organisation/trustCodes';
import type { TrustAnchor } from '../organisation/trust';
import type { CertificatePayload } from './certificateCode';
import { checkCertificate, type CheckedCertificate } from './certificateTrust';
import { p256DidKey } from './didKey';
import {
  OB_V3_CONTEXT,
  VC_V2_CONTEXT,
  documentLoader,
  endorsementCredentialId,
  isDidKey,
  proofAsList,
} from './openBadgeShared.mjs';

export { documentLoader, OB_V3_CONTEXT, VC_V2_CONTEXT };

/** Longest credential file accepted, checked before it is parsed. */
export const MAX_BADGE_LENGTH = 60_000;

/** The words a badge needs, worked out by the caller from the course content. */
export interface BadgeWords {
  name: string;
  description: string;
  /** What the learner did: the lessons and the outcomes they teach. */
  criteria: string;
  /** Names the evidence: the Heard certificate code. */
  evidenceName: string;
}

/** Signs with a WebCrypto Ed25519 private key that never leaves the browser. */
export interface BadgeSigner {
  did: string;
  privateKey: CryptoKey;
}

/** Modules and lessons as one id, e.g. `urn:heard:achievement:adultification/seeing-the-child+…`. */
export function achievementId(payload: CertificatePayload): string {
  return `urn:heard:achievement:${payload.modules
    .map((entry) => (entry.lessons ? `${entry.id}/${entry.lessons.join('+')}` : entry.id))
    .join(';')}`;
}

const toHex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** OB3's hashed identifier: sha256 of the address (trimmed, lower case) and a fresh salt. */
export async function hashedEmail(
  email: string,
  salt = toHex(crypto.getRandomValues(new Uint8Array(16)).buffer),
): Promise<Record<string, unknown>> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(email.trim().toLowerCase() + salt));
  return {
    type: 'IdentityObject',
    identityHash: `sha256$${toHex(digest)}`,
    identityType: 'emailAddress',
    hashed: true,
    salt,
  };
}

/** The Heard code a badge carries as evidence: a /verify link, or a URN where the build has no address. */
export function evidenceId(code: string, verifyBase: string | null): string {
  return verifyBase ? `${verifyBase}/verify#${code}` : `urn:heard:certificate-code:${code}`;
}

function codeFromEvidence(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  if (id.startsWith('urn:heard:certificate-code:')) return id.slice('urn:heard:certificate-code:'.length);
  const hash = id.indexOf('/verify#');
  return hash >= 0 ? id.slice(hash + '/verify#'.length) : null;
}

/** The unsigned credential for a countersigned certificate. */
export function openBadgeCredential(input: {
  payload: CertificatePayload;
  code: string;
  words: BadgeWords;
  issuer: { did: string; name: string };
  /** The organisation's signed EndorsementCredential of the issuer's did:key. */
  endorsement: Record<string, unknown>;
  verifyBase: string | null;
  /** Only when the learner gave an email address for their wallet. */
  identifier?: Record<string, unknown>;
}): Record<string, unknown> {
  const { payload, words } = input;
  if (!payload.countersign) throw new Error('Self-declared certificates are never issued as Open Badges');
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: `urn:heard:certificate:${payload.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: words.name,
    issuer: { id: input.issuer.did, type: ['Profile'], name: input.issuer.name },
    validFrom: `${payload.issuedAt}T00:00:00Z`,
    validUntil: `${payload.refreshBy}T00:00:00Z`,
    credentialSubject: {
      // The learner's device key, as on the Heard certificate.
      id: p256DidKey(payload.key),
      type: ['AchievementSubject'],
      ...(input.identifier ? { identifier: [input.identifier] } : {}),
      achievement: {
        id: achievementId(payload),
        type: ['Achievement'],
        achievementType: 'Course',
        name: words.name,
        description: words.description,
        criteria: { narrative: words.criteria },
      },
    },
    evidence: [{ id: evidenceId(input.code, input.verifyBase), type: ['Evidence'], name: words.evidenceName }],
    endorsement: [input.endorsement],
  };
}

export async function signOpenBadge(
  credential: Record<string, unknown>,
  signer: BadgeSigner,
): Promise<Record<string, unknown>> {
  const multibase = signer.did.slice('did:key:'.length);
  const suite = new DataIntegrityProof({
    signer: {
      id: `${signer.did}#${multibase}`,
      algorithm: 'Ed25519',
      sign: async ({ data }: { data: Uint8Array }) =>
        new Uint8Array(await crypto.subtle.sign('Ed25519', signer.privateKey, data as BufferSource)),
    },
    cryptosuite: eddsaRdfc2022,
  });
  return proofAsList(await vc.issue({ credential, suite, documentLoader }));
}

const suites = () => [
  new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
  new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 }),
];

/** Checks a credential's proof against its issuer's did:key, offline. */
export async function verifyProof(credential: unknown): Promise<{ verified: boolean; error?: unknown }> {
  try {
    const result = await vc.verifyCredential({ credential, suite: suites(), documentLoader });
    return { verified: Boolean(result.verified), error: result.error };
  } catch (error) {
    return { verified: false, error };
  }
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const idOf = (value: unknown) => (isObject(value) ? value.id : value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * Is the organisation's EndorsementCredential for this trainer did:key, for the endorsement the
 * Heard code carries, and signed by this deployment's organisation key?
 */
export async function endorsementVouches(
  endorsement: unknown,
  expected: { trainerDid: string; endorsementId: string; anchor: TrustAnchor },
): Promise<boolean> {
  if (!isObject(endorsement) || !list(endorsement.type).includes('EndorsementCredential')) return false;
  if (endorsement.id !== endorsementCredentialId(expected.endorsementId)) return false;
  if (idOf(endorsement.issuer) !== p256DidKey(expected.anchor.publicKey)) return false;
  if (!isObject(endorsement.credentialSubject) || endorsement.credentialSubject.id !== expected.trainerDid)
    return false;
  return (await verifyProof(endorsement)).verified;
}

export type BadgeProblem = 'unreadable' | 'not-badge' | 'too-long' | 'badge-proof' | 'badge-mismatch';

export type CheckedBadge = (CheckedCertificate & { ok: true; issuerDid: string }) | { ok: false; problem: string };

/**
 * What an Open Badges credential is worth on this deployment, in the same four answers as a Heard
 * code: its proof must hold for its issuer's did:key; the Heard code inside it is checked as any
 * code is; every field the badge states must agree with that code; and the issuer's did:key counts
 * as the endorsed trainer only through an EndorsementCredential signed by this deployment's
 * organisation key for the same endorsement. Never throws.
 */
export async function checkOpenBadge(
  input: string,
  context: { modules: CourseModule[]; anchor: TrustAnchor | null; today: string; verifyBase: string | null },
): Promise<CheckedBadge> {
  if (input.length > MAX_BADGE_LENGTH) return { ok: false, problem: 'too-long' };
  let credential: unknown;
  try {
    credential = JSON.parse(input);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  if (!isObject(credential) || !list(credential.type).includes('OpenBadgeCredential')) {
    return { ok: false, problem: 'not-badge' };
  }
  const issuerDid = idOf(credential.issuer);
  if (typeof issuerDid !== 'string' || !isDidKey(issuerDid)) return { ok: false, problem: 'not-badge' };
  if (!(await verifyProof(credential)).verified) return { ok: false, problem: 'badge-proof' };
  const evidence = list(credential.evidence).map((item) => codeFromEvidence(idOf(item)));
  const code = evidence.find((found): found is string => found !== null);
  if (!code) return { ok: false, problem: 'not-badge' };
  const checked = await checkCertificate(code, context);
  if (!checked.ok) return checked;
  const { payload } = checked;
  const subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
  const agrees =
    payload.countersign !== undefined &&
    credential.id === `urn:heard:certificate:${payload.id}` &&
    credential.validFrom === `${payload.issuedAt}T00:00:00Z` &&
    credential.validUntil === `${payload.refreshBy}T00:00:00Z` &&
    subject.id === p256DidKey(payload.key) &&
    isObject(subject.achievement) &&
    subject.achievement.id === achievementId(payload);
  if (!agrees) return { ok: false, problem: 'badge-mismatch' };
  let { standing } = checked;
  if (standing.kind === 'endorsed' || standing.kind === 'not-endorsed') {
    // The Heard code was countersigned by an endorsed trainer key; the badge's did:key must be
    // vouched for by the same organisation, for the same endorsement, or it is a key this site does not know.
    const read = readTrustCode(payload.countersign?.endorsement, endorsementSchema);
    const anchor = context.anchor as TrustAnchor;
    const vouched =
      read.ok &&
      (
        await Promise.all(
          list(credential.endorsement).map((item) =>
            endorsementVouches(item, { trainerDid: issuerDid, endorsementId: read.payload.id, anchor }),
          ),
        )
      ).some(Boolean);
    if (!vouched) standing = { kind: 'unknown-key' };
  }
  return { ...checked, standing, issuerDid };
}
