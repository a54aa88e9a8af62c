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
import type { CourseModule } from '../engine/contentSchema';
import { moduleOverview, type ModuleOverviewProgress } from './moduleOverview';
import { indexedDBIfAllowed } from './webStorage';

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

/** What a device that has never saved anything holds. */
export const emptyProgress = (): StoredProgress => ({
  lessonProgress: [],
  moduleProgress: [],
  certificates: [],
  assignments: [],
  profile: [],
});

const nothingSaved = (): StoredProgressResult => ({ ok: true, progress: emptyProgress() });

/** One module's overview from what was read, as `readModuleProgress` gives it from Dexie. */
export function storedModuleOverview(
  courseModule: CourseModule,
  stored: StoredProgress,
  today?: string,
): ModuleOverviewProgress {
  return moduleOverview(
    courseModule,
    {
      lessonRecords: stored.lessonProgress,
      moduleRecord: stored.moduleProgress.find((record) => record.moduleId === courseModule.id),
      certificates: stored.certificates,
    },
    today,
  );
}

export async function readStoredProgress(
  databaseName: string,
  factory: IDBFactory | null = indexedDBIfAllowed(),
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
  factory: IDBFactory | null = indexedDBIfAllowed(),
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
      const progress = emptyProgress();
      if (present.length === 0) {
        database.close();
        resolve({ ok: true, progress });
        return;
      }
      try {
        const transaction = database.transaction(present, 'readonly');
        for (const store of present) {
          const read = transaction.objectStore(store).getAll();
          read.onsuccess = () => {
            (progress[store] as unknown[]) = read.result;
          };
        }
        transaction.oncomplete = () => {
          database.close();
          resolve({ ok: true, progress });
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
