// @vitest-environment node
// Plain Node, as an independent verifier runs: the credential libraries check typed arrays against
// Node's own, which jsdom replaces.
import * as dccVc from '@digitalcredentials/vc';
import { DataIntegrityProof as DccDataIntegrityProof } from '@digitalcredentials/data-integrity';
import { cryptosuite as dccEddsaRdfc2022 } from '@digitalcredentials/eddsa-rdfc-2022-cryptosuite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificatePayload } from '../../src/certificates/certificateCode';
import {
  documentLoader,
  generateBadgeKeys,
  openBadgeCredential,
  signOpenBadge,
  verifyOpenBadge,
  type BadgeKeys,
} from '../../src/certificates/openBadge';

const payload: CertificatePayload = {
  v: 1,
  id: 'ABCD-EFGH-JKLM',
  name: 'Sam Learner',
  role: null,
  organisation: '',
  modules: [{ id: 'adultification', lessons: ['seeing-the-child'], correct: 9, total: 10, completedAt: '2026-11-24' }],
  cpdMinutes: 20,
  issuedAt: '2026-11-25',
  refreshBy: '2029-11-25',
  language: 'en',
  key: 'BLearnerKey',
  countersign: { name: 'Sam Okafor', key: 'BTrainerKey' },
};
const achievement = {
  id: 'urn:heard:achievement:adultification:seeing-the-child',
  name: 'Adultification: seeing the child',
  description: 'One lesson of the Heard safeguarding module on adultification.',
  criteria: 'Completed the lesson “Seeing the child”, making every decision on the path taken.',
};

let keys: BadgeKeys;
beforeAll(async () => {
  keys = await generateBadgeKeys();
});

describe('Open Badges 3.0 credentials', () => {
  it('signs an OpenBadgeCredential with eddsa-rdfc-2022 that verifies with bundled contexts only', async () => {
    const signed = await signOpenBadge(
      openBadgeCredential(payload, achievement, { did: keys.did, name: 'Sam Okafor' }),
      keys,
    );
    expect(signed).toMatchObject({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: keys.did },
      validUntil: '2029-11-25T00:00:00Z',
      credentialSubject: { achievement: { achievementType: 'Course' } },
      proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' },
    });
    expect(await verifyOpenBadge(signed)).toMatchObject({ verified: true });
  });

  it('verifies with an independent implementation (the Digital Credentials Consortium’s), offline', async () => {
    const signed = await signOpenBadge(
      openBadgeCredential(payload, achievement, { did: keys.did, name: 'Sam Okafor' }),
      keys,
    );
    const check = (credential: unknown) =>
      dccVc.verifyCredential({
        credential,
        suite: new DccDataIntegrityProof({ cryptosuite: dccEddsaRdfc2022 }),
        documentLoader,
      });
    expect((await check(signed)).verified).toBe(true);
    expect((await check({ ...signed, name: 'Something else' })).verified).toBe(false);
  });

  it('fails when a field is changed after signing', async () => {
    const signed = await signOpenBadge(
      openBadgeCredential(payload, achievement, { did: keys.did, name: 'Sam Okafor' }),
      keys,
    );
    const changed = structuredClone(signed) as { credentialSubject: { achievement: { name: string } } };
    changed.credentialSubject.achievement.name = 'Level 3 DSL (accredited)';
    expect((await verifyOpenBadge(changed)).verified).toBe(false);
    expect((await verifyOpenBadge({ ...signed, validUntil: '2099-01-01T00:00:00Z' })).verified).toBe(false);
  });

  it('is never issued for a self-declared certificate, and loads nothing from the network', async () => {
    const { countersign: _countersign, ...selfDeclared } = payload;
    expect(() => openBadgeCredential(selfDeclared, achievement, { did: keys.did, name: 'x' })).toThrow(/never issued/);
    await expect(documentLoader('https://example.org/context.json')).rejects.toThrow(/no documents from the network/);
  });
});
