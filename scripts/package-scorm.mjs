// Builds the LMS copy of Heard (vite build --mode lms) and packages it as a SCORM 1.2 zip, a
// SCORM 2004 4th Edition zip (the whole course as one SCO, so one suspend_data holds the learner's
// place in every lesson) and a cmi5 zip (the whole course as one assignable unit). Usage:
//   npm run package:scorm [-- --lrs https://relay.your.org/xapi/ --activity-id https://...]
//   [--pseudonym-key-file path] [--allow-connect https://lrs.of.your.cmi5.lms] [--out folder] [--skip-build]
// No credential ever goes into a package (every learner can read what is in it): --lrs names the
// organisation's statement relay, which holds the LRS credential; cmi5 uses the LMS's launch token.
// The zips are written to packages/ (not committed).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_DIR = join(ROOT, 'dist-lms');
export const PACKAGE_DIR = join(ROOT, 'packages');
export const COURSE_TITLE = 'Heard: safeguarding training';
const IDENTIFIER = 'heard-course';

const escapeXml = (text) =>
  String(text).replace(
    /[<>&"']/g,
    (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[char]};`,
  );

/** Every file under a folder, as zip paths with forward slashes. */
export function listFiles(folder) {
  const files = [];
  const walk = (current) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(folder, path).split(sep).join('/'));
    }
  };
  walk(folder);
  return files;
}

const fileList = (files) => files.map((file) => `      <file href="${escapeXml(file)}"/>`).join('\n');

/** imsmanifest.xml for SCORM 1.2 (IMS CP 1.1.2 with ADL CP 1.2). */
export function scorm12Manifest(files, { version = '1.0.0', title = COURSE_TITLE } = {}) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${IDENTIFIER}" version="${escapeXml(version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="heard-organisation">
    <organization identifier="heard-organisation">
      <title>${escapeXml(title)}</title>
      <item identifier="heard-item" identifierref="heard-sco" isvisible="true">
        <title>${escapeXml(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="heard-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
${fileList(files)}
    </resource>
  </resources>
</manifest>
`;
}

/** imsmanifest.xml for SCORM 2004 4th Edition. */
export function scorm2004Manifest(files, { version = '1.0.0', title = COURSE_TITLE } = {}) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${IDENTIFIER}" version="${escapeXml(version)}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="heard-organisation">
    <organization identifier="heard-organisation">
      <title>${escapeXml(title)}</title>
      <item identifier="heard-item" identifierref="heard-sco" isvisible="true">
        <title>${escapeXml(title)}</title>
        <imsss:sequencing>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="heard-sco" type="webcontent" adlcp:scormType="sco" href="index.html">
${fileList(files)}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * cmi5.xml: the course structure for a cmi5 LMS. One assignable unit (the whole course), launched
 * in its own window; the LMS counts it done when the course sends "completed".
 */
export function cmi5CourseStructure({ activityId = 'urn:x-heard:course', title = COURSE_TITLE } = {}) {
  const text = (value) => `<langstring lang="en-GB">${escapeXml(value)}</langstring>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${escapeXml(activityId)}/course">
    <title>${text(title)}</title>
    <description>${text('Survivor-centred safeguarding training built from the Casey audit (2025).')}</description>
  </course>
  <au id="${escapeXml(activityId)}" moveOn="Completed" launchMethod="OwnWindow">
    <title>${text(title)}</title>
    <description>${text('The whole course: every module and lesson.')}</description>
    <url>index.html</url>
  </au>
</courseStructure>
`;
}

function option(args, name) {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** The shortest pseudonym key accepted: 32 characters (at least 128 bits from a password manager). */
export const MIN_PSEUDONYM_KEY = 32;

/**
 * What the LMS build is given, from the command line. Refuses a credential: a write key inside a
 * package lets any learner post statements as anyone.
 */
export function buildEnvironment(args = []) {
  if (args.includes('--lrs-auth'))
    throw new Error(
      '--lrs-auth is no longer accepted: a credential inside a package can be read by every learner. ' +
        'Use the cmi5 package (the LMS gives each launch its own token) or point --lrs at a relay that holds the credential.',
    );
  const lrs = option(args, '--lrs');
  const activityId = option(args, '--activity-id');
  const allowConnect = option(args, '--allow-connect');
  const keyFile = option(args, '--pseudonym-key-file');
  if (lrs && !/^https?:\/\//.test(lrs))
    throw new Error('--lrs must be an http(s) address, e.g. https://relay.your.org/xapi/');
  let pseudonymKey = '';
  if (keyFile) {
    if (!existsSync(keyFile)) throw new Error(`--pseudonym-key-file: ${keyFile} does not exist`);
    pseudonymKey = readFileSync(keyFile, 'utf8').trim();
    if (pseudonymKey.length < MIN_PSEUDONYM_KEY)
      throw new Error(`--pseudonym-key-file must hold at least ${MIN_PSEUDONYM_KEY} characters of random text`);
  }
  return {
    VITE_HEARD_XAPI_ENDPOINT: lrs ?? '',
    VITE_HEARD_XAPI_ACTIVITY: activityId ?? '',
    VITE_HEARD_XAPI_PSEUDONYM_KEY: pseudonymKey,
    HEARD_ALLOW_CONNECT: allowConnect ?? '',
  };
}

/** Builds (unless told not to) and writes both zips; returns their paths. */
export function packageScorm(args = [], { buildDir = BUILD_DIR, packageDir: defaultPackageDir = PACKAGE_DIR } = {}) {
  let packageDir = defaultPackageDir;
  const activityId = option(args, '--activity-id');
  const out = option(args, '--out');
  if (out) packageDir = out;
  const environment = buildEnvironment(args);
  if (!args.includes('--skip-build')) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'lms'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...environment },
    });
  }
  const files = listFiles(buildDir);
  if (!files.includes('index.html')) throw new Error('dist-lms/index.html is missing: the LMS build failed');
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const content = Object.fromEntries(files.map((file) => [file, readFileSync(join(buildDir, file))]));
  mkdirSync(packageDir, { recursive: true });
  const written = [];
  for (const [name, manifest] of [
    ['heard-scorm12.zip', scorm12Manifest(files, { version })],
    ['heard-scorm2004.zip', scorm2004Manifest(files, { version })],
  ]) {
    const path = join(packageDir, name);
    writeFileSync(path, zipSync({ 'imsmanifest.xml': strToU8(manifest), ...content }, { level: 6 }));
    written.push(path);
  }
  const cmi5Path = join(packageDir, 'heard-cmi5.zip');
  const structure = cmi5CourseStructure(activityId ? { activityId } : {});
  writeFileSync(cmi5Path, zipSync({ 'cmi5.xml': strToU8(structure), ...content }, { level: 6 }));
  written.push(cmi5Path);
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const path of packageScorm(process.argv.slice(2))) console.log(`Wrote ${relative(ROOT, path)}`);
}
