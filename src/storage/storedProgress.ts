// A read-only look at saved progress through the browser's own IndexedDB API. The dashboard and a
// lesson's first screen use it, so they show where the learner is without waiting for Dexie. It
// never creates the database, never changes it, and never throws: storage that cannot be read
// reports as blocked.
import type {
  AssignmentRecord,
  CertificateRecord,
  LearnerProfile,
  LessonProgressRecord,
  ModuleProgressRecord,
} from './database';

export interface StoredProgress {
  lessonProgress: LessonProgressRecord[];
  moduleProgress: ModuleProgressRecord[];
  certificates: CertificateRecord[];
  assignments: AssignmentRecord[];
  /** Empty, or the one learner profile. */
  profile: LearnerProfile[];
}

export type StoredProgressResult = { ok: true; progress: StoredProgress } | { ok: false };

const STORES = ['lessonProgress', 'moduleProgress', 'certificates', 'assignments', 'profile'] as const;

const nothingSaved = (): StoredProgressResult => ({
  ok: true,
  progress: { lessonProgress: [], moduleProgress: [], certificates: [], assignments: [], profile: [] },
});

export async function readStoredProgress(
  databaseName: string,
  factory: IDBFactory | null = globalThis.indexedDB ?? null,
): Promise<StoredProgressResult> {
  // Asking which databases exist is quick; opening one that does not exist makes and drops it.
  try {
    const existing = await factory?.databases?.();
    if (existing && !existing.some((database) => database.name === databaseName)) return nothingSaved();
  } catch {
    // Not every browser can list databases; opening tells us instead.
  }
  return readOpenedDatabase(databaseName, factory);
}

/** Whether this browser lets the course open its database at all (a private window may not). */
export async function storageWorks(
  databaseName: string,
  factory: IDBFactory | null = globalThis.indexedDB ?? null,
): Promise<boolean> {
  return (await readOpenedDatabase(databaseName, factory)).ok;
}

function readOpenedDatabase(databaseName: string, factory: IDBFactory | null): Promise<StoredProgressResult> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      if (!factory) throw new Error('No IndexedDB');
      request = factory.open(databaseName);
    } catch {
      resolve({ ok: false });
      return;
    }
    let neverCreated = false;
    // Opening without a version creates an empty database when there is none; abort that, so the
    // first real open (by Dexie) creates it with the proper stores.
    request.onupgradeneeded = () => {
      neverCreated = true;
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      event.preventDefault();
      resolve(neverCreated ? nothingSaved() : { ok: false });
    };
    request.onsuccess = () => {
      const database = request.result;
      database.onversionchange = () => database.close();
      const present = STORES.filter((store) => database.objectStoreNames.contains(store));
      const result = nothingSaved();
      if (present.length === 0 || !result.ok) {
        database.close();
        resolve(result);
        return;
      }
      try {
        const transaction = database.transaction(present, 'readonly');
        for (const store of present) {
          const read = transaction.objectStore(store).getAll();
          read.onsuccess = () => {
            (result.progress[store] as unknown[]) = read.result;
          };
        }
        transaction.oncomplete = () => {
          database.close();
          resolve(result);
        };
        transaction.onabort = () => {
          database.close();
          resolve({ ok: false });
        };
      } catch {
        database.close();
        resolve({ ok: false });
      }
    };
  });
}
