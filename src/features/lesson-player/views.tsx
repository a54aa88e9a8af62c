// One map from the engine's view of a step (src/engine/lessonView.ts) to the component that shows
// it. A new kind of step adds its view here, once.
import type { ReactElement } from 'react';
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
import { FeedbackView } from './FeedbackView';
import { QuestionForm } from './QuestionForm';
import { ReadingView } from './ReadingView';
import { RewriteView } from './RewriteView';
import { RoleQuestion } from './RoleQuestion';
import { SummaryView } from './SummaryView';

export interface StepViewProps {
  courseModule: CourseModule;
  lesson: Lesson;
  step: Step;
  context: LessonContext;
  moveFocus: boolean;
  send: (event: LessonEvent) => void;
}

const next = (send: StepViewProps['send']) => () => send({ type: 'learner.continue' });

export const stepViews: Record<LessonView, (props: StepViewProps) => ReactElement | null> = {
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
