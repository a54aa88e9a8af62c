import { mkdtempSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOrganisation } from '../../src/organisation/organisationSchema';
import {
  checkTrustSignatures,
  organisationPlugin,
  readOrganisationFile,
} from '../../src/organisation/organisationPlugin';
import { trainerStanding, trustAnchor } from '../../src/organisation/trust';
import {
  decodeEndorsement,
  decodeWithdrawal,
  endorsementSchema,
  readTrustCode,
  withdrawalSchema,
} from '../../src/organisation/trustCodes';
import { run } from '../../scripts/org.mjs';
import {
  ANYTOWN,
  anytownKeys,
  endorsementFor,
  fixtureTrainerKeys,
  otherfordKeys,
  signEndorsement,
  signWithdrawal,
  type FixtureKeys,
} from '../fixtures/trust';

const EXAMPLE = resolve(__dirname, '../../deploy/organisation.example.json');
let anytown: FixtureKeys;
let otherford: FixtureKeys;
let trainer: FixtureKeys;

beforeAll(async () => {
  [anytown, otherford, trainer] = await Promise.all([anytownKeys(), otherfordKeys(), fixtureTrainerKeys()]);
});

const quiet = { log: () => {}, warn: () => {}, today: '2026-06-01' };

describe('the organisation file', () => {
  it('accepts the example council, whose endorsements are signed by its own key', async () => {
    const organisation = readOrganisationFile(EXAMPLE);
    expect(organisation.name).toBe(ANYTOWN);
    expect(organisation.trust?.publicKey).toBe(anytown.publicKey);
    await expect(checkTrustSignatures(EXAMPLE, organisation)).resolves.toBeUndefined();
  });

  it('names the bad field', () => {
    const example = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    const refusal = (change: object) => {
      const result = checkOrganisation({ ...example, ...change });
      return result.ok ? '' : result.message;
    };
    expect(refusal({ canonicalUrl: 'ftp://heard.example' })).toMatch(/^canonicalUrl: /);
    expect(refusal({ name: '' })).toMatch(/^name: /);
    expect(refusal({ trust: { ...example.trust, publicKey: 'short' } })).toMatch(/^trust\.publicKey: /);
    expect(refusal({ trust: { ...example.trust, endorsements: ['not a code'] } })).toMatch(
      /^trust\.endorsements\[0\]: /,
    );
    expect(refusal({ quickExit: 'https://www.bbc.co.uk' })).toMatch(/quickExit/);
    const { shortName: _shortName, ...missing } = example;
    expect(checkOrganisation(missing)).toMatchObject({ ok: false, message: expect.stringMatching(/^shortName: /) });
  });

  it('never throws on any parsed file, and names a field whenever it refuses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ name: fc.string(), canonicalUrl: fc.webUrl() })), (input) => {
        const result = checkOrganisation(input);
        if (!result.ok) expect(result.message).toMatch(/^[\w.[\]()]+[\w)\]]?: |^\(the file\): /m);
      }),
      { numRuns: 300 },
    );
  });

  it('fails the build on an endorsement another organisation signed', async () => {
    const example = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    const foreign = await signEndorsement(endorsementFor(trainer.publicKey), otherford);
    const file = join(mkdtempSync(join(tmpdir(), 'heard-org-')), 'organisation.json');
    writeFileSync(file, JSON.stringify({ ...example, trust: { ...example.trust, endorsements: [foreign] } }));
    await expect(checkTrustSignatures(file, readOrganisationFile(file))).rejects.toThrow(
      /trust\.endorsements\[0\]: not signed by trust\.publicKey/,
    );
  });

  it('stops the build with the field named', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'heard-org-')), 'organisation.json');
    writeFileSync(file, JSON.stringify({ name: 'Anytown', shortName: 'Anytown', canonicalUrl: 'not an address' }));
    expect(() => organisationPlugin(file)).toThrow(/organisation\.json was refused:\ncanonicalUrl: /);
    writeFileSync(file, '{ "name": ');
    expect(() => organisationPlugin(file)).toThrow(/not valid JSON/);
    // No file: the national course.
    expect(organisationPlugin(undefined).name).toBe('heard-organisation');
  });
});

describe('npm run org', () => {
  it('init writes a private key file that only its owner can read, and puts only the public key in the file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'heard-org-'));
    const organisationFile = join(folder, 'organisation.json');
    writeFileSync(
      organisationFile,
      JSON.stringify({ name: 'Testby', shortName: 'Testby', canonicalUrl: 'https://t.example' }),
    );
    const warnings: string[] = [];
    const { publicKey, keyFile } = (await run(
      ['init', '--name', 'Testby', '--key-out', join(folder, 'key.json'), '--organisation', organisationFile],
      { ...quiet, warn: (line: string) => warnings.push(line) },
    )) as { publicKey: string; keyFile: string };
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    expect(warnings.join('\n')).toMatch(/PRIVATE signing key[\s\S]*Never ship it/);
    const organisation = readOrganisationFile(organisationFile);
    expect(organisation.trust?.publicKey).toBe(publicKey);
    expect(readFileSync(organisationFile, 'utf8')).not.toMatch(/"d"|privateKey/);
    await expect(run(['init', '--name', 'Testby', '--key-out', keyFile], quiet)).rejects.toThrow(/not overwritten/);

    const { code, id } = (await run(
      [
        'endorse',
        '--key',
        keyFile,
        '--name',
        'Jo Trainer',
        '--role',
        'Safeguarding lead',
        '--trainer-key',
        trainer.publicKey,
        '--from',
        '2026-01-01',
        '--until',
        '2026-12-31',
        '--organisation',
        organisationFile,
      ],
      quiet,
    )) as { code: string; id: string };
    const endorsed = await decodeEndorsement(code, publicKey);
    expect(endorsed).toMatchObject({ ok: true, payload: { id, name: 'Jo Trainer', key: trainer.publicKey } });
    const withdrawn = (await run(
      ['withdraw', '--key', keyFile, '--endorsement', code, '--from', '2026-06-01', '--organisation', organisationFile],
      quiet,
    )) as { code: string };
    expect(await decodeWithdrawal(withdrawn.code, publicKey)).toMatchObject({
      ok: true,
      payload: { endorsement: id, from: '2026-06-01' },
    });
    const updated = readOrganisationFile(organisationFile);
    expect(updated.trust).toMatchObject({ endorsements: [code], withdrawals: [withdrawn.code] });
    await expect(checkTrustSignatures(organisationFile, updated)).resolves.toBeUndefined();
  });

  it('refuses bad dates and keys in plain words', async () => {
    const base = [
      'endorse',
      '--key',
      anytown.file,
      '--name',
      'Jo',
      '--role',
      'Lead',
      '--trainer-key',
      trainer.publicKey,
    ];
    await expect(run([...base, '--until', '2026-02-30'], quiet)).rejects.toThrow(/--until must be a date/);
    await expect(run([...base, '--from', '2026-05-01', '--until', '2026-04-01'], quiet)).rejects.toThrow(
      /before --from/,
    );
    await expect(
      run(
        [
          'endorse',
          '--key',
          anytown.file,
          '--name',
          'Jo',
          '--role',
          'Lead',
          '--trainer-key',
          'abc',
          '--until',
          '2027-01-01',
        ],
        quiet,
      ),
    ).rejects.toThrow(/trainer area/);
    await expect(run(['endorse', '--key', EXAMPLE, '--name', 'Jo'], quiet)).rejects.toThrow(
      /not an organisation signing key/,
    );
  });
});

describe('trainer standing', () => {
  it('is endorsed only for the deployment’s own key, the right trainer key, within the dates and before a withdrawal', async () => {
    const code = await signEndorsement(endorsementFor(trainer.publicKey), anytown);
    const anchor = await trustAnchor(ANYTOWN, { publicKey: anytown.publicKey, withdrawals: [] });
    expect(await trainerStanding(anchor, code, trainer.publicKey, '2026-06-01')).toMatchObject({
      standing: 'endorsed',
    });
    // The same endorsement on another organisation's deployment, or with no organisation at all.
    const other = await trustAnchor('Otherford', { publicKey: otherford.publicKey, withdrawals: [] });
    expect(await trainerStanding(other, code, trainer.publicKey, '2026-06-01')).toEqual({ standing: 'unknown-key' });
    expect(await trainerStanding(null, code, trainer.publicKey, '2026-06-01')).toEqual({ standing: 'unknown-key' });
    // Someone else's key carrying this trainer's endorsement.
    expect(await trainerStanding(anchor, code, otherford.publicKey, '2026-06-01')).toEqual({ standing: 'unknown-key' });
    expect(await trainerStanding(anchor, code, trainer.publicKey, '2028-01-01')).toMatchObject({
      standing: 'not-endorsed',
      reason: 'outside-dates',
    });
    const withdrawal = await signWithdrawal('ENDORSEMENT-0000000001', '2026-09-01', anytown);
    const forged = await signWithdrawal('ENDORSEMENT-0000000001', '2026-01-01', otherford);
    const withdrawn = await trustAnchor(ANYTOWN, { publicKey: anytown.publicKey, withdrawals: [withdrawal, forged] });
    expect(await trainerStanding(withdrawn, code, trainer.publicKey, '2026-09-01')).toMatchObject({
      standing: 'not-endorsed',
      reason: 'withdrawn',
      date: '2026-09-01',
    });
    expect(await trainerStanding(withdrawn, code, trainer.publicKey, '2026-08-31')).toMatchObject({
      standing: 'endorsed',
      withdrawnFrom: '2026-09-01',
    });
  });

  it('reads endorsement and withdrawal codes without ever throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.base64String(), fc.anything()), async (input) => {
        expect(readTrustCode(input, endorsementSchema).ok).toBe(false);
        expect(readTrustCode(input, withdrawalSchema).ok).toBe(false);
        expect((await decodeEndorsement(input, anytown.publicKey)).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
    const code = await signEndorsement(endorsementFor(trainer.publicKey), anytown);
    await fc.assert(
      fc.asyncProperty(fc.nat(code.length - 1), fc.string({ minLength: 1, maxLength: 1 }), async (at, character) => {
        const changed = code.slice(0, at) + character + code.slice(at + 1);
        fc.pre(changed !== code);
        expect((await decodeEndorsement(changed, anytown.publicKey)).ok).toBe(false);
      }),
      { numRuns: 150 },
    );
    expect(await decodeEndorsement('x'.repeat(5000), anytown.publicKey)).toEqual({ ok: false, problem: 'too-long' });
    const wrongKind = await signWithdrawal('ENDORSEMENT-0000000001', '2026-01-01', anytown);
    expect(await decodeEndorsement(wrongKind, anytown.publicKey)).toEqual({ ok: false, problem: 'invalid' });
  });
});
