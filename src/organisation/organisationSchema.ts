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
  // Room for the rest of the organisation file (issue 18): a later change gives each its shape.
  logo: z.unknown().optional(),
  defaultNation: z.unknown().optional(),
  defaultLanguage: z.unknown().optional(),
  contacts: z.unknown().optional(),
  procedures: z.unknown().optional(),
  supportServices: z.unknown().optional(),
  refreshYears: z.unknown().optional(),
  lrs: z.unknown().optional(),
});

export type Organisation = z.infer<typeof organisationSchema>;
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
