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

/** cmi.core.exit is write-only for content; the LMS's own record shows it. */
const exit12 = (api: Scorm12API) => (api.renderCMIToJSONObject() as { cmi: { core: { exit: string } } }).cmi.core.exit;

const inProgress: CourseStatus = { started: true, completed: false, passed: false, scorePercent: 50 };
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
    expect(api.LMSGetValue('cmi.core.score.raw')).toBe('50');
    expect(api.LMSGetValue('cmi.core.score.min')).toBe('0');
    expect(api.LMSGetValue('cmi.core.score.max')).toBe('100');
    expect(scorm.commits).toBe(1);
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
      id: 'orientation.start-here.q',
      optionIds: ['a', 'b'],
      correct: false,
      at: Date.UTC(2026, 0, 1, 9, 5, 7),
    });
    scorm.finish();
    const cmi = api.renderCMIToJSONObject() as { cmi: { interactions: Record<string, Record<string, string>> } };
    expect(cmi.cmi.interactions['0']).toMatchObject({
      id: 'orientation.start-here.q',
      type: 'choice',
      student_response: 'a,b',
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
    scorm.recordInteraction({ id: 'adultification.mia.q', optionIds: ['x'], correct: true, at: 0 });
    scorm.report(passed, 'H1-|x', '/');
    expect(api.GetValue('cmi.completion_status')).toBe('completed');
    expect(api.GetValue('cmi.success_status')).toBe('passed');
    expect(api.GetValue('cmi.score.scaled')).toBe('0.9');
    expect(api.GetValue('cmi.interactions.0.learner_response')).toBe('x');
    expect(api.GetValue('cmi.interactions.0.result')).toBe('correct');
    scorm.finish();
    const cmi = api.renderCMIToJSONObject() as { cmi: { exit: string } };
    expect(cmi.cmi.exit).toBe('normal');
  });
});
