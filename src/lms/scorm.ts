// Talks to an LMS through the SCORM 1.2 (`API`) or SCORM 2004 (`API_1484_11`) run-time API:
// finds it, reports status, score, session time and one interaction per question, keeps
// exit = suspend until the course is passed, commits on every status change and when the page is
// hidden, and retries a commit the LMS refuses. Knows nothing about React or the database.
import type { CourseStatus } from './courseProgress';
import { encodeScormId, scormInteractionId } from './scormIds';

export type ScormVersion = '1.2' | '2004';

export interface Scorm12Api {
  LMSInitialize(parameter: ''): string;
  LMSFinish(parameter: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: ''): string;
  LMSGetLastError(): string;
}

export interface Scorm2004Api {
  Initialize(parameter: ''): string;
  Terminate(parameter: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(parameter: ''): string;
  GetLastError(): string;
}

export type FoundApi = { version: '1.2'; api: Scorm12Api } | { version: '2004'; api: Scorm2004Api };

type ApiWindow = Window & { API?: Scorm12Api; API_1484_11?: Scorm2004Api };

/** Reading a property of a window from another origin throws; treat it as not there. */
function apiIn(candidate: Window | null, preferred?: ScormVersion): FoundApi | null {
  try {
    const win = candidate as ApiWindow | null;
    if (!win) return null;
    const api2004 = preferred !== '1.2' ? win.API_1484_11 : undefined;
    if (api2004 && typeof api2004.Initialize === 'function') return { version: '2004', api: api2004 };
    const api12 = preferred !== '2004' ? win.API : undefined;
    if (api12 && typeof api12.LMSInitialize === 'function') return { version: '1.2', api: api12 };
  } catch {
    return null;
  }
  return null;
}

function searchUp(start: Window | null, preferred: ScormVersion | undefined, maxLevels: number): FoundApi | null {
  let current = start;
  for (let level = 0; current && level <= maxLevels; level += 1) {
    const found = apiIn(current, preferred);
    if (found) return found;
    let parent: Window | null = null;
    try {
      parent = current.parent;
    } catch {
      parent = null;
    }
    if (!parent || parent === current) break;
    current = parent;
  }
  return null;
}

/** Finds the LMS's API: this window and its parents (up to `maxLevels`), then the window that opened it. */
export function findScormApi(win: Window, preferred?: ScormVersion, maxLevels = 10): FoundApi | null {
  const found = searchUp(win, preferred, maxLevels);
  if (found) return found;
  let opener: Window | null = null;
  try {
    opener = win.opener as Window | null;
  } catch {
    opener = null;
  }
  return searchUp(opener, preferred, maxLevels);
}

/** One question answered, as the LMS records it. */
export interface Interaction {
  moduleId: string;
  lessonId: string;
  stepId: string;
  optionIds: string[];
  correct: boolean;
  at: number;
}

const pad = (value: number, width = 2) => String(Math.floor(value)).padStart(width, '0');

/** SCORM 1.2 CMITimespan, HHHH:MM:SS.SS. */
export function scorm12Timespan(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const centiseconds = Math.round((total % 1) * 100) % 100;
  return `${pad(total / 3600, 4)}:${pad((total % 3600) / 60)}:${pad(total % 60)}.${pad(centiseconds)}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration), e.g. PT1H2M3.5S. */
export function scorm2004Timespan(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secondsPart = Math.round((total % 60) * 100) / 100;
  return `PT${hours}H${minutes}M${secondsPart}S`;
}

export interface ScormSessionOptions {
  now?: () => number;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  /** Delays before each retry of a refused commit. */
  retryDelays?: number[];
}

/** What the LMS told the course at launch. */
export interface LaunchData {
  suspendData: string;
  location: string;
  learnerId: string;
}

export class ScormSession {
  readonly version: ScormVersion;
  private readonly found: FoundApi;
  private readonly now: () => number;
  private readonly schedule: (callback: () => void, ms: number) => unknown;
  private readonly retryDelays: number[];
  private startedAt = 0;
  private lastStatus = '';
  private interactionCount = 0;
  private retrying = false;
  private finished = false;
  /** Commits the LMS accepted, for tests and diagnostics. */
  commits = 0;

  constructor(found: FoundApi, options: ScormSessionOptions = {}) {
    this.found = found;
    this.version = found.version;
    this.now = options.now ?? (() => Date.now());
    this.schedule = options.setTimeout ?? ((callback, ms) => setTimeout(callback, ms));
    this.retryDelays = options.retryDelays ?? [1000, 2000, 4000, 8000, 16000, 30000];
  }

  private get(element12: string, element2004: string): string {
    const value =
      this.found.version === '1.2' ? this.found.api.LMSGetValue(element12) : this.found.api.GetValue(element2004);
    return typeof value === 'string' ? value : String(value ?? '');
  }

  private set(element12: string | null, element2004: string | null, value: string): void {
    if (this.found.version === '1.2' && element12) this.found.api.LMSSetValue(element12, value);
    if (this.found.version === '2004' && element2004) this.found.api.SetValue(element2004, value);
  }

  /** Opens the session and reads what the LMS kept from last time. */
  start(): LaunchData | null {
    const ok = this.found.version === '1.2' ? this.found.api.LMSInitialize('') : this.found.api.Initialize('');
    if (String(ok) !== 'true') return null;
    this.startedAt = this.now();
    this.interactionCount = Number(this.get('cmi.interactions._count', 'cmi.interactions._count')) || 0;
    this.lastStatus = this.statusKey();
    // Until the course is passed, leaving keeps the learner's place for next time.
    this.set('cmi.core.exit', 'cmi.exit', 'suspend');
    return {
      suspendData: this.get('cmi.suspend_data', 'cmi.suspend_data'),
      location: this.get('cmi.core.lesson_location', 'cmi.location'),
      learnerId: this.get('cmi.core.student_id', 'cmi.learner_id'),
    };
  }

  private statusKey(): string {
    return this.found.version === '1.2'
      ? this.get('cmi.core.lesson_status', '')
      : `${this.get('', 'cmi.completion_status')}/${this.get('', 'cmi.success_status')}`;
  }

  /** Reports the course's state; commits when the status changed. */
  report(status: CourseStatus, suspendData: string, location: string): void {
    if (this.finished) return;
    this.set('cmi.suspend_data', 'cmi.suspend_data', suspendData);
    if (location) this.set('cmi.core.lesson_location', 'cmi.location', location.slice(0, 255));
    // No final-looking grade before the end: the score is sent only once every lesson is finished,
    // so a gradebook never shows 100/100 after the first lesson.
    if (status.completed && status.scorePercent !== null) {
      this.set('cmi.core.score.min', 'cmi.score.min', '0');
      this.set('cmi.core.score.max', 'cmi.score.max', '100');
      this.set('cmi.core.score.raw', 'cmi.score.raw', String(status.scorePercent));
      this.set(null, 'cmi.score.scaled', String(status.scorePercent / 100));
    }
    if (this.found.version === '1.2') {
      const lessonStatus = status.completed ? (status.passed ? 'passed' : 'failed') : 'incomplete';
      this.set('cmi.core.lesson_status', null, lessonStatus);
    } else {
      this.set(null, 'cmi.completion_status', status.completed ? 'completed' : 'incomplete');
      this.set(null, 'cmi.success_status', status.completed ? (status.passed ? 'passed' : 'failed') : 'unknown');
    }
    // SCORM 2004 keeps exit = suspend even after a pass: "normal" ends the attempt, and an LMS then
    // starts the next launch afresh (Moodle resets cmi.total_time to that one short session).
    this.set('cmi.core.exit', null, status.passed ? '' : 'suspend');
    this.set(null, 'cmi.exit', 'suspend');
    const statusKey = this.statusKey();
    if (statusKey !== this.lastStatus) {
      this.lastStatus = statusKey;
      this.commit();
    }
  }

  /** Records one answered question as a new interaction. */
  recordInteraction(interaction: Interaction): void {
    if (this.finished) return;
    const n = this.interactionCount;
    this.interactionCount += 1;
    const at = new Date(interaction.at);
    // Ids in the character set the strictest LMS accepts (see scormIds.ts), in both versions.
    const id = scormInteractionId(interaction.moduleId, interaction.lessonId, interaction.stepId);
    const responses = interaction.optionIds.map(encodeScormId);
    if (this.found.version === '1.2') {
      const prefix = `cmi.interactions.${n}.`;
      this.set(`${prefix}id`, null, id);
      this.set(`${prefix}type`, null, 'choice');
      this.set(`${prefix}student_response`, null, responses.join(','));
      this.set(`${prefix}result`, null, interaction.correct ? 'correct' : 'wrong');
      this.set(`${prefix}time`, null, at.toISOString().slice(11, 19));
    } else {
      const prefix = `cmi.interactions.${n}.`;
      this.set(null, `${prefix}id`, id);
      this.set(null, `${prefix}type`, 'choice');
      this.set(null, `${prefix}timestamp`, at.toISOString().slice(0, 19));
      this.set(null, `${prefix}learner_response`, responses.join('[,]'));
      this.set(null, `${prefix}result`, interaction.correct ? 'correct' : 'incorrect');
    }
  }

  /** Only the session's own time: the LMS adds it to cmi.total_time, which the course never writes. */
  private setSessionTime(): void {
    const elapsed = this.now() - this.startedAt;
    this.set('cmi.core.session_time', null, scorm12Timespan(elapsed));
    this.set(null, 'cmi.session_time', scorm2004Timespan(elapsed));
  }

  /** Commits now; if the LMS refuses, tries again later with growing waits. */
  commit(): boolean {
    if (this.finished) return false;
    const ok = this.found.version === '1.2' ? this.found.api.LMSCommit('') : this.found.api.Commit('');
    if (String(ok) === 'true') {
      this.commits += 1;
      return true;
    }
    this.retryLater(0);
    return false;
  }

  private retryLater(attempt: number): void {
    if (this.retrying || attempt >= this.retryDelays.length) return;
    this.retrying = true;
    this.schedule(() => {
      this.retrying = false;
      if (this.finished) return;
      const ok = this.found.version === '1.2' ? this.found.api.LMSCommit('') : this.found.api.Commit('');
      if (String(ok) === 'true') this.commits += 1;
      else this.retryLater(attempt + 1);
    }, this.retryDelays[attempt] as number);
  }

  /** The page was hidden: the learner may not come back, so save everything now. */
  saveNow(): void {
    if (this.finished) return;
    this.setSessionTime();
    this.commit();
  }

  /** The page is going away: save and end the session. */
  finish(): void {
    if (this.finished) return;
    this.saveNow();
    this.finished = true;
    if (this.found.version === '1.2') this.found.api.LMSFinish('');
    else this.found.api.Terminate('');
  }
}
