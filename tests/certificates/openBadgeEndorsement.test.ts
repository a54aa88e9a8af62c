// @vitest-environment node
// The trainer's side of Open Badges: the Ed25519 did:key made once and kept, and the endorsement
// line from `npm run org -- endorse --trainer-did` imported only when the organisation signed both
// parts, for this device's two keys. Node, as the credential libraries need Node's typed arrays.
import { beforeAll, describe, expect, it } from 'vitest';
import { run, UsageError } from '../../scripts/org.mjs';
import { trustAnchor, type TrustAnchor } from '../../src/organisation/trust';
import { HeardDatabase } from '../../src/storage/database';
import {
  importEndorsement,
  trainerBadgeDid,
  trainerBadgeEndorsement,
  trainerEndorsement,
  trainerPublicKey,
} from '../../src/trainer/trainerKeys';
import { ANYTOWN, anytownKeys, otherfordKeys, type FixtureKeys } from '../fixtures/trust';

const NOW = Date.UTC(2026, 10, 25);
const today = '2026-11-25';
let anytown: FixtureKeys;
let anchor: TrustAnchor;

beforeAll(async () => {
  anytown = await anytownKeys();
  anchor = await trustAnchor(ANYTOWN, { publicKey: anytown.publicKey, withdrawals: [] });
});

const endorse = async (organisation: FixtureKeys, trainerKey: string, trainerDid: string) =>
  (
    (await run(
      [
        'endorse',
        '--key',
        organisation.file,
        '--name',
        'Sam Okafor',
        '--role',
        'Designated safeguarding lead',
        '--trainer-key',
        trainerKey,
        '--trainer-did',
        trainerDid,
        '--from',
        '2026-01-01',
        '--until',
        '2027-12-31',
      ],
      { log: () => {}, warn: () => {}, today },
    )) as { bundle: string }
  ).bundle;

const freshDb = () => new HeardDatabase(`badge-endorsement-${Math.random()}`);

describe('the trainer’s Open Badges key and endorsement', () => {
  it('makes one Ed25519 did:key per device and keeps it', async () => {
    const db = freshDb();
    const did = await trainerBadgeDid(db, NOW);
    expect(did).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
    expect(await trainerBadgeDid(db, NOW + 1000)).toBe(did);
    expect(await trainerBadgeDid(freshDb(), NOW)).not.toBe(did);
  });

  it('imports the endorsement line with its EndorsementCredential for this device’s keys', async () => {
    const db = freshDb();
    const bundle = await endorse(anytown, await trainerPublicKey(db, NOW), await trainerBadgeDid(db, NOW));
    expect(await importEndorsement(db, bundle, anchor, NOW)).toMatchObject({ ok: true });
    expect(await trainerEndorsement(db)).toBe(JSON.parse(bundle).endorsement);
    expect(await trainerBadgeEndorsement(db)).toEqual(JSON.parse(bundle).openBadgeEndorsement);
  });

  it('refuses a line whose Open Badges part is for another did:key, another organisation, or changed', async () => {
    const db = freshDb();
    const key = await trainerPublicKey(db, NOW);
    const otherDid = await trainerBadgeDid(freshDb(), NOW);
    const forOtherDid = await endorse(anytown, key, otherDid);
    expect(await importEndorsement(db, forOtherDid, anchor, NOW)).toEqual({ ok: false, problem: 'badge-endorsement' });

    // The code from Anytown with an EndorsementCredential from Otherford's key.
    const mine = JSON.parse(await endorse(anytown, key, await trainerBadgeDid(db, NOW)));
    const otherford = JSON.parse(await endorse(await otherfordKeys(), key, await trainerBadgeDid(db, NOW)));
    const mixed = JSON.stringify({
      endorsement: mine.endorsement,
      openBadgeEndorsement: otherford.openBadgeEndorsement,
    });
    expect(await importEndorsement(db, mixed, anchor, NOW)).toEqual({ ok: false, problem: 'badge-endorsement' });

    const changed = structuredClone(mine);
    changed.openBadgeEndorsement.credentialSubject.endorsementComment = 'May sign anything.';
    expect(await importEndorsement(db, JSON.stringify(changed), anchor, NOW)).toEqual({
      ok: false,
      problem: 'badge-endorsement',
    });
    // Nothing was kept from any refused line.
    expect(await trainerEndorsement(db)).toBeUndefined();
    expect(await trainerBadgeEndorsement(db)).toBeUndefined();
  });

  it('org endorse refuses a --trainer-did that is not an Ed25519 did:key', async () => {
    await expect(endorse(anytown, anytown.publicKey, 'did:web:example.org')).rejects.toThrow(UsageError);
  });
});
