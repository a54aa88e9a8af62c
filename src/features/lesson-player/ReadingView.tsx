import { useContentTranslation } from '../shared/nation';
import type { Step } from '../../engine/contentSchema';
import { stepKeys } from '../../engine/contentKeys';
import { Paragraphs } from '../shared/Paragraphs';
import { StepHeading } from './StepHeading';

export function ReadingView({
  namespace,
  lessonId,
  step,
  moveFocus,
  onContinue,
}: {
  namespace: string;
  lessonId: string;
  step: Step;
  moveFocus: boolean;
  onContinue: () => void;
}) {
  const { t } = useContentTranslation();
  return (
    <section className="step step--reading">
      <StepHeading moveFocus={moveFocus}>{t(stepKeys.title(lessonId, step.id), { ns: namespace })}</StepHeading>
      <Paragraphs namespace={namespace} lessonId={lessonId} stepId={step.id} paragraphs={step.paragraphs} />
      <button type="button" className="button" onClick={onContinue}>
        {t('lesson.continue')}
      </button>
    </section>
  );
}
