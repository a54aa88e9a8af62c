import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { HeardDatabase, SCHEMA_V1, SCHEMA_V2 } from '../../src/storage/database';
import { loadLesson } from '../../src/storage/lessonStep';
import { readModuleProgress } from '../../src/storage/progressStore';
import { practiceModule } from '../fixtures/practiceModule';

describe('database upgrades', () => {
  it('opens a version 1 database and finds all its data', async () => {
    const name = `upgrade-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.table('profile').put({ id: 'learner', displayName: 'Sam', role: 'police' });
    await old
      .table('answers')
      .add({ moduleId: 'm', lessonId: 'l', stepId: 's', optionIds: ['a'], correct: true, at: 1 });
    await old.table('lessonProgress').put({
      key: 'm/l',
      moduleId: 'm',
      lessonId: 'l',
      contentVersion: 1,
      snapshot: { value: 'reading' },
      stepId: 's',
      status: 'in-progress',
      updatedAt: 2,
    });
    await old
      .table('moduleProgress')
      .put({ moduleId: 'm', contentVersion: 1, snapshot: {}, status: 'in-progress', updatedAt: 3 });
    old.close();

    const db = new HeardDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.profile.get('learner')).toMatchObject({ displayName: 'Sam', role: 'police' });
    expect(await db.answers.count()).toBe(1);
    expect(await db.lessonProgress.get('m/l')).toMatchObject({ stepId: 's', status: 'in-progress' });
    expect(await db.moduleProgress.get('m')).toMatchObject({ updatedAt: 3 });
    expect(await db.certificates.count()).toBe(0);
    expect(await db.assignments.count()).toBe(0);
    expect(await db.statementQueue.count()).toBe(0);
    expect(await db.lrs.count()).toBe(0);
  });

  it('opens a version 3 database with receipts, keeps them and adds the LRS cache', async () => {
    const name = `upgrade-v3-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(3).stores({
      ...SCHEMA_V1,
      deviceKeys: 'id',
      certificates: 'id, issuedAt, *moduleIds',
      assignments: 'id, importedAt',
      trainerAssignments: 'id, createdAt',
      receipts: 'id, assignmentId, importedAt',
      statementQueue: '++seq, &statementId',
    });
    await old.open();
    await old.table('receipts').put({ id: 'r1', assignmentId: 'a', code: 'x', importedAt: 1 });
    old.close();
    const db = new HeardDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.receipts.get('r1')).toMatchObject({ assignmentId: 'a' });
    await db.lrs.put({ id: 'src|sync', kind: 'sync', source: 'src', data: { since: null } });
    expect(await db.lrs.where('[source+kind]').equals(['src', 'sync']).count()).toBe(1);
    db.close();
  });
});

describe('database upgrades from version 2, and progress saved before content hashes', () => {
  it('opens a version 2 database with data in every store and finds all of it', async () => {
    const name = `upgrade-v2-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    await old.table('profile').put({ id: 'learner', displayName: 'Sam', role: 'health' });
    await old
      .table('answers')
      .add({ moduleId: 'practice', lessonId: 'basics', stepId: 'age', optionIds: ['child'], correct: true, at: 1 });
    // A lesson saved by the old machine: its snapshot carried the lesson graph and a `correct` flag.
    const legacySnapshot = {
      status: 'active',
      value: 'feedback',
      historyValue: {},
      children: {},
      context: {
        lesson: { id: 'basics', start: 'intro', steps: [] },
        role: null,
        stepId: 'age',
        visited: ['intro', 'age'],
        answers: [{ stepId: 'age', optionIds: ['child'], correct: true }],
        showOtherExplanations: false,
      },
    };
    await old.table('lessonProgress').put({
      key: 'practice/basics',
      moduleId: 'practice',
      lessonId: 'basics',
      contentVersion: 1,
      snapshot: legacySnapshot,
      stepId: 'age',
      status: 'in-progress',
      updatedAt: 2,
    });
    await old.table('moduleProgress').put({
      moduleId: 'practice',
      contentVersion: 1,
      snapshot: {
        value: 'passed',
        context: { results: { basics: { correct: 2, total: 2, myths: [], completedAt: 5 } }, passedAt: 5 },
      },
      status: 'passed',
      updatedAt: 3,
    });
    await old.table('deviceKeys').put({ id: 'device', privateKey: 'stand-in', publicKey: 'stand-in', createdAt: 4 });
    await old
      .table('certificates')
      .put({ id: 'c1', moduleIds: ['practice'], code: 'x', issuedAt: '2026-01-01', refreshBy: '2029-01-01' });
    old.close();

    const db = new HeardDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.profile.get('learner')).toMatchObject({ role: 'health' });
    expect(await db.answers.count()).toBe(1);
    expect(await db.deviceKeys.get('device')).toMatchObject({ createdAt: 4 });
    expect(await db.certificates.where('moduleIds').equals('practice').count()).toBe(1);
    // The old lesson snapshot resumes on the current lesson, answer kept, judged by the current content.
    const restored = await loadLesson(db, practiceModule, practiceModule.lessons[0]!);
    // Replayed on the current lesson, it lands exactly where it was.
    expect(restored.kind).toBe('same');
    if (restored.kind === 'same') {
      expect(restored.snapshot.value).toBe('feedback');
      expect(restored.snapshot.context.answers).toMatchObject([{ stepId: 'age', optionIds: ['child'] }]);
      expect(JSON.stringify(restored.snapshot)).not.toContain('correct');
    }
    // The pass made under the old hand-kept version stays a pass.
    expect((await readModuleProgress(db, practiceModule)).status).toBe('passed');
    db.close();
  });
});
