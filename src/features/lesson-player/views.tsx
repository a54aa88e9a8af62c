// One map from the engine's view of a step (src/engine/lessonView.ts) to the component that shows
// it. A new kind of step adds its view here, once.
//
// A lesson opens on reading, a content note or a question, so only those views come with the
// lesson's first screen. Feedback, the summary and the rewrite exercise load after it
// (preloadLaterViews, once the page is idle), which keeps them out of what a phone downloads and
// runs before the learner can answer.
import { lazy, memo, type ComponentType, type ReactElement } from 'react';
import type {
  ContentNoteStep,
  CourseModule,
  DecisionStep,
  Lesson,
  RewriteStep,
  Step,
} from '../../engine/contentSchema';
import type { LessonContext, LessonEvent } from '../../engine/lessonMachine';
import type { LessonView } from '../../engine/lessonView';
import { ContentNoteView } from './ContentNoteView';
import { QuestionForm } from './QuestionForm';
import { ReadingView } from './ReadingView';
import { RoleQuestion } from './RoleQuestion';

/**
 * A view whose code loads after the first screen. Once fetched it renders directly: a React.lazy
 * component would still suspend on its first render and React holds a Suspense fallback for
 * hundreds of milliseconds, which a learner would see as slow feedback.
 */
function laterView<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  let loaded: ComponentType<Props> | undefined;
  const preload = () =>
    load().then((component) => {
      loaded = component;
      return component;
    });
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function LaterView(props: Props) {
    const Component = loaded ?? Lazy;
    return <Component {...props} />;
  }
  return { View: LaterView, preload };
}

const later = {
  feedback: laterView(() => import('./FeedbackView').then((loaded) => loaded.FeedbackView)),
  summary: laterView(() => import('./SummaryView').then((loaded) => loaded.SummaryView)),
  rewrite: laterView(() => import('./RewriteView').then((loaded) => loaded.RewriteView)),
};
const FeedbackView = later.feedback.View;
const SummaryView = later.summary.View;
const RewriteView = later.rewrite.View;

/** Fetches the views a lesson needs after its first screen; a failure is retried when one is shown. */
export function preloadLaterViews(): void {
  for (const { preload } of Object.values(later)) void preload().catch(() => undefined);
}

export interface StepViewProps {
  courseModule: CourseModule;
  lesson: Lesson;
  step: Step;
  context: LessonContext;
  moveFocus: boolean;
  send: (event: LessonEvent) => void;
}

const next = (send: StepViewProps['send']) => () => send({ type: 'learner.continue' });

const views: Record<LessonView, (props: StepViewProps) => ReactElement | null> = {
  reading: ({ courseModule, lesson, step, moveFocus, send }) => (
    <ReadingView
      namespace={courseModule.id}
      lessonId={lesson.id}
      step={step}
      moveFocus={moveFocus}
      onContinue={next(send)}
    />
  ),
  rewrite: ({ courseModule, lesson, step, moveFocus, send }) => (
    <RewriteView
      namespace={courseModule.id}
      lessonId={lesson.id}
      step={step as RewriteStep}
      moveFocus={moveFocus}
      onContinue={next(send)}
    />
  ),
  contentNote: ({ courseModule, lesson, step, moveFocus, send }) => (
    <ContentNoteView
      namespace={courseModule.id}
      lessonId={lesson.id}
      step={step as ContentNoteStep}
      moveFocus={moveFocus}
      onContinue={next(send)}
      onTakeAlternative={() => send({ type: 'learner.takeAlternative' })}
    />
  ),
  question: ({ courseModule, lesson, step, context, moveFocus, send }) => (
    <QuestionForm
      namespace={courseModule.id}
      lessonId={lesson.id}
      step={step as DecisionStep}
      seed={context.seed}
      fellBack={context.fallbackStepId === step.id}
      role={context.role}
      moveFocus={moveFocus}
      onChoose={(optionIds) => send({ type: 'learner.choose', optionIds })}
    />
  ),
  feedback: ({ courseModule, lesson, step, context, moveFocus, send }) => (
    <FeedbackView
      namespace={courseModule.id}
      lesson={lesson}
      context={context}
      step={step as DecisionStep}
      moveFocus={moveFocus}
      onToggleOthers={() => send({ type: 'learner.toggleOtherExplanations' })}
      onContinue={next(send)}
    />
  ),
  summary: ({ courseModule, lesson, context, moveFocus }) => (
    <SummaryView courseModule={courseModule} lesson={lesson} context={context} moveFocus={moveFocus} />
  ),
  chooseRole: ({ context, moveFocus, send }) => (
    <RoleQuestion
      moveFocus={moveFocus}
      askRole={context.askRole && context.role === null}
      askNation={context.askNation && context.nation === null}
      role={context.role}
      onChoose={(role, nation) => send({ type: 'learner.chooseRole', role, nation })}
    />
  ),
};

/**
 * Each view re-renders only when its own props change: a save's status line or a notice changing
 * leaves the step on screen alone, which matters on a slow phone right after an answer.
 */
export const stepViews = Object.fromEntries(
  Object.entries(views).map(([view, component]) => [view, memo(component)]),
) as Record<LessonView, ReturnType<typeof memo<(props: StepViewProps) => ReactElement | null>>>;
