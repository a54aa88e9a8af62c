import { MARKS, timed } from '../../app/performanceMarks';
import { useEffect, useMemo, useState } from 'react';
import { useActorRef, useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import type {
  ContentNoteStep,
  CourseModule,
  DecisionStep,
  Lesson,
  RewriteStep,
  Role,
} from '../../engine/contentSchema';
import { distancesToEnd } from '../../engine/lessonGraph';
import { currentStep, lessonMachine, lessonResult } from '../../engine/lessonMachine';
import { recordAnswer, saveLesson, type LessonSnapshot } from '../../storage/progressStore';
import { completeLesson } from '../../storage/moduleCompletion';
import type { ResumeNotice } from './LessonPage';
import { ContentNoteView } from './ContentNoteView';
import { FeedbackView } from './FeedbackView';
import { QuestionForm } from './QuestionForm';
import { ReadingView } from './ReadingView';
import { RewriteView } from './RewriteView';
import { SummaryView } from './SummaryView';

type SaveState = 'idle' | 'saved' | 'failed';

/** Saves every change of the lesson, and tells the module when the lesson reaches its summary. */
function usePersistence(
  actorRef: ReturnType<typeof useActorRef<typeof lessonMachine>>,
  courseModule: CourseModule,
  lesson: Lesson,
) {
  const { database, now } = useServices();
  const [saveState, setSaveState] = useState<SaveState>('idle');
  useEffect(() => {
    let wasAtSummary = actorRef.getSnapshot().matches('summary');
    const subscription = actorRef.subscribe((snapshot) => {
      const atSummary = snapshot.matches('summary');
      const justFinished = atSummary && !wasAtSummary;
      wasAtSummary = atSummary;
      const at = now();
      const persisted = actorRef.getPersistedSnapshot();
      // Saves queue behind the database's first load, in the order the learner made them.
      timed(MARKS.save, () =>
        database
          .load()
          .then((db) => saveLesson(db, courseModule, lesson, persisted, snapshot.context.stepId, atSummary, at)),
      )
        .then(() =>
          justFinished
            ? database
                .load()
                .then((db) => completeLesson(db, courseModule, lesson.id, lessonResult(snapshot.context), at))
            : undefined,
        )
        .then(() => setSaveState('saved'))
        .catch(() => setSaveState('failed'));
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
}: {
  courseModule: CourseModule;
  lesson: Lesson;
  initialSnapshot: LessonSnapshot | undefined;
  notice: ResumeNotice;
  role: Role | null;
}) {
  const { t } = useTranslation();
  const { database, now } = useServices();
  const machine = useMemo(
    () =>
      lessonMachine.provide({
        actions: {
          reportAnswer: ({ context }) => {
            const answer = context.answers.find((candidate) => candidate.stepId === context.stepId);
            if (!answer) return;
            const event = { moduleId: courseModule.id, lessonId: lesson.id, ...answer, at: now() };
            void database
              .load()
              .then((db) => recordAnswer(db, event))
              .catch(() => {});
          },
        },
      }),
    [database, now, courseModule.id, lesson.id],
  );
  const actorRef = useActorRef(
    machine,
    initialSnapshot ? { snapshot: initialSnapshot, input: { lesson, role } } : { input: { lesson, role } },
  );
  const snapshot = useSelector(actorRef, (current) => current);
  const saveState = usePersistence(actorRef, courseModule, lesson);
  const distances = useMemo(() => distancesToEnd(lesson), [lesson]);

  const { context } = snapshot;
  const step = currentStep(context);
  const position = context.visited.length;
  const total = position + (distances.get(step.id) ?? 0);
  const namespace = courseModule.id;
  const send = actorRef.send;

  // A restored lesson keeps focus on the page heading; later step changes move focus to the step.
  const stepKey = `${step.id}:${snapshot.value as string}`;
  const [firstStepKey] = useState(stepKey);
  const moveFocus = stepKey !== firstStepKey;

  return (
    <div className="lesson" data-step-id={step.id} data-state={snapshot.value as string}>
      {notice !== 'none' && (
        <p className="panel panel--warning" role="alert">
          {t(`lesson.notice.${notice}`)}
        </p>
      )}
      <label className="progress-label">
        {t('lesson.progress', { position, total })}
        <progress max={total} value={position} />
      </label>

      {snapshot.matches('contentNote') && (
        <ContentNoteView
          key={stepKey}
          namespace={namespace}
          lessonId={lesson.id}
          step={step as ContentNoteStep}
          moveFocus={moveFocus}
          onContinue={() => send({ type: 'learner.continue' })}
          onTakeAlternative={() => send({ type: 'learner.takeAlternative' })}
        />
      )}
      {snapshot.matches('reading') && step.kind === 'rewrite' && (
        <RewriteView
          key={stepKey}
          namespace={namespace}
          lessonId={lesson.id}
          step={step as RewriteStep}
          moveFocus={moveFocus}
          onContinue={() => send({ type: 'learner.continue' })}
        />
      )}
      {snapshot.matches('reading') && step.kind !== 'rewrite' && (
        <ReadingView
          key={stepKey}
          namespace={namespace}
          lessonId={lesson.id}
          step={step}
          moveFocus={moveFocus}
          onContinue={() => send({ type: 'learner.continue' })}
        />
      )}
      {snapshot.matches('answering') && (
        <QuestionForm
          key={stepKey}
          namespace={namespace}
          lessonId={lesson.id}
          step={step as DecisionStep}
          moveFocus={moveFocus}
          onChoose={(optionIds) => send({ type: 'learner.choose', optionIds })}
        />
      )}
      {snapshot.matches('feedback') && (
        <FeedbackView
          key={stepKey}
          namespace={namespace}
          context={context}
          step={step as DecisionStep}
          moveFocus={moveFocus}
          onToggleOthers={() => send({ type: 'learner.toggleOtherExplanations' })}
          onContinue={() => send({ type: 'learner.continue' })}
        />
      )}
      {snapshot.matches('summary') && (
        <SummaryView key={stepKey} courseModule={courseModule} context={context} moveFocus={moveFocus} />
      )}

      <div className="lesson-footer">
        <p role="status" className="save-state">
          {saveState === 'saved' && t('lesson.saved')}
        </p>
        {saveState === 'failed' && (
          <p role="alert" className="panel panel--warning">
            {t('lesson.saveFailed')}
          </p>
        )}
        {position > 1 && (
          <button type="button" className="button button--link" onClick={() => send({ type: 'learner.restart' })}>
            {t('lesson.restart')}
          </button>
        )}
      </div>
    </div>
  );
}
