import { Link } from '@tanstack/react-router';
import { useContentTranslation } from '../shared/nation';
import type { ContentNoteStep } from '../../engine/contentSchema';
import { stepKeys } from '../../engine/contentKeys';
import { Paragraphs } from '../shared/Paragraphs';
import { StepHeading } from './StepHeading';

/** Before hard material: what it contains, how intense, and three ways on. */
export function ContentNoteView({
  namespace,
  lessonId,
  step,
  moveFocus,
  onContinue,
  onTakeAlternative,
}: {
  namespace: string;
  lessonId: string;
  step: ContentNoteStep;
  moveFocus: boolean;
  onContinue: () => void;
  onTakeAlternative: () => void;
}) {
  const { t } = useContentTranslation();
  return (
    <section className="step step--content-note panel panel--note">
      <p className="eyebrow">{t('contentNote.heading')}</p>
      <StepHeading moveFocus={moveFocus}>{t(stepKeys.title(lessonId, step.id), { ns: namespace })}</StepHeading>
      <p>
        <strong>{t(`contentNote.intensity.${step.intensity}`)}</strong>
      </p>
      <Paragraphs namespace={namespace} lessonId={lessonId} stepId={step.id} paragraphs={step.paragraphs} />
      <div className="button-row">
        <button type="button" className="button" onClick={onContinue}>
          {t('contentNote.continue')}
        </button>
        <button type="button" className="button button--secondary" onClick={onTakeAlternative}>
          {t('contentNote.alternative')}
        </button>
        <Link to="/" className="button button--secondary">
          {t('contentNote.takeBreak')}
        </Link>
      </div>
      <p>
        {t('contentNote.alternativeExplained')} <Link to="/support">{t('contentNote.supportLink')}</Link>
      </p>
      <p>
        <Link to="/safety">{t('safety.linkText')}</Link>
      </p>
    </section>
  );
}
