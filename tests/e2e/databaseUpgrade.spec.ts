// A learner who used an earlier version of the course: their database was made by version 1, 2 or 3
// of the schema (every version before the current one), with data in every store and lesson snapshots from the old machine (which carried
// the lesson graph and a `correct` flag). In Chromium, the course opens it, upgrades it, resumes the
// lesson at the same step on the current content, and keeps the pass.
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import type { Dexie as DexieDatabase } from 'dexie';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../src/storage/database';
import { placeOf, playLesson } from '../fixtures/courseWalk';
import { interfaceWords, loadModule } from './course';

// The old data is written with Dexie itself, as the earlier course did; the page's CSP would block
// the injected library, so this file's pages skip it.
test.use({ bypassCSP: true });
const dexiePath = createRequire(import.meta.url).resolve('dexie/dist/dexie.js');
const ui = interfaceWords('en');

for (const version of [1, 2, 3] as const) {
  test(`a database from schema version ${version}, with data in every store, opens and resumes`, async ({ page }) => {
    const { courseModule } = loadModule('adultification');
    const lesson = courseModule.lessons[0]!;
    const place = placeOf(playLesson(lesson, 'police', 5, 'right'));
    // The old machine's snapshot: the lesson itself in the context, and answers flagged right or wrong.
    const legacySnapshot = {
      status: 'active',
      value: place.value,
      historyValue: {},
      children: {},
      context: {
        ...place.context,
        seed: undefined,
        lesson,
        answers: place.context.answers.map(({ stepId, optionIds }) => ({ stepId, optionIds, correct: true })),
        showOtherExplanations: false,
      },
    };
    await page.goto('/neutral.html');
    await page.addScriptTag({ path: dexiePath });
    await page.evaluate(
      async ({ version, schemas, lessonId, legacySnapshot }) => {
        const Dexie = (window as unknown as { Dexie: new (name: string) => DexieDatabase }).Dexie;
        const db = new Dexie('heard');
        db.version(1).stores(schemas.v1);
        if (version >= 2) db.version(2).stores(schemas.v2);
        if (version >= 3) db.version(3).stores(schemas.v3);
        await db.open();
        await db.table('profile').put({ id: 'learner', displayName: 'Sam', role: 'police' });
        await db.table('answers').add({
          moduleId: 'adultification',
          lessonId,
          stepId: legacySnapshot.context.stepId,
          optionIds: ['x'],
          correct: true,
          at: 1,
        });
        await db.table('lessonProgress').put({
          key: `adultification/${lessonId}`,
          moduleId: 'adultification',
          lessonId,
          contentVersion: 1,
          snapshot: legacySnapshot,
          stepId: legacySnapshot.context.stepId,
          status: 'in-progress',
          updatedAt: Date.now(),
        });
        // Passed under an older hand-kept version of the content: it must stay passed.
        await db.table('moduleProgress').put({
          moduleId: 'orientation',
          contentVersion: 1,
          snapshot: { value: 'passed', context: { results: {}, passedAt: 5 } },
          status: 'passed',
          updatedAt: 2,
        });
        if (version >= 2) {
          const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
            'sign',
            'verify',
          ]);
          await db.table('deviceKeys').put({ id: 'device', ...keys, createdAt: 3 });
          await db
            .table('certificates')
            .put({ id: 'c1', moduleIds: ['orientation'], code: 'x', issuedAt: '2026-01-01', refreshBy: '2029-01-01' });
        }
        if (version >= 3) {
          await db.table('assignments').put({ id: 'a1', code: 'x', importedAt: 4 });
          await db.table('trainerAssignments').put({ id: 't1', code: 'x', createdAt: 4 });
          await db.table('receipts').put({ id: 'r1', assignmentId: 't1', code: 'x', importedAt: 4 });
          await db.table('statementQueue').add({ statementId: 's1', statement: {}, attempts: 0, queuedAt: 4 });
        }
        db.close();
      },
      { version, schemas: { v1: SCHEMA_V1, v2: SCHEMA_V2, v3: SCHEMA_V3 }, lessonId: lesson.id, legacySnapshot },
    );

    await page.goto(`/modules/adultification/lessons/${lesson.id}`);
    await expect(page.locator(`.lesson[data-step-id="${place.context.stepId}"]`)).toHaveAttribute(
      'data-state',
      place.value,
    );
    await page.goto('/');
    await expect(page.getByText(ui['status.passed'], { exact: true }).first()).toBeVisible();
    // A page that opens the database through Dexie, which upgrades it: the profile is still there.
    await page.goto('/profile');
    await expect(page.getByRole('textbox', { name: ui['profile.displayName'] })).toHaveValue('Sam');
    const after = await page.evaluate(
      () =>
        new Promise<{ version: number; stores: string[]; counts: Record<string, number> }>((resolve, reject) => {
          const request = indexedDB.open('heard');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const database = request.result;
            database.onversionchange = () => database.close();
            const stores = [...database.objectStoreNames];
            const transaction = database.transaction(stores);
            const counts: Record<string, number> = {};
            for (const store of stores) {
              const read = transaction.objectStore(store).count();
              read.onsuccess = () => (counts[store] = read.result);
            }
            transaction.oncomplete = () => {
              resolve({ version: database.version, stores, counts });
              database.close();
            };
          };
        }),
    );
    // Dexie reports its schema version times ten: version 4 added the trainer's LRS cache.
    expect(after.version).toBe(40);
    expect(after.stores).toEqual(expect.arrayContaining(['statementQueue', 'receipts', 'assignments', 'lrs']));
    // Nothing written before the upgrade is lost.
    expect(after.counts).toMatchObject({
      profile: 1,
      answers: 1,
      moduleProgress: 1,
      certificates: version >= 2 ? 1 : 0,
      assignments: version >= 3 ? 1 : 0,
      trainerAssignments: version >= 3 ? 1 : 0,
      receipts: version >= 3 ? 1 : 0,
      statementQueue: version >= 3 ? 1 : 0,
    });
  });
}
