// Turns the learner's progress into xAPI statements and queues them for the LRS. Used when an
// administrator packaged the course with an xAPI endpoint, or when a cmi5 LMS launched it.
import type { Nation } from '../engine/contentSchema';
import type { HeardDatabase } from '../storage/database';
import type { CourseStatus } from './courseProgress';
import type { ProgressListener } from './startLms';
import { StatementQueue, type LrsConnection, type QueueOptions } from './statementQueue';
import {
  answeredStatement,
  completedStatement,
  initializedStatement,
  lessonCompletedStatement,
  moduleResultStatement,
  terminatedStatement,
  type StatementSession,
} from './xapiStatements';

export interface XapiSetup {
  lrs: LrsConnection;
  session: StatementSession;
  /** False when the launch already sent "initialized" (cmi5 does, through its library). */
  sendInitialized: boolean;
  /** False for a cmi5 browse or review launch, which must not mark the course completed. */
  recordsCompletion?: boolean;
}

export class XapiRecorder implements ProgressListener {
  readonly queue: StatementQueue;
  private readonly session: StatementSession;
  private readonly now: () => number;
  private readonly recordsCompletion: boolean;

  constructor(db: HeardDatabase, setup: XapiSetup, options: QueueOptions & { now?: () => number } = {}) {
    this.queue = new StatementQueue(db, setup.lrs, options);
    this.session = setup.session;
    this.now = options.now ?? (() => Date.now());
    this.recordsCompletion = setup.recordsCompletion ?? true;
    if (setup.sendInitialized) void this.add(initializedStatement(this.session, this.meta()));
    // Statements left from an earlier visit, made while offline, go first.
    else void this.queue.flush().catch(() => {});
  }

  private meta() {
    return { id: crypto.randomUUID(), at: this.now() };
  }

  private add(statement: Parameters<StatementQueue['add']>[0]): Promise<void> {
    return this.queue.add(statement).catch(() => {});
  }

  /** The browser is back online: send what waited. */
  online(): void {
    void this.queue.flush().catch(() => {});
  }

  answered(
    answer: { moduleId: string; lessonId: string; stepId: string; optionIds: string[]; correct: boolean },
    nation: Nation | null = null,
  ) {
    void this.add(answeredStatement(this.session, answer, this.meta(), nation));
  }

  lessonFinished(lesson: {
    moduleId: string;
    lessonId: string;
    correct: number;
    total: number;
    nation?: Nation | null;
  }) {
    void this.add(lessonCompletedStatement(this.session, lesson, this.meta()));
  }

  moduleFinished(
    moduleId: string,
    status: 'passed' | 'not-passed',
    score: { correct: number; total: number },
    nation: Nation | null = null,
  ) {
    void this.add(moduleResultStatement(this.session, moduleId, status === 'passed', score, this.meta(), nation));
  }

  courseCompleted(status: CourseStatus) {
    if (this.recordsCompletion) void this.add(completedStatement(this.session, this.meta(), status.scorePercent));
  }

  leaving() {
    this.queue.addFinal(terminatedStatement(this.session, this.meta()));
  }
}
