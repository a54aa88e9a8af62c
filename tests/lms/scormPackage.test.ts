import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnvironment, packageScorm } from '../../scripts/package-scorm.mjs';

const folder = mkdtempSync(join(tmpdir(), 'heard-scorm-'));
const build = join(folder, 'build');
mkdirSync(join(build, 'assets'), { recursive: true });
writeFileSync(join(build, 'index.html'), '<!doctype html><title>Heard</title>');
writeFileSync(join(build, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(build, 'assets', 'font & more.woff2'), 'x');
const [scorm12Zip, scorm2004Zip, cmi5Zip] = packageScorm(['--skip-build'], {
  buildDir: build,
  packageDir: join(folder, 'out'),
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function open(zipPath: string) {
  const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const manifest = new DOMParser().parseFromString(strFromU8(files['imsmanifest.xml']!), 'application/xml');
  return { files, manifest };
}

describe.each([
  ['SCORM 1.2', scorm12Zip!, 'http://www.imsproject.org/xsd/imscp_rootv1p1p2', '1.2', 'scormtype'],
  ['SCORM 2004 4th Edition', scorm2004Zip!, 'http://www.imsglobal.org/xsd/imscp_v1p1', '2004 4th Edition', 'scormType'],
])('the %s package', (_, zipPath, namespace, schemaVersion, scormTypeAttribute) => {
  const { files, manifest } = open(zipPath);

  it('has a well-formed manifest in the right namespace with the right schema version', () => {
    expect(manifest.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(manifest.documentElement.namespaceURI).toBe(namespace);
    expect(manifest.getElementsByTagName('schema')[0]?.textContent).toBe('ADL SCORM');
    expect(manifest.getElementsByTagName('schemaversion')[0]?.textContent).toBe(schemaVersion);
  });

  it('launches the whole course as one SCO whose organisation points at it', () => {
    const resources = [...manifest.getElementsByTagName('resource')];
    expect(resources).toHaveLength(1);
    const [resource] = resources;
    expect(resource?.getAttribute('href')).toBe('index.html');
    expect(
      resource?.getAttributeNS('*', scormTypeAttribute) ?? resource?.getAttribute(`adlcp:${scormTypeAttribute}`),
    ).toBe('sco');
    const organizations = manifest.getElementsByTagName('organizations')[0];
    const organization = manifest.getElementsByTagName('organization')[0];
    expect(organizations?.getAttribute('default')).toBe(organization?.getAttribute('identifier'));
    const item = manifest.getElementsByTagName('item')[0];
    expect(item?.getAttribute('identifierref')).toBe(resource?.getAttribute('identifier'));
  });

  it('lists every file in the zip, and every listed file is in the zip', () => {
    const listed = [...manifest.getElementsByTagName('file')].map((file) => file.getAttribute('href'));
    const packed = Object.keys(files).filter((name) => name !== 'imsmanifest.xml');
    expect(listed.sort()).toEqual(packed.sort());
    expect(packed).toContain('assets/font & more.woff2');
  });
});

describe('the cmi5 package', () => {
  const files = unzipSync(new Uint8Array(readFileSync(cmi5Zip!)));
  const structure = new DOMParser().parseFromString(strFromU8(files['cmi5.xml']!), 'application/xml');

  it('has a course structure with one assignable unit that launches the course from the zip', () => {
    expect(structure.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(structure.documentElement.namespaceURI).toBe('https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd');
    const units = [...structure.getElementsByTagName('au')];
    expect(units).toHaveLength(1);
    expect(units[0]?.getAttribute('moveOn')).toBe('Completed');
    const url = units[0]?.getElementsByTagName('url')[0]?.textContent ?? '';
    expect(Object.keys(files)).toContain(url);
  });
});

describe('what the LMS build is given', () => {
  it('refuses a credential, since every learner can read what is inside a package', () => {
    expect(() => buildEnvironment(['--lrs', 'https://lrs.example/xapi/', '--lrs-auth', 'Basic abc'])).toThrow(/cmi5/);
    expect(JSON.stringify(buildEnvironment(['--lrs', 'https://relay.example/xapi/']))).not.toMatch(/Basic|AUTH/);
  });

  it('takes the organisation’s pseudonym key from a file, and only a long one', () => {
    const keyFile = join(folder, 'pseudonym.key');
    writeFileSync(keyFile, `${'k'.repeat(40)}\n`);
    expect(buildEnvironment(['--pseudonym-key-file', keyFile]).VITE_HEARD_XAPI_PSEUDONYM_KEY).toBe('k'.repeat(40));
    writeFileSync(keyFile, 'short');
    expect(() => buildEnvironment(['--pseudonym-key-file', keyFile])).toThrow(/at least 32/);
    expect(() => buildEnvironment(['--pseudonym-key-file', join(folder, 'missing')])).toThrow(/does not exist/);
    expect(buildEnvironment([]).VITE_HEARD_XAPI_PSEUDONYM_KEY).toBe('');
  });
});
