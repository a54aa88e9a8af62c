import { MARKS, timed } from '../../app/performanceMarks';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useActorRef, useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import type { CourseModule, Lesson, Nation, Role } from '../../engine/contentSchema';
import { isDecisionStep } from '../../engine/content';
import { distancesToEnd } from '../../engine/lessonGraph';
import {
  answerFor,
  createLessonMachine,
  isChoiceCorrect,
  lessonResult,
  type LessonEvent,
  type LessonMachine,
  type LessonSnapshot,
} from '../../engine/lessonMachine';
import { currentView } from '../../engine/lessonView';
import { seedFrom } from '../../engine/shuffle';
import { routeOf } from '../../engine/steps/registry';
import { recordLessonStep, type LessonStep } from '../../storage/lessonStep';
import type { ResumeNotice } from './LessonPage';
import { NationProvider, useNation } from '../shared/nation';
import { RestartLesson } from './RestartLesson';
import { afterNextPaint } from './afterNextPaint';
import { preloadLaterViews, stepViews } from './views';

type SaveState = 'idle' | 'saved' | 'failed';

/** A new attempt's seed for the order of options; the engine itself never draws randomness. */
function freshSeed(): number {
  const values = new Uint32Array(1);
  globalThis.crypto.getRandomValues(values);
  return seedFrom(() => (values[0] as number) / 4294967296);
}

/**
 * Saves every change of the lesson in one transaction with the answer just given and, at the end,
 * the module's result (src/storage/lessonStep.ts). A write that fails is reported through the save
 * state, and what it carried (answers, the lesson's result, a role) is kept and sent again with the
 * next write, so a full disk loses nothing the learner did once the next write succeeds.
 *
 * Writing waits until the feedback is painted (afterNextPaint): on a slow phone the save, and the
 * LMS reporting that follows it, would otherwise delay the feedback by frames. Changes made before
 * the write starts go in that one write. A page being hidden or closed (pagehide,
 * visibilitychange), and leaving the lesson, start a pending write at once, so nothing answered is
 * left unsaved.
 */
/** Players taking in the profile just now (see `learner.profileRead` below). */
const profileBeingApplied = new WeakSet<object>();

function usePersistence(
  actorRef: ReturnType<typeof useActorRef<LessonMachine>>,
  courseModule: CourseModule,
  lesson: Lesson,
) {
  const { database, now } = useServices();
  const [saveState, setSaveState] = useState<SaveState>('idle');
  useEffect(() => {
    let previous = actorRef.getSnapshot();
    let writes: Promise<void> = Promise.resolve();
    let carried: Pick<LessonStep, 'answers' | 'completed' | 'learnerRole'> = { answers: [] };
    let changedAt = now();
    let cancelScheduled: (() => void) | undefined;

    const write = () => {
      cancelScheduled?.();
      cancelScheduled = undefined;
      const snapshot = actorRef.getSnapshot();
      const place = {
        courseModule,
        lesson,
        persisted: actorRef.getPersistedSnapshot(),
        stepId: snapshot.context.stepId,
        atSummary: snapshot.matches('summary'),
        at: changedAt,
      };
      // Writes queue behind the database's first load and each other, in the order the learner made
      // them. Each takes what is still unsaved when its turn comes, so nothing is written twice.
      writes = writes.then(() => {
        const sending = carried;
        return timed(MARKS.save, () =>
          database.load().then((db) => recordLessonStep(db, { ...place, ...sending })),
        ).then(
          () => {
            carried = {
              answers: (carried.answers ?? []).filter((item) => !(sending.answers ?? []).includes(item)),
              completed: carried.completed === sending.completed ? undefined : carried.completed,
              learnerRole: carried.learnerRole === sending.learnerRole ? undefined : carried.learnerRole,
            };
            setSaveState('saved');
          },
          () => setSaveState('failed'),
        );
      });
    };
    const writePending = () => {
      if (cancelScheduled) write();
    };
    const writeIfHidden = () => {
      if (document.visibilityState === 'hidden') writePending();
    };

    const subscription = actorRef.subscribe((snapshot) => {
      // The profile's role taken in before the learner did anything is no step of theirs to save.
      if (profileBeingApplied.has(actorRef)) {
        previous = snapshot;
        return;
      }
      const at = now();
      const { context } = snapshot;
      const step = lesson.steps.find((candidate) => candidate.id === context.stepId);
      const answer = answerFor(context, context.stepId);
      if (snapshot.matches('feedback') && previous.matches('answering') && answer && step && isDecisionStep(step)) {
        const given = {
          stepId: step.id,
          optionIds: answer.optionIds,
          correct: isChoiceCorrect(step, answer.optionIds),
          at,
        };
        carried = { ...carried, answers: [...(carried.answers ?? []), given] };
      }
      if (snapshot.matches('summary') && !previous.matches('summary'))
        carried = { ...carried, completed: lessonResult(lesson, context) };
      if (previous.matches('choosingRole') && !snapshot.matches('choosingRole'))
        carried = { ...carried, learnerRole: { role: context.role, nation: context.nation } };
      previous = snapshot;
      changedAt = at;
      cancelScheduled ??= afterNextPaint(write);
    });
    window.addEventListener('pagehide', writePending);
    document.addEventListener('visibilitychange', writeIfHidden);
    return () => {
      subscription.unsubscribe();
      window.removeEventListener('pagehide', writePending);
      document.removeEventListener('visibilitychange', writeIfHidden);
      writePending();
    };
  }, [actorRef, database, now, courseModule, lesson]);
  return saveState;
}

export function LessonRunner({
  courseModule,
  lesson,
  initialSnapshot,
  notice,
  role,
  askRole,
  nation,
  onRetakeForRole,
  ready = true,
  heldEvents,
}: {
  courseModule: CourseModule;
  lesson: Lesson;
  initialSnapshot: LessonSnapshot | undefined;
  notice: ResumeNotice;
  role: Role | null;
  askRole: boolean;
  /** The learner's nation from Your details; null when they have not given one (then it is asked). */
  nation: Nation | null;
  /** The learner's role or nation changed since they took this lesson: take its questions for the new role. */
  onRetakeForRole: (persisted: unknown) => void;
  /**
   * False while the learner's saved place is still being read (LessonPage shows a new learner's
   * first step meanwhile, as prerendered): what they do is held in `heldEvents`, and sent once
   * ready, to this player or to the one that replaces it (LessonPage empties it when a saved place
   * replaces the first step).
   */
  ready?: boolean;
  heldEvents?: LessonEvent[];
}) {
  const { t } = useTranslation();
  const machine = useMemo(() => createLessonMachine(lesson), [lesson]);
  const [seed] = useState(freshSeed);
  const actorRef = useActorRef(
    machine,
    initialSnapshot
      ? { snapshot: initialSnapshot, input: { role, nation, seed } }
      : { input: { role, nation, seed, askRole, askNation: nation === null } },
  );
  const learnerNation = useNation();
  const snapshot = useSelector(actorRef, (current) => current);
  const saveState = usePersistence(actorRef, courseModule, lesson);
  const lessonElement = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The feedback's code arrives while the learner reads (half a second after the step shows, when
    // the browser is idle), well before they can have chosen and checked an answer.
    let idle: number | undefined;
    const timer = window.setTimeout(() => {
      if (typeof window.requestIdleCallback === 'function')
        idle = window.requestIdleCallback(preloadLaterViews, { timeout: 1000 });
      else preloadLaterViews();
    }, 500);
    // A learner who reaches for an answer before then gets it at once.
    const element = lessonElement.current;
    element?.addEventListener('focusin', preloadLaterViews, { once: true });
    element?.addEventListener('pointerdown', preloadLaterViews, { once: true });
    return () => {
      window.clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback(idle);
      element?.removeEventListener('focusin', preloadLaterViews);
      element?.removeEventListener('pointerdown', preloadLaterViews);
    };
  }, []);
  const distances = useMemo(() => distancesToEnd(lesson), [lesson]);

  const { context } = snapshot;
  const { view, step } = currentView(lesson, snapshot);
  const position = context.visited.length;
  const total = position + (distances.get(step.id) ?? 0);
  const send = useCallback(
    (event: LessonEvent) => {
      if (!ready && heldEvents) heldEvents.push(event);
      else actorRef.send(event);
    },
    [ready, heldEvents, actorRef],
  );
  // A profile read after the first step showed (LessonPage); the machine takes it only before the
  // learner has done anything.
  useEffect(() => {
    const { context } = actorRef.getSnapshot();
    const askNation = nation === null;
    if (
      context.role === role &&
      context.askRole === (askRole && !role) &&
      context.nation === nation &&
      context.askNation === askNation
    )
      return;
    profileBeingApplied.add(actorRef);
    try {
      actorRef.send({ type: 'learner.profileRead', role, askRole, nation, askNation });
    } finally {
      profileBeingApplied.delete(actorRef);
    }
  }, [actorRef, role, askRole, nation]);
  useEffect(() => {
    if (ready && heldEvents) for (const event of heldEvents.splice(0)) actorRef.send(event);
  }, [ready, heldEvents, actorRef]);
  const View = stepViews[view];

  // A restored lesson keeps focus on the page heading; later step changes move focus to the step.
  const stepKey = `${step.id}:${snapshot.value as string}`;
  const [firstStepKey] = useState(stepKey);
  const moveFocus = stepKey !== firstStepKey;
  const [roleOfferDismissed, setRoleOfferDismissed] = useState(false);
  // Offered when the learner went down a role's (or nation's) path and theirs is now another one.
  const tookPath = (kind: 'roleBranch' | 'nationBranch') =>
    lesson.steps.some((candidate) => candidate.kind === kind && context.visited.includes(routeOf(candidate, context)));
  const offerRole = role !== null && role !== context.role && tookPath('roleBranch') && !roleOfferDismissed;
  const nationPathChanged =
    nation !== null &&
    lesson.steps.some(
      (candidate) =>
        candidate.kind === 'nationBranch' &&
        context.visited.includes(routeOf(candidate, context)) &&
        routeOf(candidate, { role: context.role, nation }) !== routeOf(candidate, context),
    );
  const offerNation = !offerRole && nationPathChanged && !roleOfferDismissed;

  return (
    <div
      className="lesson"
      data-step-id={step.id}
      data-state={snapshot.value as string}
      // Set once the saved place has been read and the player answers presses (end-to-end tests wait for it).
      data-ready={ready ? '' : undefined}
      ref={lessonElement}
    >
      {notice !== 'none' && (
        <p className="panel panel--warning" role="alert">
          {t(`lesson.notice.${notice}`)}
        </p>
      )}
      {offerRole && (
        <div className="panel panel--note" role="group" aria-labelledby="role-offer-heading">
          <h2 id="role-offer-heading" className="h3">
            {t('lesson.roleChanged.heading', { role: t(`role.${role}`) })}
          </h2>
          <p>{t('lesson.roleChanged.body')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => onRetakeForRole(actorRef.getPersistedSnapshot())}>
              {t('lesson.roleChanged.yes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setRoleOfferDismissed(true)}>
              {t('lesson.roleChanged.no')}
            </button>
          </div>
        </div>
      )}
      {offerNation && (
        <div className="panel panel--note" role="group" aria-labelledby="role-offer-heading">
          <h2 id="role-offer-heading" className="h3">
            {t('lesson.nationChanged.heading', { context: nation })}
          </h2>
          <p>{t('lesson.nationChanged.body')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => onRetakeForRole(actorRef.getPersistedSnapshot())}>
              {t('lesson.nationChanged.yes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setRoleOfferDismissed(true)}>
              {t('lesson.roleChanged.no')}
            </button>
          </div>
        </div>
      )}
      <label className="progress-label">
        {t('lesson.progress', { position, total })}
        <progress max={total} value={position} />
      </label>

      {/* The lesson's words follow the nation it is taken for (the learner's, once given). */}
      <NationProvider nation={context.nation ?? learnerNation}>
        <Suspense fallback={null}>
          <View
            key={stepKey}
            courseModule={courseModule}
            lesson={lesson}
            step={step}
            context={context}
            moveFocus={moveFocus}
            send={send}
          />
        </Suspense>
      </NationProvider>

      <div className="lesson-footer">
        <p role="status" className="save-state">
          {saveState === 'saved' && t('lesson.saved')}
        </p>
        {saveState === 'failed' && (
          <p role="alert" className="panel panel--warning">
            {t('lesson.saveFailed')}
          </p>
        )}
        {position > 1 && <RestartLesson onRestart={() => send({ type: 'learner.restart' })} />}
      </div>
    </div>
  );
}
