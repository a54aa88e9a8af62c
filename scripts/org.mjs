#!/usr/bin/env node
// The organisation's own tool for trust (WebCrypto in Node 20, nothing from the network):
//   npm run org -- init --name "Anytown Borough Council" [--key-out FILE] [--organisation FILE]
//   npm run org -- endorse --key FILE --name NAME --role ROLE --trainer-key KEY [--trainer-did DID] --from DATE --until DATE [--organisation FILE]
//   npm run org -- withdraw --key FILE --endorsement CODE_OR_ID [--from DATE] [--organisation FILE]
// `init` makes the organisation's signing key: the private half goes to a file the safeguarding lead
// keeps (never in the build, never in git); the public half goes in organisation.json. `endorse`
// and `withdraw` print a signed code and, with --organisation, add it to the file's `trust`.
// The codes are base64url(JSON) "." base64url(ECDSA P-256 signature), as src/organisation/trustCodes.ts reads them.
// With --trainer-did (the trainer's Open Badges did:key), `endorse` also signs the same endorsement
// as an Open Badges 3.0 EndorsementCredential with the same key (ecdsa-rdfc-2019), and prints both
// as one line of JSON for the trainer to import instead of the bare code.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  endorsementCredential,
  isDidKey,
  organisationSigner,
  signEndorsementCredential,
} from '../src/certificates/openBadgeShared.mjs';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' };
const KEY_FILE_KIND = 'heard-organisation-signing-key';
const DEFAULT_KEY_FILE = 'organisation-signing-key.json';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const base64url = (bytes) => Buffer.from(bytes).toString('base64url');

export class UsageError extends Error {}

export function parseArguments(argv) {
  const [command, ...rest] = argv;
  const options = {};
  for (let index = 0; index < rest.length; index++) {
    const flag = rest[index];
    if (!flag.startsWith('--')) throw new UsageError(`Unexpected "${flag}": options start with --`);
    const value = rest[index + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    options[flag.slice(2)] = value;
    index++;
  }
  return { command, options };
}

function required(options, name) {
  const value = options[name]?.trim();
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

function date(options, name, fallback) {
  const value = options[name] ?? fallback;
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value ?? '') || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--${name} must be a date written YYYY-MM-DD`);
  }
  return value;
}

export async function fingerprint(publicKey) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(publicKey)));
  return [...digest.slice(0, 16)]
    .map((byte) => byte.toString(16).padStart(2, '0').toUpperCase())
    .join('')
    .match(/.{4}/g)
    .join(' ');
}

async function signCode(privateKey, payload) {
  const body = base64url(new TextEncoder().encode(JSON.stringify(payload)));
  const signature = await crypto.subtle.sign(SIGNING, privateKey, new TextEncoder().encode(body));
  return `${body}.${base64url(new Uint8Array(signature))}`;
}

function readCode(code) {
  const body = code.trim().split('.')[0];
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

async function loadSigningKey(file) {
  let stored;
  try {
    stored = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new UsageError(`Could not read the signing key file ${file}`);
  }
  if (stored.kind !== KEY_FILE_KIND || !stored.privateKey)
    throw new UsageError(`${file} is not an organisation signing key`);
  const privateKey = await crypto.subtle.importKey('jwk', stored.privateKey, ALGORITHM, false, ['sign']);
  return {
    privateKey,
    publicKey: stored.publicKey,
    privateKeyJwk: stored.privateKey,
    organisation: stored.organisation,
  };
}

/** Adds to the organisation file's trust section, keeping everything else as it was. */
function updateOrganisationFile(file, change) {
  const organisation = JSON.parse(readFileSync(file, 'utf8'));
  organisation.trust = change(organisation.trust ?? { endorsements: [], withdrawals: [] });
  writeFileSync(file, `${JSON.stringify(organisation, null, 2)}\n`);
}

export async function run(
  argv,
  { log = console.log, warn = console.error, today = new Date().toISOString().slice(0, 10) } = {},
) {
  const { command, options } = parseArguments(argv);
  if (command === 'init') {
    const name = required(options, 'name');
    const keyFile = options['key-out'] ?? DEFAULT_KEY_FILE;
    if (existsSync(keyFile))
      throw new UsageError(`${keyFile} already exists: it is not overwritten. Choose another --key-out.`);
    const keys = await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
    const publicKey = base64url(new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey)));
    const stored = {
      kind: KEY_FILE_KIND,
      warning:
        'SECRET. Whoever holds this file can endorse trainers in your organisation’s name. Keep it offline with the safeguarding lead; never put it in the build, a repository or an email.',
      organisation: name,
      createdAt: today,
      publicKey,
      privateKey: await crypto.subtle.exportKey('jwk', keys.privateKey),
    };
    writeFileSync(keyFile, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    if (options.organisation) {
      updateOrganisationFile(options.organisation, (trust) => ({
        publicKey,
        endorsements: trust.endorsements ?? [],
        withdrawals: trust.withdrawals ?? [],
      }));
      log(`Wrote the public key into ${options.organisation} (trust.publicKey).`);
    }
    warn(
      [
        '',
        `!! ${keyFile} holds ${name}'s PRIVATE signing key.`,
        '!! Anyone with it can endorse trainers in your name. Keep it offline with your safeguarding lead.',
        '!! Never ship it: not in the build, not in organisation.json, not in a repository or an email.',
        '!! If it is lost or copied, make a new key with init, publish a new build and endorse your trainers again.',
        '',
      ].join('\n'),
    );
    log(`Public key (trust.publicKey in organisation.json):\n${publicKey}`);
    log(`Fingerprint: ${await fingerprint(publicKey)}`);
    return { publicKey, keyFile };
  }
  if (command === 'endorse') {
    const signingKey = await loadSigningKey(required(options, 'key'));
    const { privateKey } = signingKey;
    const trainerKey = required(options, 'trainer-key');
    const trainerDid = options['trainer-did']?.trim();
    if (trainerDid !== undefined && !(isDidKey(trainerDid) && trainerDid.startsWith('did:key:z6Mk')))
      throw new UsageError('--trainer-did must be the Open Badges key shown in the trainer area (did:key:z6Mk…)');
    if (!/^[A-Za-z0-9_-]{87}$/.test(trainerKey))
      throw new UsageError('--trainer-key must be the key shown in the trainer area (87 characters)');
    const from = date(options, 'from', today);
    const until = date(options, 'until');
    if (until < from) throw new UsageError('--until is before --from');
    const payload = {
      v: 1,
      kind: 'endorsement',
      id: base64url(crypto.getRandomValues(new Uint8Array(16))),
      name: required(options, 'name'),
      role: required(options, 'role'),
      key: trainerKey,
      from,
      until,
    };
    if (payload.name.length > 120 || payload.role.length > 120)
      throw new UsageError('--name and --role are at most 120 characters');
    const code = await signCode(privateKey, payload);
    if (options.organisation) {
      updateOrganisationFile(options.organisation, (trust) => ({
        ...trust,
        endorsements: [...(trust.endorsements ?? []), code],
      }));
      log(`Added the endorsement to ${options.organisation} (trust.endorsements).`);
    }
    log(`Endorsement ${payload.id} for ${payload.name}, ${payload.role}, ${from} to ${until}.`);
    log(`Trainer key fingerprint: ${await fingerprint(trainerKey)}`);
    if (!trainerDid) {
      log(`Send this code to the trainer to import in their trainer area:\n${code}`);
      return { code, id: payload.id };
    }
    const organisation = await organisationSigner(signingKey.privateKeyJwk);
    const credential = await signEndorsementCredential(
      endorsementCredential({
        endorsement: payload,
        organisation: { did: organisation.did, name: signingKey.organisation },
        trainerDid,
        comment: `${payload.name}, ${payload.role}, may countersign Heard certificates from ${from} until ${until}.`,
      }),
      organisation.keyPair,
    );
    log(`Organisation did:key: ${organisation.did}`);
    log(`Endorsement code:\n${code}`);
    const bundle = JSON.stringify({ endorsement: code, openBadgeEndorsement: credential });
    log(
      `Send this line (the code and its Open Badges endorsement) to the trainer to import in their trainer area:\n${bundle}`,
    );
    return { code, id: payload.id, bundle };
  }
  if (command === 'withdraw') {
    const { privateKey } = await loadSigningKey(required(options, 'key'));
    const given = required(options, 'endorsement');
    const endorsement = given.includes('.') ? readCode(given)?.id : given;
    if (typeof endorsement !== 'string' || !/^[A-Za-z0-9_-]{16,40}$/.test(endorsement)) {
      throw new UsageError('--endorsement must be the endorsement code or its id');
    }
    const payload = { v: 1, kind: 'withdrawal', endorsement, from: date(options, 'from', today) };
    const code = await signCode(privateKey, payload);
    if (options.organisation) {
      updateOrganisationFile(options.organisation, (trust) => ({
        ...trust,
        withdrawals: [...(trust.withdrawals ?? []), code],
      }));
      log(
        `Added the withdrawal to ${options.organisation} (trust.withdrawals). Rebuild and publish for it to take effect.`,
      );
    }
    log(`Withdrawal of endorsement ${endorsement} from ${payload.from}:\n${code}`);
    return { code };
  }
  throw new UsageError(
    'Usage: npm run org -- init | endorse | withdraw (see the README, "Trust: organisation keys and trainer endorsements")',
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  run(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exitCode = 1;
  });
}
