// A completion receipt: what a learner sends back to their trainer. It is bound to one assignment,
// signed by the learner's device key, and carries only ids, numbers and the learner's name: the
// options chosen for each question, never text the learner typed.
import { z } from '../engine/zod';
import { nationSchema, roleSchema } from '../engine/contentSchema';
import { decodeSignedCode, encodeSignedCode, readSignedCode, type DecodedCode } from './signedCode';

const contentId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(80);

export const receiptAnswerSchema = z.strictObject({
  moduleId: contentId,
  lessonId: contentId,
  stepId: contentId,
  optionIds: z.array(contentId).min(1).max(6),
  correct: z.boolean(),
});

export const receiptPayloadSchema = z.strictObject({
  v: z.literal(1),
  assignmentId: z.string().regex(/^[A-Za-z0-9_-]{16,40}$/),
  learner: z.strictObject({
    name: z.string().trim().min(1).max(120),
    role: roleSchema.nullable(),
    /** The nation whose path the lessons took; absent on older receipts (then any path counts). */
    nation: nationSchema.optional(),
    organisation: z.string().max(200),
    /** The learner's device public key (raw P-256, base64url): it signed this receipt. */
    key: z.string().max(100),
  }),
  /** When the last lesson of the assignment was finished (ISO 8601, UTC). */
  completedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/),
  /** Time from the first to the last answer, in seconds. */
  seconds: z.number().int().min(0).max(10_000_000),
  score: z
    .strictObject({ correct: z.number().int().min(0).max(10_000), total: z.number().int().min(0).max(10_000) })
    .refine((score) => score.correct <= score.total),
  answers: z.array(receiptAnswerSchema).max(1000),
});

export type ReceiptAnswer = z.infer<typeof receiptAnswerSchema>;
export type ReceiptPayload = z.infer<typeof receiptPayloadSchema>;

export function encodeReceipt(payload: ReceiptPayload, privateKey: CryptoKey): Promise<string> {
  return encodeSignedCode(receiptPayloadSchema, payload, privateKey);
}

/** Checks a receipt code or link: intact, well formed and signed by the learner's device it names. */
export function decodeReceipt(input: unknown): Promise<DecodedCode<ReceiptPayload>> {
  return decodeSignedCode(input, receiptPayloadSchema, (payload) => payload.learner.key);
}

export function readReceipt(code: string): ReceiptPayload | null {
  return readSignedCode(code, receiptPayloadSchema);
}

export function receiptLink(origin: string, code: string): string {
  return `${origin}/receipt#${code}`;
}
