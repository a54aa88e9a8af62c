// Keys for saved records, apart from Dexie so pages can use them before the database has loaded.

/** Identifies this tab among several open on the same device. */
export const THIS_TAB =
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());

export function lessonKey(moduleId: string, lessonId: string): string {
  return `${moduleId}/${lessonId}`;
}
