import { useContentTranslation } from './nation';
import type { Paragraph } from '../../engine/contentSchema';
import { stepKeys } from '../../engine/contentKeys';
import { SourceRefs } from './SourceRefs';

export function Paragraphs({
  namespace,
  lessonId,
  stepId,
  paragraphs,
}: {
  namespace: string;
  lessonId: string;
  stepId: string;
  paragraphs: Paragraph[];
}) {
  const { t } = useContentTranslation(namespace);
  return (
    <>
      {paragraphs.map((paragraph) => (
        <p key={paragraph.id}>
          <span>{t(stepKeys.paragraph(lessonId, stepId, paragraph.id))}</span> <SourceRefs refs={paragraph.sources} />
        </p>
      ))}
    </>
  );
}
