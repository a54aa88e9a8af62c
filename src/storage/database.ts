// The one IndexedDB database: the learner's profile, every answer they gave, and the
// saved state of each lesson and module. Each version bump ships with its upgrade.
import Dexie, { type EntityTable } from 'dexie';
import type { Nation, Role } from '../engine/contentSchema';

export interface LearnerProfile {
  id: 'learner';
  displayName?: string;
  role?: Role;
  /** The learner said they prefer not to give a role when a lesson asked, so it does not ask again. */
  roleDeclined?: boolean;
  /** Whose law and guidance the learner works under; independent of the language they read in. */
  nation?: Nation;
  organisation?: string;
}

export interface AnswerEvent {
  id?: number;
  moduleId: string;
  lessonId: string;
  stepId: string;
  optionIds: string[];
  correct: boolean;
  at: number;
}

export interface LessonProgressRecord {
  /** `${moduleId}/${lessonId}` */
  key: string;
  moduleId: string;
  lessonId: string;
  /** The lesson's structural hash when this was saved (src/engine/contentHash.ts). */
  contentHash?: string;
  /** Progress saved before content hashes: the module's hand-kept version then. No longer read. */
  contentVersion?: number;
  snapshot: unknown;
  stepId: string;
  status: 'in-progress' | 'completed';
  updatedAt: number;
  /** Which open tab wrote this, so another tab on the same lesson can follow along. */
  writer?: string;
}

export interface ModuleProgressRecord {
  moduleId: string;
  /** Saved before content hashes; no longer read: results and passes survive content changes. */
  contentVersion?: number;
  snapshot: unknown;
  status: 'in-progress' | 'passed' | 'not-passed';
  updatedAt: number;
}

export interface DeviceKeyRecord {
  /**
   * `device` signs the learner's certificates and receipts; `trainer` signs assignments and
   * countersignatures (ECDSA P-256); `trainer-badge` is the trainer's Ed25519 key that issues Open
   * Badges credentials as a did:key.
   */
  id: 'device' | 'trainer' | 'trainer-badge';
  /** Non-extractable: it can sign in this browser but cannot be read out. */
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  createdAt: number;
  /** The trainer key only: the organisation's endorsement of it (src/organisation/trustCodes.ts), once imported. */
  endorsement?: string;
  /** The `trainer-badge` key only: the organisation's Open Badges EndorsementCredential of it (JSON), once imported. */
  badgeEndorsement?: string;
}

export interface CertificateRecord {
  id: string;
  moduleIds: string[];
  /** The signed code; everything on the certificate can be rebuilt from it. */
  code: string;
  issuedAt: string;
  refreshBy: string;
}

/** An assignment a trainer handed to this learner (imported from a signed link or file). */
export interface AssignmentRecord {
  /** The assignment id chosen by the trainer's device. */
  id: string;
  /** The signed code exactly as received; everything else is derived from it. */
  code: string;
  importedAt: number;
  dueDate?: string;
}

/** An assignment this device's trainer created. */
export interface TrainerAssignmentRecord {
  id: string;
  code: string;
  createdAt: number;
}

/** A learner's completion receipt, imported on the trainer's device. */
export interface ReceiptRecord {
  /** Unique per learner and assignment, so the same receipt twice is a duplicate. */
  id: string;
  assignmentId: string;
  code: string;
  importedAt: number;
  /** The countersigned certificate code, once the trainer has issued it. */
  countersignedCode?: string;
}

/** One xAPI statement waiting to be sent; `seq` keeps the order they were made in. */
export interface QueuedStatementRecord {
  seq?: number;
  /** The statement's own id, so a retry never makes a second copy at the LRS. */
  statementId: string;
  statement: unknown;
  attempts: number;
  queuedAt: number;
}

/**
 * The trainer's cache of what the organisation's LRS holds (src/trainer/lrsStore.ts): the
 * connection (kept on this device only), the sync cursor, and one record per learner.
 */
export interface LrsRecord {
  id: string;
  kind: 'connection' | 'sync' | 'learner';
  source: string;
  data: unknown;
}

/** Version 1's stores, kept verbatim: a later version must be able to open a version 1 database. */
export const SCHEMA_V1 = {
  profile: 'id',
  answers: '++id, moduleId, [moduleId+lessonId], at',
  lessonProgress: 'key, moduleId, updatedAt',
  moduleProgress: 'moduleId, updatedAt',
};

/** Version 2's stores, kept verbatim for the same reason. */
export const SCHEMA_V2 = { ...SCHEMA_V1, deviceKeys: 'id', certificates: 'id, issuedAt, *moduleIds' };

/** Version 3's stores, kept verbatim for the same reason. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  assignments: 'id, importedAt',
  trainerAssignments: 'id, createdAt',
  receipts: 'id, assignmentId, importedAt',
  statementQueue: '++seq, &statementId',
};

export class HeardDatabase extends Dexie {
  profile!: EntityTable<LearnerProfile, 'id'>;
  answers!: EntityTable<AnswerEvent, 'id'>;
  lessonProgress!: EntityTable<LessonProgressRecord, 'key'>;
  moduleProgress!: EntityTable<ModuleProgressRecord, 'moduleId'>;
  deviceKeys!: EntityTable<DeviceKeyRecord, 'id'>;
  certificates!: EntityTable<CertificateRecord, 'id'>;
  assignments!: EntityTable<AssignmentRecord, 'id'>;
  trainerAssignments!: EntityTable<TrainerAssignmentRecord, 'id'>;
  receipts!: EntityTable<ReceiptRecord, 'id'>;
  statementQueue!: EntityTable<QueuedStatementRecord, 'seq'>;
  lrs!: EntityTable<LrsRecord, 'id'>;

  constructor(name = 'heard') {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // Version 2 adds the device's signing key and issued certificates; existing data is untouched.
    this.version(2).stores(SCHEMA_V2);
    // Version 3 adds trainer assignments and receipts, and the xAPI statement queue.
    this.version(3).stores(SCHEMA_V3);
    // Version 4 adds the trainer's LRS cache: a new store only, nothing else changes.
    this.version(4).stores({ lrs: 'id, [source+kind]' });
  }
}

export { lessonKey, THIS_TAB } from './recordKeys';
