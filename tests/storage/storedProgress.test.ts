import { describe, expect, it } from 'vitest';
import { HeardDatabase } from '../../src/storage/database';
import { saveLesson } from '../../src/storage/progressStore';
import { readStoredProgress, storageWorks } from '../../src/storage/storedProgress';
import { practiceModule } from '../fixtures/practiceModule';

const uniqueName = () => `stored-${Math.random()}`;

describe('reading saved progress without Dexie', () => {
  it('finds nothing, and creates nothing, when the learner has never saved', async () => {
    const name = uniqueName();
    expect(await readStoredProgress(name)).toEqual({
      ok: true,
      progress: { lessonProgress: [], moduleProgress: [], certificates: [], assignments: [], profile: [] },
    });
    expect((await indexedDB.databases()).map((database) => database.name)).not.toContain(name);
    const db = new HeardDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((table) => table.name)).toContain('assignments');
  });

  it('reads what Dexie saved, and does not stop Dexie opening the database afterwards', async () => {
    const db = new HeardDatabase(uniqueName());
    await saveLesson(db, practiceModule, practiceModule.lessons[0], { value: 'x' }, 'age', false, 10);
    db.close();
    const result = await readStoredProgress(db.name);
    if (!result.ok) throw new Error('blocked');
    expect(result.progress.lessonProgress).toMatchObject([{ key: 'practice/basics', stepId: 'age' }]);
    await db.open();
    expect(await db.lessonProgress.count()).toBe(1);
  });

  it('reports blocked storage instead of throwing', async () => {
    const throwing = {
      open: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    } as unknown as IDBFactory;
    expect(await readStoredProgress('any', throwing)).toEqual({ ok: false });
    expect(await readStoredProgress('any', null)).toEqual({ ok: false });
    expect(await storageWorks('any', throwing)).toBe(false);
    expect(await storageWorks(uniqueName())).toBe(true);
  });
});
