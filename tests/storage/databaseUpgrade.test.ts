import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { HeardDatabase, SCHEMA_V1 } from '../../src/storage/database';

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
