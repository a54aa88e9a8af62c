// Vite plugin: reads the organisation file named by HEARD_ORGANISATION at build time, refuses it
// with the bad field named, checks every endorsement and withdrawal in it was signed by its key,
// and hands the checked file to the app as `virtual:heard-organisation`. No file: the national
// course, exactly as before (the module exports null).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

export function organisationPlugin(file = process.env.HEARD_ORGANISATION): Plugin {
  const path = file ? resolve(file) : undefined;
  const organisation = path ? readOrganisationFile(path) : null;
  return {
    name: 'heard-organisation',
    async buildStart() {
      if (path && organisation) {
        this.addWatchFile(path);
        await checkTrustSignatures(path, organisation);
      }
    },
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? `export const organisation = ${JSON.stringify(organisation)};` : undefined),
  };
}
