// The organisation file (organisation.json): who deploys this copy of Heard, where it lives, and the
// key it vouches for its trainers with. The build reads it (HEARD_ORGANISATION=path) and refuses a
// file this schema rejects, naming the field. Without a file the course is the national one.
import { z } from '../engine/zod';

/** A raw P-256 public key, base64url (65 bytes, so 87 characters). */
export const publicKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{87}$/, 'a public key is 87 base64url characters, as `npm run org -- init` prints it');

/** A signed code made by `npm run org -- endorse` or `withdraw`: base64url payload, a dot, a signature. */
export const trustCodeSchema = z
  .string()
  .max(2_000)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/, 'a signed code from `npm run org`, pasted whole');

const httpsAddress = z
  .url({ protocol: /^https?$/, error: 'a full web address, starting https://' })
  .refine((address) => !address.includes('#') && !address.includes('?'), 'an address without ? or #');

const label = z.string().trim().min(1).max(120);
const longText = z.string().trim().min(1).max(400);
/** A phone number as people dial it: digits and spaces, a leading + allowed. */
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ]{1,18}[0-9]$/, 'a phone number in digits, e.g. 01632 960123');
/** A link the organisation's staff open: https only. */
const secureAddress = z.url({ protocol: /^https$/, error: 'a full web address, starting https://' }).max(500);

/** Someone to call or visit needs at least a phone number or a web address. */
const hasWayIn = { message: 'give a phone number (phone) or a web address (url), or both' };
const reachableBy = (contact: { phone?: string; url?: string }) =>
  contact.phone !== undefined || contact.url !== undefined;
const namedContact = z
  .strictObject({ name: label, phone: phone.optional(), url: secureAddress.optional() })
  .refine(reachableBy, hasWayIn);

const serviceSchema = z
  .strictObject({ name: label, description: longText, phone: phone.optional(), url: secureAddress.optional() })
  .refine(reachableBy, hasWayIn);

export const contactsSchema = z.strictObject({
  /** Children's services front door or MASH: where a concern about a child goes. */
  frontDoor: namedContact,
  /** Out of hours (emergency duty team). */
  outOfHours: namedContact.optional(),
  /** Police: non-emergency 101 and emergency 999 unless the organisation gives others. */
  police: z.strictObject({ nonEmergency: phone.default('101'), emergency: phone.default('999') }).default({
    nonEmergency: '101',
    emergency: '999',
  }),
  /** The internal safeguarding lead, by role, and how staff reach them. */
  safeguardingLead: z.strictObject({ role: label, howToReach: longText }),
});

export const organisationTrustSchema = z.strictObject({
  /** The organisation's public key; its private half stays with the safeguarding lead. */
  publicKey: publicKeySchema,
  /** Endorsements made for this organisation's trainers (trainers also import their own). */
  endorsements: z.array(trustCodeSchema).max(500).default([]),
  /** Withdrawn endorsements: a certificate countersigned on or after the date is not endorsed. */
  withdrawals: z.array(trustCodeSchema).max(500).default([]),
});

export const organisationSchema = z.strictObject({
  /** Shown on certificates and in the course, e.g. "Anytown Borough Council". */
  name: z.string().trim().min(1).max(120),
  /** Where space is short, e.g. "Anytown". */
  shortName: z.string().trim().min(1).max(40),
  /** The organisation's own copy of Heard: QR codes and certificates send people to <canonicalUrl>/verify. */
  canonicalUrl: httpsAddress,
  trust: organisationTrustSchema.optional(),
  /** Where Exit this page goes; without it, the course's own neutral page. */
  quickExitUrl: httpsAddress.optional(),
  /**
   * The organisation's logo: a PNG or SVG file, its path relative to the organisation file. The
   * build reads it, caps its size and embeds it (so it works offline and inside LMS packages).
   */
  logo: z
    .string()
    .trim()
    .regex(/\.(png|svg)$/i, 'a .png or .svg file, its path relative to the organisation file')
    .refine((path) => !/^[a-z]+:/i.test(path), 'a local file, not a web address')
    .optional(),
  /** Stored for the nation feature (England or Wales law and guidance first); checked here only. */
  defaultNation: z.enum(['england', 'wales'], { error: 'england or wales' }).optional(),
  /** The course's language until the learner chooses one. */
  defaultLanguage: z.enum(['en', 'cy'], { error: 'en or cy' }).optional(),
  /** Whom this organisation's staff tell and call. */
  contacts: contactsSchema.optional(),
  /** Links to the organisation's own procedures. */
  procedures: z
    .array(z.strictObject({ title: label, url: secureAddress }))
    .max(20)
    .optional(),
  /** Extra local services, listed before the national ones on the support page. */
  supportServices: z.array(serviceSchema).max(20).optional(),
  /** How many years a certificate stands before the training should be refreshed. */
  refreshYears: z
    .number({ error: 'a whole number of years' })
    .int('a whole number of years')
    .min(1, 'at least 1 year')
    .max(5, 'at most 5 years')
    .optional(),
  /** The LRS trainers read statements from: its address only, never a credential. */
  lrs: z
    .strictObject({
      endpoint: secureAddress.refine(
        (address) => !/\/\/[^/]*@/.test(address),
        'no user name or password in the address',
      ),
    })
    .optional(),
});

export type Organisation = z.infer<typeof organisationSchema>;
export type SupportService = z.infer<typeof serviceSchema>;
export type OrganisationContacts = z.infer<typeof contactsSchema>;
export type OrganisationTrust = z.infer<typeof organisationTrustSchema>;

/** Checks a parsed organisation file; a refusal names the field, e.g. `trust.publicKey: …`. */
export function checkOrganisation(
  input: unknown,
): { ok: true; organisation: Organisation } | { ok: false; message: string } {
  const result = organisationSchema.safeParse(input);
  if (result.success) return { ok: true, organisation: result.data };
  const messages = result.error.issues.map((issue) => {
    const field = issue.path
      .map((part) => (typeof part === 'number' ? `[${part}]` : String(part)))
      .join('.')
      .replace(/\.\[/g, '[');
    return `${field || '(the file)'}: ${issue.message}`;
  });
  return { ok: false, message: messages.join('\n') };
}
