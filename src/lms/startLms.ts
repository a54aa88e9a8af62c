// Starts Heard inside an LMS (the SCORM package) or from a cmi5 launch. Loaded only by those
// builds and launches, never by the standalone app. It restores the learner's place from the
// LMS, then watches the database and tells the LMS (and an xAPI endpoint, when there is one)
// about every answer, status change and departure.
import { liveQuery } from 'dexie';
import type { Catalog } from '../content/catalog';
import { HeardDatabase, type AnswerEvent } from '../storage/database';
import { courseStatus, readCourseProgress, restoreCourseProgress, type CourseStatus } from './courseProgress';
import { decodeProgress, encodeProgress, type CourseProgress } from './progressCodec';
import type { Nation } from '../engine/contentSchema';
import { findScormApi, ScormSession } from './scorm';

/** Anything else that wants to hear about the learner's progress (the xAPI sender). */
/** The nation a lesson is being taken for (its saved place says), so records carry the path taken. */
function lessonNation(progress: CourseProgress, moduleId: string, lessonId: string): Nation | null {
  return progress.lessons[moduleId]?.[lessonId]?.context.nation ?? null;
}

/** A module's nation: that of its lessons (the first that records one). */
function moduleNation(progress: CourseProgress, moduleId: string): Nation | null {
  return Object.values(progress.lessons[moduleId] ?? {}).find((place) => place.context.nation)?.context.nation ?? null;
}

export interface ProgressListener {
  /** `nation`: the nation the lesson is taken for, when known (records carry the path taken). */
  answered(answer: AnswerEvent, nation?: Nation | null): void;
  lessonFinished(lesson: {
    moduleId: string;
    lessonId: string;
    correct: number;
    total: number;
    nation?: Nation | null;
  }): void;
  moduleFinished(
    moduleId: string,
    status: 'passed' | 'not-passed',
    score: { correct: number; total: number },
    nation?: Nation | null,
  ): void;
  courseCompleted(status: CourseStatus): void;
  leaving(): void;
}

export interface LmsStart {
  db: HeardDatabase;
  /** A plain-words problem to show the learner, if any. */
  problem: 'no-lms' | 'unreadable-progress' | null;
}

async function learnerHash(learnerId: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`heard-lms:${learnerId}`));
  return [...new Uint8Array(digest)]
    .slice(0, 8)
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
}

/** A cmi5 LMS launches the course with these in the URL. */
function isCmi5Launch(win: Window): boolean {
  const params = new URLSearchParams(win.location.search);
  return ['endpoint', 'fetch', 'actor', 'registration', 'activityId'].every((name) => params.get(name));
}

/** The route the learner is on, from the hash history's URL. */
function currentRoute(win: Window): string {
  const route = win.location.hash.replace(/^#/, '');
  return route.startsWith('/') ? route : '';
}

/**
 * The xAPI endpoint an administrator gave at package time (npm run package:scorm -- --lrs ...).
 * No credential: anything in a package is readable by every learner, so the endpoint is the
 * organisation's statement relay, which authenticates the learner its own way and holds the LRS's
 * credential (cmi5, with the LMS's launch token, is the recommended route).
 */
export interface PackagedLrs {
  endpoint: string;
  activityId: string;
  /** The organisation's key for the keyed pseudonym (HMAC), or '' for a plain hash. */
  pseudonymKey: string;
}

function packagedLrs(): PackagedLrs | null {
  const endpoint = import.meta.env.VITE_HEARD_XAPI_ENDPOINT as string | undefined;
  if (!endpoint) return null;
  return {
    endpoint,
    activityId: (import.meta.env.VITE_HEARD_XAPI_ACTIVITY as string | undefined) || 'urn:x-heard:course',
    pseudonymKey: (import.meta.env.VITE_HEARD_XAPI_PSEUDONYM_KEY as string | undefined) ?? '',
  };
}

async function xapiListener(win: Window, db: HeardDatabase, lrs: PackagedLrs, learnerId: string) {
  const [{ XapiRecorder }, { pseudonymousActor }] = await Promise.all([
    import('./xapiRecorder'),
    import('./xapiStatements'),
  ]);
  const recorder = new XapiRecorder(db, {
    lrs: { endpoint: lrs.endpoint, authorization: '' },
    session: {
      actor: await pseudonymousActor(win.location.origin, learnerId, lrs.pseudonymKey),
      courseId: lrs.activityId,
    },
    sendInitialized: true,
  });
  win.addEventListener('online', () => recorder.online());
  return recorder;
}

export async function startLms(
  win: Window,
  catalog: Catalog,
  options: { listeners?: ProgressListener[]; now?: () => number; lrs?: PackagedLrs | null } = {},
): Promise<LmsStart> {
  const now = options.now ?? (() => Date.now());
  const listeners = [...(options.listeners ?? [])];
  // Each LMS learner gets their own database, so two people sharing a computer never see each other's progress.
  const learnerDatabase = async (learnerId: string) => new HeardDatabase(`heard-lms-${await learnerHash(learnerId)}`);
  if (isCmi5Launch(win)) {
    const { startCmi5 } = await import('./cmi5Launch');
    const cmi5 = await startCmi5(win, learnerDatabase);
    if (cmi5) listeners.push(cmi5.recorder);
    return watchProgress(win, catalog, cmi5?.db ?? new HeardDatabase('heard-lms'), null, listeners, now, {
      problem: cmi5 ? null : 'no-lms',
      writeSuspendData: false,
    });
  }
  const found = findScormApi(win);
  const session = found ? new ScormSession(found) : null;
  const launch = session?.start() ?? null;
  const db = launch ? await learnerDatabase(launch.learnerId) : new HeardDatabase('heard-lms');
  let problem: LmsStart['problem'] = launch ? null : 'no-lms';
  let writeSuspendData = true;
  if (launch && launch.suspendData) {
    const decoded = decodeProgress(catalog.modules, catalog.mythIds, launch.suspendData);
    if (decoded.ok) {
      await restoreCourseProgress(db, catalog, decoded.progress, now());
    } else {
      // Keep what the LMS holds rather than overwrite it with less; the learner is told.
      problem = 'unreadable-progress';
      writeSuspendData = false;
    }
  }
  if (launch?.location && !currentRoute(win)) win.location.hash = launch.location;
  const lrs = options.lrs === undefined ? packagedLrs() : options.lrs;
  if (lrs && launch) listeners.push(await xapiListener(win, db, lrs, launch.learnerId));
  return watchProgress(win, catalog, db, session, listeners, now, { problem, writeSuspendData });
}

/**
 * Calls back after every change of the route: the router moves with history.pushState and
 * replaceState, which fire no event, so those are wrapped; Back and Forward fire popstate.
 */
export function watchNavigation(win: Window, changed: () => void): void {
  const history = win.history;
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = history[method].bind(history);
    history[method] = (...args: Parameters<History['pushState']>) => {
      original(...args);
      changed();
    };
  }
  win.addEventListener('popstate', changed);
  win.addEventListener('hashchange', changed);
}

/** Tells the LMS, and anyone listening, about every answer, status change and departure. */
function watchProgress(
  win: Window,
  catalog: Catalog,
  db: HeardDatabase,
  session: ScormSession | null,
  listeners: ProgressListener[],
  now: () => number,
  { problem, writeSuspendData }: { problem: LmsStart['problem']; writeSuspendData: boolean },
): LmsStart {
  const startedAt = now();
  let lastModuleStatus = new Map<string, string>();
  /** Lessons at their summary, by module/lesson; null until the first reading sets the baseline. */
  let atSummary: Set<string> | null = null;
  let wasCompleted: boolean | null = null;
  let reportedUpTo = 0;

  liveQuery(() =>
    Promise.all([readCourseProgress(db, catalog), db.answers.where('at').aboveOrEqual(startedAt).toArray()]),
  ).subscribe({
    next: ([progress, answers]) => {
      const status = courseStatus(catalog, progress);
      const fresh = answers.filter((answer) => (answer.id ?? 0) > reportedUpTo);
      for (const answer of fresh) {
        reportedUpTo = Math.max(reportedUpTo, answer.id ?? 0);
        session?.recordInteraction({
          moduleId: answer.moduleId,
          lessonId: answer.lessonId,
          stepId: answer.stepId,
          optionIds: answer.optionIds,
          correct: answer.correct,
          at: answer.at,
        });
        const nation = lessonNation(progress, answer.moduleId, answer.lessonId);
        for (const listener of listeners) listener.answered(answer, nation);
      }
      const nowAtSummary = new Set<string>();
      for (const [moduleId, places] of Object.entries(progress.lessons)) {
        for (const [lessonId, place] of Object.entries(places)) {
          if (place.value === 'summary') nowAtSummary.add(`${moduleId}/${lessonId}`);
        }
      }
      for (const key of nowAtSummary) {
        if (!atSummary || atSummary.has(key)) continue;
        const [moduleId, lessonId] = key.split('/') as [string, string];
        // This attempt's own answers (the module's record may still hold the previous attempt).
        const answers = (progress.lessons[moduleId]?.[lessonId]?.context as { answers?: { correct?: boolean }[] })
          ?.answers;
        const correct = (answers ?? []).filter((answer) => answer.correct === true).length;
        for (const listener of listeners)
          listener.lessonFinished({
            moduleId,
            lessonId,
            correct,
            total: answers?.length ?? 0,
            nation: lessonNation(progress, moduleId, lessonId),
          });
      }
      atSummary = nowAtSummary;
      const moduleStatus = new Map<string, string>(
        Object.entries(progress.modules).map(([id, saved]) => [id, saved.status]),
      );
      for (const [moduleId, saved] of Object.entries(progress.modules)) {
        const before = lastModuleStatus.get(moduleId);
        if (saved.status !== 'in-progress' && before !== undefined && before !== saved.status) {
          const score = Object.values(saved.results).reduce(
            (sum, result) => ({ correct: sum.correct + result.correct, total: sum.total + result.total }),
            { correct: 0, total: 0 },
          );
          const nation = moduleNation(progress, moduleId);
          for (const listener of listeners) listener.moduleFinished(moduleId, saved.status, score, nation);
        }
      }
      for (const moduleId of catalog.modules.map((courseModule) => courseModule.id)) {
        if (!moduleStatus.has(moduleId)) moduleStatus.set(moduleId, 'none');
      }
      lastModuleStatus = moduleStatus;
      if (wasCompleted === false && status.completed) {
        for (const listener of listeners) listener.courseCompleted(status);
      }
      wasCompleted = status.completed;
      if (session && writeSuspendData) {
        session.report(status, encodeProgress(catalog.modules, catalog.mythIds, progress), currentRoute(win));
        if (fresh.length > 0) session.commit();
      }
    },
    error: () => {},
  });

  watchNavigation(win, () => {
    if (session && writeSuspendData && currentRoute(win)) {
      void readCourseProgress(db, catalog)
        .then((progress) =>
          session.report(
            courseStatus(catalog, progress),
            encodeProgress(catalog.modules, catalog.mythIds, progress),
            currentRoute(win),
          ),
        )
        // The database closes when the course goes away; nothing is left to report then.
        .catch(() => {});
    }
  });
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'hidden') session?.saveNow();
  });
  win.addEventListener('pagehide', () => {
    for (const listener of listeners) listener.leaving();
    session?.finish();
  });
  return { db, problem };
}
