import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseModule } from '../../engine/contentSchema';
import { estimateCpdMinutes } from '../../engine/cpdMinutes';

/** CPD minutes from the English text, so the figure is the same in every language. */
export function useCpdMinutes(courseModule: CourseModule): number {
  const { i18n } = useTranslation();
  return useMemo(
    () =>
      estimateCpdMinutes(courseModule, (i18n.getResourceBundle('en', courseModule.id) ?? {}) as Record<string, string>),
    [courseModule, i18n],
  );
}
