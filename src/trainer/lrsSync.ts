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

/** Every statement for one verb since a time, page by page (following `more`). */
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
    limit: String(options.limit ?? 500),
  });
  if (since) query.set('since', since);
  let next: string | null = `${connection.endpoint}statements?${query}`;
  while (next) {
    const page = (await getJson(fetcher, next, connection)) as { statements?: unknown; more?: unknown };
    if (!Array.isArray(page.statements)) throw new LrsError('unreadable');
    yield page.statements as LrsStatement[];
    // `more` is relative to the LRS's own origin (or absolute); an empty string means the end.
    next = typeof page.more === 'string' && page.more ? new URL(page.more, connection.endpoint).href : null;
  }
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
): Promise<{ statements: number; learners: number; changed: number }> {
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
  return { statements: read, learners: total, changed: changed.size };
}

/** Keeps a countersigned certificate with the learner's record. */
export async function saveLrsCountersigned(
  db: HeardDatabase,
  source: string,
  entries: { actorKey: string; assignmentId: string; code: string }[],
): Promise<void> {
  await db.transaction('rw', db.lrs, async () => {
    for (const entry of entries) {
      const id = `${source}|${entry.actorKey}`;
      const record = await db.lrs.get(id);
      if (!record) continue;
      const learner = record.data as LrsLearner;
      await db.lrs.put({
        ...record,
        data: { ...learner, countersigned: { ...learner.countersigned, [entry.assignmentId]: entry.code } },
      });
    }
  });
}
