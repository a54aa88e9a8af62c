// Keeps xAPI statements in IndexedDB until the LRS has them. Statements are sent one by one in the
// order they were made, each with a PUT to its own id, so a retry after a lost reply never makes a
// second copy. While offline or refused, the queue waits and tries again with growing pauses.
import type { HeardDatabase } from '../storage/database';
import type { XapiStatement } from './xapiStatements';

export interface LrsConnection {
  /** The LRS's xAPI base address, ending in a slash, e.g. https://lrs.example/xAPI/ */
  endpoint: string;
  /** The Authorization header value, e.g. "Basic ..." (a cmi5 launch's token), or '' for none. */
  authorization: string;
}

export interface QueueOptions {
  fetch?: typeof fetch;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  now?: () => number;
  /** Pauses before each retry; the last repeats. */
  retryDelays?: number[];
}

export type SendOutcome = 'sent' | 'retry' | 'rejected';

export class StatementQueue {
  private readonly db: HeardDatabase;
  private readonly lrs: LrsConnection;
  private readonly fetcher: typeof fetch;
  private readonly schedule: (callback: () => void, ms: number) => unknown;
  private readonly now: () => number;
  private readonly retryDelays: number[];
  private flushing: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private retryPending = false;
  /** True when the last flush emptied the queue, so a new statement has nothing waiting before it. */
  private idle = false;
  /** Statements the LRS refused as invalid; kept out of the queue so they never block it. */
  rejected: string[] = [];

  constructor(db: HeardDatabase, lrs: LrsConnection, options: QueueOptions = {}) {
    this.db = db;
    this.lrs = { ...lrs, endpoint: lrs.endpoint.endsWith('/') ? lrs.endpoint : `${lrs.endpoint}/` };
    this.fetcher = options.fetch ?? ((...args) => fetch(...args));
    this.schedule = options.setTimeout ?? ((callback, ms) => setTimeout(callback, ms));
    this.now = options.now ?? (() => Date.now());
    this.retryDelays = options.retryDelays ?? [2000, 5000, 15000, 30000, 60000];
  }

  /** Saves a statement to send; the id makes adding the same statement twice harmless. */
  async add(statement: XapiStatement): Promise<void> {
    const existing = await this.db.statementQueue.where('statementId').equals(statement.id).count();
    if (existing === 0) {
      await this.db.statementQueue.add({ statementId: statement.id, statement, attempts: 0, queuedAt: this.now() });
    }
    void this.flush().catch(() => {});
  }

  /**
   * The last statement of a visit, made as the page goes away: sent at once (with keepalive, so it
   * outlives the page) when nothing waits before it, and queued as well in case it does not arrive.
   * Sending the same id twice is harmless: the LRS keeps one.
   */
  addFinal(statement: XapiStatement): void {
    if (this.idle && !this.flushing) {
      void this.send(statement, statement.id, true);
    }
    void this.add(statement).catch(() => {});
  }

  async pending(): Promise<number> {
    return this.db.statementQueue.count();
  }

  private async send(statement: unknown, id: string, keepalive: boolean): Promise<SendOutcome> {
    try {
      const response = await this.fetcher(`${this.lrs.endpoint}statements?statementId=${encodeURIComponent(id)}`, {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/json',
          'X-Experience-API-Version': '1.0.3',
          // A SCORM package carries no credential: its endpoint is the organisation's relay.
          ...(this.lrs.authorization ? { Authorization: this.lrs.authorization } : {}),
        },
        body: JSON.stringify(statement),
        keepalive,
      });
      // 409: the LRS already holds a statement with this id, so it arrived earlier.
      if (response.ok || response.status === 409) return 'sent';
      if (response.status === 400) return 'rejected';
      return 'retry';
    } catch {
      return 'retry';
    }
  }

  /** Sends everything waiting, oldest first; stops at the first failure so order is kept. */
  flush(options: { keepalive?: boolean } = {}): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.again = false;
        for (;;) {
          const next = await this.db.statementQueue.orderBy('seq').first();
          if (!next) {
            this.failures = 0;
            this.idle = true;
            break;
          }
          this.idle = false;
          const outcome = await this.send(next.statement, next.statementId, options.keepalive ?? false);
          if (outcome === 'retry') {
            await this.db.statementQueue.update(next.seq as number, { attempts: next.attempts + 1 });
            this.retryLater();
            return;
          }
          if (outcome === 'rejected') this.rejected.push(next.statementId);
          await this.db.statementQueue.delete(next.seq as number);
          this.failures = 0;
        }
      } while (this.again);
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private retryLater(): void {
    if (this.retryPending) return;
    this.retryPending = true;
    const delay = this.retryDelays[Math.min(this.failures, this.retryDelays.length - 1)] as number;
    this.failures += 1;
    this.schedule(() => {
      this.retryPending = false;
      void this.flush();
    }, delay);
  }
}
