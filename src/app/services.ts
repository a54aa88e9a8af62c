// What every page needs from outside itself: the course content and the learner's database.
// Passed through router context so tests can hand in their own.
import { use } from 'react';
import { useRouteContext } from '@tanstack/react-router';
import type { Catalog } from '../content/catalog';
import type { HeardDatabase } from '../storage/database';

/** Dexie loads on first use, so the dashboard's first download does not carry it. */
export interface LazyDatabase {
  /** The IndexedDB name, for the dashboard's read-only look (src/storage/storedProgress.ts). */
  name: string;
  load(): Promise<HeardDatabase>;
  /** The database if it has loaded already. */
  loaded(): HeardDatabase | undefined;
}

export interface RootContext {
  catalog: Catalog;
  database: LazyDatabase;
  /**
   * Loads namespaces of words before a page renders, so the page does not suspend on them (React
   * holds back a suspended page for a moment, which a learner sees as a slower page).
   */
  loadWords?: (namespaces: string[]) => Promise<unknown>;
  /** The clock, injectable so tests can fix time. */
  now: () => number;
}

export function lazyDatabase(name: string, create: (name: string) => Promise<HeardDatabase>): LazyDatabase {
  let database: HeardDatabase | undefined;
  let loading: Promise<HeardDatabase> | undefined;
  return {
    name,
    load: () => (loading ??= create(name).then((created) => (database = created))),
    loaded: () => database,
  };
}

/** A database that is already open, for tests and tools. */
export function readyDatabase(db: HeardDatabase): LazyDatabase {
  return { name: db.name, load: () => Promise.resolve(db), loaded: () => db };
}

/**
 * The learner's database, waiting (through Suspense) until it has loaded. The root route loads it
 * before every page but those marked `rendersBeforeDatabase`, so elsewhere this never waits; those
 * pages read IndexedDB directly for their first screen and call this only where they write or watch.
 */
export function useDatabase(): HeardDatabase {
  const { database } = useRouteContext({ from: '__root__' });
  // `use` may be called conditionally; the loading promise is made once, so it is stable.
  return database.loaded() ?? use(database.load());
}

/** The course content, the clock and the lazily loaded database; pages that need Dexie use `useDatabase()`. */
export function useServices(): RootContext {
  const { catalog, database, loadWords, now } = useRouteContext({ from: '__root__' });
  return { catalog, database, loadWords, now };
}
