import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it, vi } from 'vitest';
import {
  findScormApi,
  scorm12Timespan,
  scorm2004Timespan,
  ScormSession,
  type Scorm12Api,
  type Scorm2004Api,
} from '../../src/lms/scorm';
import type { CourseStatus } from '../../src/lms/courseProgress';
import { loadCatalog } from '../../src/content/catalog';
import {
  decodeScormId,
  encodeScormId,
  MOODLE_IDENTIFIER,
  parseScormInteractionId,
  scormInteractionId,
} from '../../src/lms/scormIds';
import fc from 'fast-check';

/** cmi.core.exit is write-only for content; the LMS's own record shows it. */
const exit12 = (api: Scorm12API) => (api.renderCMIToJSONObject() as { cmi: { core: { exit: string } } }).cmi.core.exit;

const inProgress: CourseStatus = { started: true, completed: false, passed: false, scorePercent: 50 };
const failed: CourseStatus = { started: true, completed: true, passed: false, scorePercent: 40 };
const passed: CourseStatus = { started: true, completed: true, passed: true, scorePercent: 90 };

function frameChain(top: Record<string, unknown>, depth: number): Window {
  const topWindow = { ...top } as unknown as Window & { parent: Window };
  topWindow.parent = topWindow;
  let current: Window = topWindow;
  for (let level = 0; level < depth; level += 1) current = { parent: current } as unknown as Window;
  return current;
}

describe('finding the LMS API', () => {
  it('looks up the chain of parent frames and prefers SCORM 2004', () => {
    const api12 = new Scorm12API({ logLevel: 5 });
    const api2004 = new Scorm2004API({ logLevel: 5 });
    expect(findScormApi(frameChain({ API: api12 }, 3))?.version).toBe('1.2');
    expect(findScormApi(frameChain({ API: api12, API_1484_11: api2004 }, 2))?.version).toBe('2004');
    expect(findScormApi(frameChain({ API: api12, API_1484_11: api2004 }, 2), '1.2')?.version).toBe('1.2');
  });

  it('gives up beyond the level limit, then tries the window that opened the course', () => {
    expect(findScormApi(frameChain({ API: new Scorm12API({ logLevel: 5 }) }, 5), undefined, 3)).toBeNull();
    const opened = { parent: null, opener: frameChain({ API: new Scorm12API({ logLevel: 5 }) }, 1) };
    opened.parent = opened as never;
    expect(findScormApi(opened as unknown as Window)?.version).toBe('1.2');
  });

  it('skips a parent from another origin instead of failing', () => {
    const foreign = {};
    Object.defineProperty(foreign, 'API', {
      get() {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    Object.defineProperty(foreign, 'parent', { get: () => foreign });
    expect(findScormApi({ parent: foreign } as unknown as Window)).toBeNull();
  });
});

describe('SCORM time formats', () => {
  it('writes session time the way each version expects', () => {
    expect(scorm12Timespan(3_723_450)).toBe('0001:02:03.45');
    expect(scorm2004Timespan(3_723_450)).toBe('PT1H2M3.45S');
    expect(scorm12Timespan(-5)).toBe('0000:00:00.00');
  });
});

describe('a SCORM 1.2 session (scorm-again as the LMS)', () => {
  function session(api = new Scorm12API({ logLevel: 5 }), now = () => 1_000_000) {
    return { api, session: new ScormSession({ version: '1.2', api: api as unknown as Scorm12Api }, { now }) };
  }

  it('reads the saved place and leaves exit = suspend while the course is unfinished', () => {
    const api = new Scorm12API({ logLevel: 5 });
    api.loadFromJSON({ suspend_data: 'H1-|1', core: { lesson_location: '/modules/orientation', student_id: 'x9' } });
    const { session: scorm } = session(api);
    expect(scorm.start()).toEqual({ suspendData: 'H1-|1', location: '/modules/orientation', learnerId: 'x9' });
    scorm.report(inProgress, 'H1-|2', '/modules/adultification');
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
    expect(exit12(api)).toBe('suspend');
    expect(api.LMSGetValue('cmi.suspend_data')).toBe('H1-|2');
    // No score before the end: a half-done course has no final-looking grade.
    expect(api.LMSGetValue('cmi.core.score.raw')).toBe('');
    expect(scorm.commits).toBe(1);
    scorm.report(failed, 'H1-|3', '/modules/adultification');
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('failed');
    expect(api.LMSGetValue('cmi.core.score.raw')).toBe('40');
    expect(api.LMSGetValue('cmi.core.score.min')).toBe('0');
    expect(api.LMSGetValue('cmi.core.score.max')).toBe('100');
  });

  it('commits on a status change only, and clears exit once the course is passed', () => {
    const { api, session: scorm } = session();
    scorm.start();
    scorm.report(inProgress, 'a', '');
    scorm.report({ ...inProgress, scorePercent: 60 }, 'b', '');
    expect(scorm.commits).toBe(1);
    scorm.report(passed, 'c', '');
    expect(scorm.commits).toBe(2);
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('passed');
    expect(exit12(api)).toBe('');
  });

  it('records one interaction per answer with the chosen options', () => {
    const { api, session: scorm } = session();
    scorm.start();
    scorm.recordInteraction({
      moduleId: 'orientation',
      lessonId: 'start-here',
      stepId: 'q',
      optionIds: ['a', 'b-c'],
      correct: false,
      at: Date.UTC(2026, 0, 1, 9, 5, 7),
    });
    scorm.finish();
    const cmi = api.renderCMIToJSONObject() as { cmi: { interactions: Record<string, Record<string, string>> } };
    expect(cmi.cmi.interactions['0']).toMatchObject({
      id: 'orientation.start_dhere.q',
      type: 'choice',
      student_response: 'a,b_dc',
      result: 'wrong',
      time: '09:05:07',
    });
  });

  it('retries a commit the LMS refused, waiting longer each time', () => {
    const results = ['false', 'false', 'true'];
    const api = new Scorm12API({ logLevel: 5 });
    const commit = vi.spyOn(api, 'LMSCommit').mockImplementation(() => results.shift() ?? 'true');
    const waits: number[] = [];
    const pending: (() => void)[] = [];
    const scorm = new ScormSession(
      { version: '1.2', api: api as unknown as Scorm12Api },
      { retryDelays: [10, 20, 40], setTimeout: (callback, ms) => (waits.push(ms), pending.push(callback)) },
    );
    scorm.start();
    expect(scorm.commit()).toBe(false);
    while (pending.length > 0) pending.shift()?.();
    expect(waits).toEqual([10, 20]);
    expect(commit).toHaveBeenCalledTimes(3);
    expect(scorm.commits).toBe(1);
  });

  it('saves the session time when the page is hidden and finishes when it goes away', () => {
    let clock = 0;
    const { api, session: scorm } = session(undefined, () => clock);
    scorm.start();
    clock = 65_000;
    scorm.saveNow();
    expect(api.LMSGetValue('cmi.core.session_time')).toBe('');
    const finish = vi.spyOn(api, 'LMSFinish');
    scorm.finish();
    expect(finish).toHaveBeenCalledOnce();
    const cmi = api.renderCMIToJSONObject() as { cmi: { core: { session_time: string } } };
    expect(cmi.cmi.core.session_time).toBe('00:01:05');
  });
});

describe('a SCORM 2004 session (scorm-again as the LMS)', () => {
  it('reports completion and success separately, with a scaled score and interactions', () => {
    const api = new Scorm2004API({ logLevel: 5 });
    const scorm = new ScormSession({ version: '2004', api: api as unknown as Scorm2004Api });
    scorm.start();
    scorm.report(inProgress, 'H1-', '/');
    expect(api.GetValue('cmi.completion_status')).toBe('incomplete');
    expect(api.GetValue('cmi.success_status')).toBe('unknown');
    expect((api.renderCMIToJSONObject() as { cmi: { exit: string } }).cmi.exit).toBe('suspend');
    scorm.recordInteraction({
      moduleId: 'adultification',
      lessonId: 'mia',
      stepId: 'q',
      optionIds: ['x', 'car-at-night'],
      correct: true,
      at: 0,
    });
    scorm.report(passed, 'H1-|x', '/');
    expect(api.GetValue('cmi.completion_status')).toBe('completed');
    expect(api.GetValue('cmi.success_status')).toBe('passed');
    expect(api.GetValue('cmi.score.scaled')).toBe('0.9');
    expect(api.GetValue('cmi.interactions.0.learner_response')).toBe('x[,]car_dat_dnight');
    expect(api.GetValue('cmi.interactions.0.result')).toBe('correct');
    scorm.finish();
    const cmi = api.renderCMIToJSONObject() as { cmi: { exit: string } };
    // Still suspend after the pass, so the next launch resumes the same attempt and the LMS keeps
    // adding to cmi.total_time instead of starting again from one short session.
    expect(cmi.cmi.exit).toBe('suspend');
  });

  it('never writes cmi.total_time, only the session time, in a later session after a pass', () => {
    const api = new Scorm2004API({ logLevel: 5 });
    api.loadFromJSON({ completion_status: 'completed', success_status: 'passed', total_time: 'PT1H0M0S' });
    const setValue = vi.spyOn(api, 'SetValue');
    let clock = 0;
    const scorm = new ScormSession({ version: '2004', api: api as unknown as Scorm2004Api }, { now: () => clock });
    scorm.start();
    scorm.report(passed, 'H1-|x', '/');
    clock = 90_000;
    scorm.finish();
    const written = setValue.mock.calls.map(([element]) => element);
    expect(written).toContain('cmi.session_time');
    expect(written).not.toContain('cmi.total_time');
    const cmi = api.renderCMIToJSONObject() as { cmi: { exit: string; session_time: string } };
    expect(cmi.cmi).toMatchObject({ exit: 'suspend', session_time: 'PT0H1M30S' });
  });
});

describe('SCORM identifiers the strictest LMS accepts', () => {
  const catalog = loadCatalog();

  it('maps any id to Moodle’s character set and back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (id) => {
        const encoded = encodeScormId(id);
        if (id.length > 0) expect(encoded).toMatch(MOODLE_IDENTIFIER);
        expect(decodeScormId(encoded)).toBe(id);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 3, maxLength: 3 }), (parts) => {
        const [moduleId, lessonId, stepId] = parts as [string, string, string];
        expect(parseScormInteractionId(scormInteractionId(moduleId, lessonId, stepId))).toEqual({
          moduleId,
          lessonId,
          stepId,
        });
      }),
    );
    expect(decodeScormId('a-b')).toBeNull();
    expect(decodeScormId('a_q')).toBeNull();
    expect(parseScormInteractionId('only.two')).toBeNull();
  });

  it('writes every question and option of the course as ids and responses SCORM 2004 in Moodle accepts', () => {
    const api = new Scorm2004API({ logLevel: 5 });
    const setValue = vi.spyOn(api, 'SetValue');
    const scorm = new ScormSession({ version: '2004', api: api as unknown as Scorm2004Api });
    scorm.start();
    let count = 0;
    for (const courseModule of catalog.modules) {
      for (const lesson of courseModule.lessons) {
        for (const step of lesson.steps) {
          if (step.kind !== 'question' && step.kind !== 'scenario') continue;
          scorm.recordInteraction({
            moduleId: courseModule.id,
            lessonId: lesson.id,
            stepId: step.id,
            optionIds: step.options.map((option) => option.id),
            correct: true,
            at: 0,
          });
          const id = api.GetValue(`cmi.interactions.${count}.id`);
          const response = api.GetValue(`cmi.interactions.${count}.learner_response`);
          expect(id).toMatch(MOODLE_IDENTIFIER);
          for (const part of response.split('[,]')) expect(part).toMatch(MOODLE_IDENTIFIER);
          expect(parseScormInteractionId(id)).toEqual({
            moduleId: courseModule.id,
            lessonId: lesson.id,
            stepId: step.id,
          });
          expect(response.split('[,]').map(decodeScormId)).toEqual(step.options.map((option) => option.id));
          count += 1;
        }
      }
    }
    expect(count).toBeGreaterThan(40);
    expect(api.GetValue('cmi.interactions._count')).toBe(String(count));
    expect(setValue.mock.results.every((result) => result.value === 'true')).toBe(true);
  });
});
