// Every locale key a module's structure needs, so a test can check each one has words.
import type { CourseModule } from './contentSchema';
import { lessonKeys, moduleKeys } from './contentKeys';
import { variantOf } from './nationWords';
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

/**
 * Keys in a module's words that its structure does not need: anything but a required key or a
 * nation variant of one (`K_wales` is valid only where `K` is required).
 */
export function unneededKeys(courseModule: CourseModule, words: Record<string, string>): string[] {
  const needed = new Set(requiredKeys(courseModule));
  return Object.keys(words).filter((key) => {
    if (needed.has(key)) return false;
    const variant = variantOf(key);
    return !(variant && needed.has(variant.base));
  });
}
