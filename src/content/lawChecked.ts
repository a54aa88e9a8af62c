// The date a module's law and guidance were last checked, as learners read dates: "4 December 2026".
// Shown on the module page and meant for certificates, so a reader knows how current the law taught was.
import type { CourseModule } from '../engine/content';

/** English is British English here; Welsh uses Welsh month names. */
const LOCALES: Record<string, string> = { en: 'en-GB', cy: 'cy-GB' };

export function formatLawCheckedTo(courseModule: Pick<CourseModule, 'lawCheckedTo'>, language: string): string {
  return new Intl.DateTimeFormat(LOCALES[language.split('-')[0] ?? 'en'] ?? 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${courseModule.lawCheckedTo}T00:00:00Z`));
}
