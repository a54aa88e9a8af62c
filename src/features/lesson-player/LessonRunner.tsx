import { MARKS, timed } from '../../app/performanceMarks';
import { useEffect, useMemo, useState } from 'react';
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
import { stepViews } from './views';

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
 */
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
    const subscription = actorRef.subscribe((snapshot) => {
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
      const place = {
        courseModule,
        lesson,
        persisted: actorRef.getPersistedSnapshot(),
        stepId: context.stepId,
        atSummary: snapshot.matches('summary'),
        at,
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
    });
    return () => subscription.unsubscribe();
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
}) {
  const { t } = useTranslation();
  const machine = createLessonMachine(lesson);
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
  const distances = useMemo(() => distancesToEnd(lesson), [lesson]);

  const { context } = snapshot;
  const { view, step } = currentView(lesson, snapshot);
  const position = context.visited.length;
  const total = position + (distances.get(step.id) ?? 0);
  const send = actorRef.send;
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
    <div className="lesson" data-step-id={step.id} data-state={snapshot.value as string}>
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
        <View
          key={stepKey}
          courseModule={courseModule}
          lesson={lesson}
          step={step}
          context={context}
          moveFocus={moveFocus}
          send={send}
        />
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
