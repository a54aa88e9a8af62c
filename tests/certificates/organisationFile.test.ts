// The organisation file's local parts (issue 18): contacts, procedures, services, logo, language,
// nation, refresh period and LRS. A malformed field fails with its path named.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOrganisation } from '../../src/organisation/organisationSchema';
import {
  MAX_LOGO_BYTES,
  organisationPlugin,
  readLogo,
  readOrganisationFile,
} from '../../src/organisation/organisationPlugin';

const EXAMPLE = resolve(__dirname, '../../deploy/organisation.example.json');
const example = JSON.parse(readFileSync(EXAMPLE, 'utf8'));

const refusal = (change: object) => {
  const result = checkOrganisation({ ...example, ...change });
  return result.ok ? '' : result.message;
};

describe('the organisation file’s local parts', () => {
  it('reads the example council’s contacts, procedures, services and settings', () => {
    const organisation = readOrganisationFile(EXAMPLE);
    expect(organisation.contacts?.frontDoor.phone).toBe('01632 960123');
    expect(organisation.contacts?.safeguardingLead.role).toBe('Designated Safeguarding Lead');
    expect(organisation.procedures?.[0].url).toMatch(/^https:\/\/.*example\.org\//);
    expect(organisation.supportServices).toHaveLength(2);
    expect(organisation).toMatchObject({ defaultLanguage: 'en', defaultNation: 'england', refreshYears: 2 });
  });

  it('gives the police 101 and 999 when the file names no others', () => {
    const { police: _police, ...contacts } = example.contacts;
    const result = checkOrganisation({ ...example, contacts });
    expect(result.ok && result.organisation.contacts?.police).toEqual({ nonEmergency: '101', emergency: '999' });
  });

  it('names the bad field', () => {
    const contacts = example.contacts;
    expect(refusal({ contacts: { ...contacts, frontDoor: { ...contacts.frontDoor, phone: 'ring us' } } })).toMatch(
      /^contacts\.frontDoor\.phone: /,
    );
    expect(refusal({ contacts: { ...contacts, frontDoor: { name: 'MASH' } } })).toMatch(
      /^contacts\.frontDoor: give a phone number/,
    );
    expect(refusal({ contacts: { ...contacts, safeguardingLead: { howToReach: 'Ask' } } })).toMatch(
      /^contacts\.safeguardingLead\.role: /,
    );
    expect(refusal({ procedures: [{ title: 'Ours', url: 'http://procedures.example.org/' }] })).toMatch(
      /^procedures\[0\]\.url: /,
    );
    expect(
      refusal({ supportServices: [{ name: 'A service', description: 'Help', phone: '01632 960000', extra: 1 }] }),
    ).toMatch(/^supportServices\[0\]: /);
    expect(refusal({ defaultLanguage: 'fr' })).toMatch(/^defaultLanguage: en or cy/);
    expect(refusal({ defaultNation: 'scotland' })).toMatch(/^defaultNation: england or wales/);
    expect(refusal({ refreshYears: 2.5 })).toMatch(/^refreshYears: /);
    expect(refusal({ logo: 'https://example.org/logo.png' })).toMatch(/^logo: /);
    expect(refusal({ logo: 'logo.gif' })).toMatch(/^logo: /);
    expect(refusal({ lrs: { endpoint: 'https://user:secret@lrs.example.org/' } })).toMatch(/^lrs\.endpoint: /);
    expect(refusal({ lrs: { endpoint: 'https://lrs.example.org/', key: 'secret' } })).toMatch(/^lrs: /);
  });

  it('embeds the logo from beside the file, refusing one too large or not an image', () => {
    const organisation = readOrganisationFile(EXAMPLE);
    expect(readLogo(EXAMPLE, organisation)).toMatch(/^data:image\/svg\+xml;base64,/);
    const folder = mkdtempSync(join(tmpdir(), 'heard-logo-'));
    const file = join(folder, 'organisation.json');
    writeFileSync(join(folder, 'big.png'), Buffer.alloc(MAX_LOGO_BYTES + 1));
    writeFileSync(join(folder, 'fake.png'), 'not a png');
    writeFileSync(join(folder, 'fake.svg'), 'not an svg');
    expect(() => readLogo(file, { ...organisation, logo: 'big.png' })).toThrow(/logo: larger than/);
    expect(() => readLogo(file, { ...organisation, logo: 'fake.png' })).toThrow(/logo: not a PNG/);
    expect(() => readLogo(file, { ...organisation, logo: 'fake.svg' })).toThrow(/logo: not an SVG/);
    expect(() => readLogo(file, { ...organisation, logo: 'missing.svg' })).toThrow(
      /logo: the file .* could not be read/,
    );
  });

  it('hands the logo to the app, and nothing without a file', () => {
    const load = (plugin: ReturnType<typeof organisationPlugin>) =>
      (plugin.load as (id: string) => string | undefined)('\0virtual:heard-organisation');
    expect(load(organisationPlugin(EXAMPLE))).toMatch(/export const logo = "data:image\/svg\+xml;base64,/);
    expect(load(organisationPlugin(''))).toMatch(/export const organisation = null;\nexport const logo = null;/);
  });
});
