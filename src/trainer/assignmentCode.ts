// An assignment: what a trainer asks a cohort to do, signed by the trainer's device key. It travels
// as a link (/assignment#code), a QR code or a small file, and the learner's device checks it.
import { z } from '../engine/zod';
import { roleSchema } from '../engine/contentSchema';
import { decodeSignedCode, encodeSignedCode, readSignedCode, type DecodedCode } from './signedCode';

const contentId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(80);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const assignmentItemSchema = z.strictObject({
  moduleId: contentId,
  /** Absent: the whole module. */
  lessonId: contentId.optional(),
});

export const assignmentPayloadSchema = z.strictObject({
  v: z.literal(1),
  id: z.string().regex(/^[A-Za-z0-9_-]{16,40}$/),
  title: z.string().trim().min(1).max(120),
  cohort: z.string().max(120),
  items: z.array(assignmentItemSchema).min(1).max(80),
  /** The role path the cohort should take, or null for each learner's own role. */
  role: roleSchema.nullable(),
  /** Percentage of decisions right needed to pass, 0 to 100. */
  passMark: z.number().int().min(0).max(100),
  due: isoDate.nullable(),
  note: z.string().max(1000),
  createdAt: isoDate,
  trainer: z.strictObject({
    name: z.string().trim().min(1).max(120),
    key: z.string().max(100),
    /** The organisation's endorsement of the trainer's key (src/organisation/trustCodes.ts), when imported. */
    endorsement: z.string().max(2_000).optional(),
  }),
});

export type AssignmentItem = z.infer<typeof assignmentItemSchema>;
export type AssignmentPayload = z.infer<typeof assignmentPayloadSchema>;

export function encodeAssignment(payload: AssignmentPayload, privateKey: CryptoKey): Promise<string> {
  return encodeSignedCode(assignmentPayloadSchema, payload, privateKey);
}

/** Checks an assignment code or link: intact, well formed and signed by the trainer it names. */
export function decodeAssignment(input: unknown): Promise<DecodedCode<AssignmentPayload>> {
  return decodeSignedCode(input, assignmentPayloadSchema, (payload) => payload.trainer.key);
}

/** An assignment this device already checked and stored. */
export function readAssignment(code: string): AssignmentPayload | null {
  return readSignedCode(code, assignmentPayloadSchema);
}

export function assignmentLink(origin: string, code: string): string {
  return `${origin}/assignment#${code}`;
}
