// Reads assignments stored on this device (the trainer's own, or a learner's imported ones) and
// the trainer's receipts, decoded for display. Codes were checked when they were stored.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useDatabase } from '../../app/services';
import { fingerprint } from '../../certificates/signing';
import { readAssignment, type AssignmentPayload } from '../../trainer/assignmentCode';
import { readReceipt, type ReceiptPayload } from '../../trainer/receiptCode';

export interface StoredAssignment {
  id: string;
  code: string;
  payload: AssignmentPayload;
}

function decoded(records: { id: string; code: string }[]): StoredAssignment[] {
  return records.flatMap((record) => {
    const payload = readAssignment(record.code);
    return payload ? [{ id: record.id, code: record.code, payload }] : [];
  });
}

/** The trainer's assignments, newest first; undefined while loading. */
export function useTrainerAssignments(): StoredAssignment[] | undefined {
  const db = useDatabase();
  return useLiveQuery(
    async () => decoded(await db.trainerAssignments.orderBy('createdAt').reverse().toArray()).filter(Boolean),
    [db],
  );
}

/** One of the trainer's assignments: null when this device has no such assignment. */
export function useTrainerAssignment(id: string): StoredAssignment | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const record = await db.trainerAssignments.get(id);
    return record ? (decoded([record])[0] ?? null) : null;
  }, [db, id]);
}

/** The learner's imported assignments, soonest due first. */
export function useLearnerAssignments(): StoredAssignment[] | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const all = decoded(await db.assignments.orderBy('importedAt').toArray());
    return all.sort((a, b) => (a.payload.due ?? '9999').localeCompare(b.payload.due ?? '9999'));
  }, [db]);
}

export function useLearnerAssignment(id: string): StoredAssignment | null | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const record = await db.assignments.get(id);
    return record ? (decoded([record])[0] ?? null) : null;
  }, [db, id]);
}

export interface StoredReceipt {
  id: string;
  payload: ReceiptPayload;
  importedAt: number;
  countersignedCode?: string;
  /** The learner's device key fingerprint, so a trainer can tell two learners of one name apart. */
  learnerFingerprint?: string;
}

export function useReceipts(assignmentId: string): StoredReceipt[] | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const records = await db.receipts.where('assignmentId').equals(assignmentId).toArray();
    const receipts: StoredReceipt[] = [];
    for (const record of records) {
      const payload = readReceipt(record.code);
      if (!payload) continue;
      receipts.push({
        id: record.id,
        payload,
        importedAt: record.importedAt,
        countersignedCode: record.countersignedCode,
        learnerFingerprint: await fingerprint(payload.learner.key),
      });
    }
    return receipts;
  }, [db, assignmentId]);
}

/** A public key's fingerprint, worked out after the first render. */
export function useFingerprint(publicKey: string | undefined): string | undefined {
  const [result, setResult] = useState<{ key: string; value: string }>();
  useEffect(() => {
    if (!publicKey) return;
    let live = true;
    void fingerprint(publicKey).then((value) => {
      if (live) setResult({ key: publicKey, value });
    });
    return () => {
      live = false;
    };
  }, [publicKey]);
  return result && result.key === publicKey ? result.value : undefined;
}
