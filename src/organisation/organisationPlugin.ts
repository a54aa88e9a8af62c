// Vite plugin: reads the organisation file named by HEARD_ORGANISATION at build time, refuses it
// with the bad field named, checks every endorsement and withdrawal in it was signed by its key,
// and hands the checked file to the app as `virtual:heard-organisation`. No file: the national
// course, exactly as before (the module exports null).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { checkOrganisation, type Organisation } from './organisationSchema';
import { decodeEndorsement, decodeWithdrawal } from './trustCodes';

const MODULE_ID = 'virtual:heard-organisation';
const RESOLVED_ID = `\0${MODULE_ID}`;

export class OrganisationFileError extends Error {
  constructor(file: string, message: string) {
    super(`The organisation file ${file} was refused:\n${message}`);
    this.name = 'OrganisationFileError';
  }
}

/** Reads and checks an organisation file; throws an error naming the file and the bad field. */
export function readOrganisationFile(file: string): Organisation {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new OrganisationFileError(file, '(the file): it could not be read');
  }
  if (text.length > 1_000_000) throw new OrganisationFileError(file, '(the file): larger than 1 MB');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new OrganisationFileError(file, `(the file): not valid JSON (${(error as Error).message})`);
  }
  const checked = checkOrganisation(parsed);
  if (!checked.ok) throw new OrganisationFileError(file, checked.message);
  return checked.organisation;
}

/** Every endorsement and withdrawal in the file must be signed by the file's own key. */
export async function checkTrustSignatures(file: string, organisation: Organisation): Promise<void> {
  const trust = organisation.trust;
  if (!trust) return;
  const problems: string[] = [];
  for (const [index, code] of trust.endorsements.entries()) {
    const decoded = await decodeEndorsement(code, trust.publicKey);
    if (!decoded.ok)
      problems.push(
        `trust.endorsements[${index}]: ${decoded.problem === 'signature' ? 'not signed by trust.publicKey' : `not an endorsement (${decoded.problem})`}`,
      );
  }
  for (const [index, code] of trust.withdrawals.entries()) {
    const decoded = await decodeWithdrawal(code, trust.publicKey);
    if (!decoded.ok)
      problems.push(
        `trust.withdrawals[${index}]: ${decoded.problem === 'signature' ? 'not signed by trust.publicKey' : `not a withdrawal (${decoded.problem})`}`,
      );
  }
  if (problems.length > 0) throw new OrganisationFileError(file, problems.join('\n'));
}

/** Largest logo accepted: it is embedded in every page of the build. */
export const MAX_LOGO_BYTES = 100_000;

/**
 * Reads the logo named in the file (relative to the file) and returns it as a data: address, which
 * travels inside the build, works offline and in LMS packages, and is allowed by the CSP's img-src.
 */
export function readLogo(file: string, organisation: Organisation): string | null {
  if (!organisation.logo) return null;
  const path = resolve(dirname(file), organisation.logo);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new OrganisationFileError(file, `logo: the file ${path} could not be read`);
  }
  if (bytes.length > MAX_LOGO_BYTES) {
    throw new OrganisationFileError(file, `logo: larger than ${MAX_LOGO_BYTES / 1000} KB (${bytes.length} bytes)`);
  }
  if (/\.png$/i.test(path)) {
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    if (!signature.every((byte, index) => bytes[index] === byte)) {
      throw new OrganisationFileError(file, 'logo: not a PNG image');
    }
    return `data:image/png;base64,${bytes.toString('base64')}`;
  }
  const text = bytes.toString('utf8');
  if (!/<svg[\s>]/i.test(text)) throw new OrganisationFileError(file, 'logo: not an SVG image');
  return `data:image/svg+xml;base64,${bytes.toString('base64')}`;
}

export function organisationPlugin(file = process.env.HEARD_ORGANISATION): Plugin {
  const path = file ? resolve(file) : undefined;
  const organisation = path ? readOrganisationFile(path) : null;
  const logo = path && organisation ? readLogo(path, organisation) : null;
  return {
    name: 'heard-organisation',
    async buildStart() {
      if (path && organisation) {
        this.addWatchFile(path);
        if (organisation.logo) this.addWatchFile(resolve(dirname(path), organisation.logo));
        await checkTrustSignatures(path, organisation);
      }
    },
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    load: (id) =>
      id === RESOLVED_ID
        ? `export const organisation = ${JSON.stringify(organisation)};\nexport const logo = ${JSON.stringify(logo)};`
        : undefined,
  };
}
