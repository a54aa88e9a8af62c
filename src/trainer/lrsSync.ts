// Reads the organisation's LRS into the trainer's device: GET /statements for the course activity
// (related activities included, so every question and lesson beneath it), one verb at a time,
// following `more`, and from the last sync onwards with `since`. What comes back is folded into
// one record per learner in IndexedDB (the `lrs` store), so a later sync fetches only what is new.
// The connection (endpoint and a read-only credential) is entered by the trainer and kept in this
// store on their device only; it is never part of a learner's copy or a package.
import type { HeardDatabase, LrsRecord } from '../storage/database';
import { actorKey, applyStatements, LRS_VERBS, type LrsLearner, type LrsStatement } from './lrsCohort';

export interface LrsConnection {
  /** The xAPI base address, ending in "/", e.g. https://lrs.example.org/xapi/ */
  endpoint: string;
  /** The Authorization header for a read-only key, e.g. "Basic …". */
  authorization: string;
  /** The course's activity id, as packaged (--activity-id). */
  activityId: string;
}

export type LrsProblem = 'unreachable' | 'refused' | 'unreadable';

export class LrsError extends Error {
  constructor(readonly problem: LrsProblem) {
    super(problem);
  }
}

const CONNECTION_ID = 'connection';
/** One cache per LRS and course, so changing either starts afresh instead of mixing records. */
export const sourceOf = (connection: Pick<LrsConnection, 'endpoint' | 'activityId'>) =>
  `${connection.endpoint}|${connection.activityId}`;

export function normaliseEndpoint(endpoint: string): string | null {
  try {
    const url = new URL(endpoint.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.href.endsWith('/') ? url.href : `${url.href}/`;
  } catch {
    return null;
  }
}

export async function readConnection(db: HeardDatabase): Promise<LrsConnection | null> {
  const record = await db.lrs.get(CONNECTION_ID);
  return (record?.data as LrsConnection | undefined) ?? null;
}

export async function saveConnection(db: HeardDatabase, connection: LrsConnection): Promise<void> {
  await db.lrs.put({ id: CONNECTION_ID, kind: 'connection', source: '', data: connection });
}

/** Forgets the connection and every learner record read with it. */
export async function forgetConnection(db: HeardDatabase): Promise<void> {
  await db.lrs.clear();
}

export async function readLearners(db: HeardDatabase, source: string): Promise<LrsLearner[]> {
  const records = await db.lrs.where('[source+kind]').equals([source, 'learner']).toArray();
  return records.map((record) => record.data as LrsLearner);
}

interface SyncState {
  /** The latest `stored` time seen, per verb (ISO 8601). */
  since: Record<string, string>;
  syncedAt: number;
}

export async function readSyncState(db: HeardDatabase, source: string): Promise<SyncState | null> {
  return ((await db.lrs.get(`${source}|#sync`))?.data as SyncState | undefined) ?? null;
}

export interface SyncOptions {
  fetch?: typeof fetch;
  now?: () => number;
  /** Statements per page asked of the LRS. */
  limit?: number;
  /** Called after each page, with the statements read so far. */
  progress?: (statements: number) => void;
}

async function getJson(fetcher: typeof fetch, url: string, connection: LrsConnection): Promise<unknown> {
  let response: Response;
  try {
    response = await fetcher(url, {
      headers: { 'X-Experience-API-Version': '1.0.3', Authorization: connection.authorization },
    });
  } catch {
    throw new LrsError('unreachable');
  }
  if (response.status === 401 || response.status === 403) throw new LrsError('refused');
  if (!response.ok) throw new LrsError('unreachable');
  try {
    return await response.json();
  } catch {
    throw new LrsError('unreadable');
  }
}

/**
 * Statements asked for per page. Large, since an LRS's cost is mostly per request (the test LRS
 * filters and sorts its whole store for each one: 261 pages of 500 took it 123 s for 130,500
 * statements, 14 pages of 10,000 about 11 s); an LRS with a lower maximum sends fewer and a
 * `more` link. 10,000 of Heard's statements are about 9 MB of JSON, so a page stays a passing cost.
 */
export const LRS_PAGE_LIMIT = 10_000;

/**
 * Every statement for one verb since a time, page by page (following `more`). The next page is
 * asked for as soon as this one has arrived, so the LRS prepares it while this device stores
 * this one.
 */
export async function* statementPages(
  connection: LrsConnection,
  verb: string,
  since: string | undefined,
  options: Pick<SyncOptions, 'fetch' | 'limit'> = {},
): AsyncGenerator<LrsStatement[]> {
  const fetcher = options.fetch ?? ((...args) => fetch(...args));
  const query = new URLSearchParams({
    activity: connection.activityId,
    related_activities: 'true',
    verb,
    ascending: 'true',
    // An LRS returns at most its own maximum and a `more` link for the rest.
    limit: String(options.limit ?? LRS_PAGE_LIMIT),
  });
  if (since) query.set('since', since);
  const ask = (url: string) => {
    const answer = getJson(fetcher, url, connection);
    // Handled where it is awaited; this only stops a page nobody waits for any more (the sync
    // failed on the page before) being reported as an unhandled rejection.
    answer.catch(() => undefined);
    return answer;
  };
  let pending: Promise<unknown> | null = ask(`${connection.endpoint}statements?${query}`);
  while (pending) {
    const page = (await pending) as { statements?: unknown; more?: unknown };
    if (!Array.isArray(page.statements)) throw new LrsError('unreadable');
    // `more` is relative to the LRS's own origin (or absolute); an empty string means the end.
    const next = typeof page.more === 'string' && page.more ? new URL(page.more, connection.endpoint).href : null;
    pending = next ? ask(next) : null;
    yield page.statements as LrsStatement[];
  }
}

export interface SyncResult {
  statements: number;
  /** Learners this device now holds for the connection. */
  learners: number;
  /** The learners this sync added or changed, as now stored: all a view needs to work out again. */
  changed: LrsLearner[];
}

/**
 * Brings the device's copy up to date: the first time everything, later only what was stored
 * since the last sync (from a millisecond before the latest statement seen, since `since` is
 * exclusive and more may have been stored in that same millisecond; statements read twice are
 * recognised by id).
 */
export async function syncLrs(
  db: HeardDatabase,
  connection: LrsConnection,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const now = options.now ?? (() => Date.now());
  const source = sourceOf(connection);
  const state = await readSyncState(db, source);
  // Only the learners a page mentions are read from the device, so a small sync stays small.
  const learners = new Map<string, LrsLearner>();
  const loadActors = async (page: LrsStatement[]) => {
    const keys = [...new Set(page.map((statement) => actorKey(statement.actor ?? {})))].filter(
      (key): key is string => key !== null && !learners.has(key),
    );
    const records = await db.lrs.bulkGet(keys.map((key) => `${source}|${key}`));
    for (const record of records) {
      if (record?.kind === 'learner') learners.set((record.data as LrsLearner).actorKey, record.data as LrsLearner);
    }
  };
  const changed = new Set<string>();
  const since: Record<string, string> = { ...(state?.since ?? {}) };
  let read = 0;
  for (const verb of LRS_VERBS) {
    const from = since[verb] ? new Date(Date.parse(since[verb]) - 1).toISOString() : undefined;
    for await (const page of statementPages(connection, verb, from, options)) {
      read += page.length;
      await loadActors(page);
      for (const key of applyStatements(learners, page, connection.activityId)) changed.add(key);
      for (const statement of page) {
        const stored = Date.parse(statement.stored ?? '');
        if (Number.isFinite(stored) && (!since[verb] || stored > Date.parse(since[verb] as string)))
          since[verb] = new Date(stored).toISOString();
      }
      options.progress?.(read);
    }
  }
  const records: LrsRecord[] = [...changed].map((key) => ({
    id: `${source}|${key}`,
    kind: 'learner',
    source,
    data: learners.get(key),
  }));
  await db.transaction('rw', db.lrs, async () => {
    await db.lrs.bulkPut(records);
    await db.lrs.put({ id: `${source}|#sync`, kind: 'sync', source, data: { since, syncedAt: now() } });
  });
  const total = await db.lrs.where('[source+kind]').equals([source, 'learner']).count();
  return { statements: read, learners: total, changed: records.map((record) => record.data as LrsLearner) };
}

/** Keeps a countersigned certificate with the learner's record; returns the records as now stored. */
export async function saveLrsCountersigned(
  db: HeardDatabase,
  source: string,
  entries: { actorKey: string; assignmentId: string; code: string }[],
): Promise<LrsLearner[]> {
  return db.transaction('rw', db.lrs, async () => {
    const ids = entries.map((entry) => `${source}|${entry.actorKey}`);
    const records = await db.lrs.bulkGet(ids);
    const updated: LrsRecord[] = [];
    entries.forEach((entry, index) => {
      const record = records[index];
      if (record?.kind !== 'learner') return;
      const learner = record.data as LrsLearner;
      updated.push({
        ...record,
        data: { ...learner, countersigned: { ...learner.countersigned, [entry.assignmentId]: entry.code } },
      });
    });
    await db.lrs.bulkPut(updated);
    return updated.map((record) => record.data as LrsLearner);
  });
}
