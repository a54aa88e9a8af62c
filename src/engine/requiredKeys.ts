// Every locale key a module's structure needs, so a test can check each one has words.
import type { CourseModule } from './contentSchema';
import { lessonKeys, moduleKeys } from './contentKeys';
import { wordKeysOf } from './steps/registry';

export function requiredKeys(courseModule: CourseModule): string[] {
  const keys = [moduleKeys.contentNote];
  for (const outcome of courseModule.outcomes) keys.push(moduleKeys.outcome(outcome));
  for (const lesson of courseModule.lessons) {
    keys.push(lessonKeys.title(lesson.id));
    for (const step of lesson.steps) keys.push(...wordKeysOf(lesson.id, step));
  }
  return keys;
}
