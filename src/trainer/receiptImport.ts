// The trainer's side of receipts: each one is checked (intact, for this assignment, not already
// imported) and stored on its own, so one bad file never touches receipts already imported.
import { keyId } from '../certificates/signing';
import type { HeardDatabase } from '../storage/database';
import type { AssignmentPayload } from './assignmentCode';
import { decodeReceipt, type ReceiptPayload } from './receiptCode';
import type { CodeProblem } from './signedCode';

export type ReceiptProblem = CodeProblem | 'other-assignment' | 'duplicate' | 'not-saved';

export type ReceiptCheck =
  | { ok: true; id: string; payload: ReceiptPayload; code: string }
  | { ok: false; problem: ReceiptProblem; learnerName?: string };

/**
 * One receipt per learner's device and assignment: a second copy is a duplicate. (The short key id
 * keeps receipts imported before fingerprints grew to 128 bits recognisable.)
 */
export async function receiptId(assignmentId: string, learnerKey: string): Promise<string> {
  return `${assignmentId}:${await keyId(learnerKey)}`;
}

export async function checkReceipt(
  input: unknown,
  assignment: Pick<AssignmentPayload, 'id'>,
  alreadyImported: (id: string) => Promise<boolean>,
): Promise<ReceiptCheck> {
  const decoded = await decodeReceipt(input);
  if (!decoded.ok) return { ok: false, problem: decoded.problem };
  const { payload } = decoded;
  if (payload.assignmentId !== assignment.id) {
    return { ok: false, problem: 'other-assignment', learnerName: payload.learner.name };
  }
  const id = await receiptId(payload.assignmentId, payload.learner.key);
  if (await alreadyImported(id)) return { ok: false, problem: 'duplicate', learnerName: payload.learner.name };
  return { ok: true, id, payload, code: decoded.code };
}

export interface ReceiptImportResult {
  /** What the trainer gave: a file name or "Link 2". */
  source: string;
  check: ReceiptCheck;
}

/** Checks and stores each receipt in turn; a duplicate later in the same batch is caught too. */
export async function importReceipts(
  db: HeardDatabase,
  assignment: Pick<AssignmentPayload, 'id'>,
  inputs: { source: string; text: string }[],
  now: number,
): Promise<ReceiptImportResult[]> {
  const results: ReceiptImportResult[] = [];
  for (const input of inputs) {
    const check = await checkReceipt(
      input.text,
      assignment,
      async (id) => (await db.receipts.get(id).catch(() => undefined)) !== undefined,
    );
    if (!check.ok) {
      results.push({ source: input.source, check });
      continue;
    }
    try {
      // add, never put: an existing receipt (and its countersignature) is never overwritten.
      await db.receipts.add({ id: check.id, assignmentId: assignment.id, code: check.code, importedAt: now });
      results.push({ source: input.source, check });
    } catch {
      const duplicate = (await db.receipts.get(check.id).catch(() => undefined)) !== undefined;
      results.push({
        source: input.source,
        check: { ok: false, problem: duplicate ? 'duplicate' : 'not-saved', learnerName: check.payload.learner.name },
      });
    }
  }
  return results;
}

/** Splits pasted text into receipt links or codes, one a line. */
export function pastedCodes(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
