import { Scorm12API } from 'scorm-again';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/content/catalog';
import { startLms } from '../../src/lms/startLms';
import { encodeProgress } from '../../src/lms/progressCodec';
import { nearlyFinishedProgress } from '../fixtures/courseWalk';

const catalog = loadCatalog();
type LmsWindow = Window & { API?: unknown };

function lmsWith(saved: Record<string, unknown>) {
  const api = new Scorm12API({ logLevel: 5 });
  api.loadFromJSON(saved);
  (window as LmsWindow).API = api;
  return api;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

afterEach(() => {
  delete (window as LmsWindow).API;
  window.location.hash = '';
});

describe('starting inside an LMS', () => {
  it('restores the course from suspend_data into a database of its own for this learner', async () => {
    const suspendData = encodeProgress(
      catalog.modules,
      catalog.mythIds,
      nearlyFinishedProgress(catalog.modules, { moduleId: 'orientation', lessonId: 'start-here' }),
    );
    const api = lmsWith({ suspend_data: suspendData, core: { student_id: 'learner-1' } });
    const { db, problem } = await startLms(window, catalog, { lrs: null });
    expect(problem).toBeNull();
    expect(db.name).toMatch(/^heard-lms-[0-9a-f]{16}$/);
    expect(db.name).not.toContain('learner-1');
    expect(await db.moduleProgress.get('adultification')).toMatchObject({ status: 'passed' });
    expect(await db.lessonProgress.get('orientation/start-here')).toBeUndefined();
    await settle();
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
    expect(api.LMSGetValue('cmi.suspend_data')).toBe(suspendData);
    db.close();
  });

  it('leaves progress it cannot read untouched in the LMS, and says so', async () => {
    const api = lmsWith({ suspend_data: 'H7 progress from a newer version', core: { student_id: 'learner-2' } });
    const { db, problem } = await startLms(window, catalog, { lrs: null });
    expect(problem).toBe('unreadable-progress');
    await db.lessonProgress.put({
      key: 'orientation/start-here',
      moduleId: 'orientation',
      lessonId: 'start-here',
      contentVersion: 1,
      snapshot: {},
      stepId: 'x',
      status: 'in-progress',
      updatedAt: 1,
    });
    await settle();
    expect(api.LMSGetValue('cmi.suspend_data')).toBe('H7 progress from a newer version');
    db.close();
  });

  it('keeps lesson_location on the page the learner is on, after every pushState and replaceState', async () => {
    const api = lmsWith({ core: { student_id: 'learner-3' } });
    const { db } = await startLms(window, catalog, { lrs: null });
    await settle();
    window.history.pushState({}, '', '#/modules/adultification');
    await settle();
    expect(api.LMSGetValue('cmi.core.lesson_location')).toBe('/modules/adultification');
    window.history.replaceState({}, '', '#/certificates');
    await settle();
    expect(api.LMSGetValue('cmi.core.lesson_location')).toBe('/certificates');
    db.close();
  });

  it('still runs when no LMS can be found, and says so', async () => {
    const { db, problem } = await startLms(window, catalog, { lrs: null });
    expect(problem).toBe('no-lms');
    db.close();
  });
});
