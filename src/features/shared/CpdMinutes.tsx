import { useTranslation } from 'react-i18next';
import type { CourseModule } from '../../engine/contentSchema';

/** A module's CPD time: the range from its shortest to its longest path when the content gives one. */
export function CpdMinutes({ courseModule }: { courseModule: CourseModule }) {
  const { t } = useTranslation();
  const range = courseModule.cpdRange;
  if (!range || range.shortest === range.longest)
    return <>{t('module.minutes', { count: range?.shortest ?? courseModule.cpdMinutes })}</>;
  return <>{t('module.minutesRange', { shortest: range.shortest, longest: range.longest })}</>;
}
