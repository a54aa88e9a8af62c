// The one IndexedDB database: the learner's profile, every answer they gave, and the
// saved state of each lesson and module. Each version bump ships with its upgrade.
import Dexie, { type EntityTable } from 'dexie';
import type { Role } from '../engine/contentSchema';

export interface LearnerProfile {
  id: 'learner';
  displayName?: string;
  role?: Role;
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
  contentVersion: number;
  snapshot: unknown;
  stepId: string;
  status: 'in-progress' | 'completed';
  updatedAt: number;
  /** Which open tab wrote this, so another tab on the same lesson can follow along. */
  writer?: string;
}

export interface ModuleProgressRecord {
  moduleId: string;
  contentVersion: number;
  snapshot: unknown;
  status: 'in-progress' | 'passed' | 'not-passed';
  updatedAt: number;
}

export class HeardDatabase extends Dexie {
  profile!: EntityTable<LearnerProfile, 'id'>;
  answers!: EntityTable<AnswerEvent, 'id'>;
  lessonProgress!: EntityTable<LessonProgressRecord, 'key'>;
  moduleProgress!: EntityTable<ModuleProgressRecord, 'moduleId'>;

  constructor(name = 'heard') {
    super(name);
    this.version(1).stores({
      profile: 'id',
      answers: '++id, moduleId, [moduleId+lessonId], at',
      lessonProgress: 'key, moduleId, updatedAt',
      moduleProgress: 'moduleId, updatedAt',
    });
  }
}

/** Identifies this tab among several open on the same device. */
export const THIS_TAB =
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());

export function lessonKey(moduleId: string, lessonId: string): string {
  return `${moduleId}/${lessonId}`;
}
