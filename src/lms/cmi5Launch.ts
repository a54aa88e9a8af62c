// A cmi5 launch: the LMS opened the course with endpoint, fetch, actor, registration and activityId
// in the URL. @xapi/cmi5 reads them, fetches the session's credentials, reads the launch data and
// sends "initialized"; every later statement goes through Heard's own queue, so it survives going
// offline, with the launch's credentials, actor, registration and context template.
import type { HeardDatabase } from '../storage/database';
import type { XapiRecorder } from './xapiRecorder';

export interface Cmi5Start {
  recorder: XapiRecorder;
  /** Identifies the learner locally (their own database); never sent anywhere. */
  learnerKey: string;
}

/** Starts the cmi5 session, or gives null when the LMS cannot be reached (the course still runs). */
export async function startCmi5(win: Window, openDatabase: (learnerKey: string) => Promise<HeardDatabase>) {
  const [{ default: Cmi5 }, { XapiRecorder }] = await Promise.all([import('@xapi/cmi5'), import('./xapiRecorder')]);
  try {
    const cmi5 = new Cmi5();
    await cmi5.initialize();
    const parameters = cmi5.getLaunchParameters();
    const launchData = cmi5.getLaunchData();
    const learnerKey = JSON.stringify(parameters.actor);
    const db = await openDatabase(learnerKey);
    const recorder = new XapiRecorder(db, {
      lrs: { endpoint: parameters.endpoint, authorization: `Basic ${cmi5.getAuthToken()}` },
      session: {
        actor: parameters.actor as unknown as Record<string, unknown>,
        courseId: parameters.activityId,
        registration: parameters.registration,
        contextTemplate: (launchData.contextTemplate ?? {}) as Record<string, unknown>,
        cmi5: { initializedAt: cmi5.getInitializedDate().getTime() },
      },
      sendInitialized: false,
      // Browse and review launches must not change the learner's record.
      recordsCompletion: launchData.launchMode === 'Normal',
    });
    win.addEventListener('online', () => recorder.online());
    return { db, recorder };
  } catch {
    return null;
  }
}
