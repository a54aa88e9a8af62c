// Which lessons and questions an assignment covers, read from the course content. Ids the course
// no longer has are skipped, so an old assignment still opens.
import { isDecisionStep, type CourseModule, type DecisionStep, type Lesson } from '../engine/content';
import { estimateCpdMinutes } from '../engine/cpdMinutes';
import type { Role } from '../engine/contentSchema';
import { stepById, successors } from '../engine/lessonGraph';
import type { HeardDatabase } from '../storage/database';
import { readAssignment, type AssignmentItem } from './assignmentCode';

export interface AssignedLesson {
  courseModule: CourseModule;
  lesson: Lesson;
}

export function assignedLessons(items: AssignmentItem[], modules: CourseModule[]): AssignedLesson[] {
  const seen = new Set<string>();
  const result: AssignedLesson[] = [];
  for (const item of items) {
    const courseModule = modules.find((candidate) => candidate.id === item.moduleId);
    if (!courseModule) continue;
    const lessons = item.lessonId
      ? courseModule.lessons.filter((lesson) => lesson.id === item.lessonId)
      : courseModule.lessons;
    for (const lesson of lessons) {
      const key = `${courseModule.id}/${lesson.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.push({ courseModule, lesson });
    }
  }
  return result;
}

/**
 * Where a learner goes after finishing an assigned lesson: the assignment's next lesson, or null
 * on its last one (the summary then leads back to the assignment); undefined when the lesson is
 * not part of the assignment.
 */
export function lessonAfter(
  items: AssignmentItem[],
  modules: CourseModule[],
  moduleId: string,
  lessonId: string,
): AssignedLesson | null | undefined {
  const lessons = assignedLessons(items, modules);
  const index = lessons.findIndex(
    (assigned) => assigned.courseModule.id === moduleId && assigned.lesson.id === lessonId,
  );
  return index < 0 ? undefined : (lessons[index + 1] ?? null);
}

/** `lessonAfter` for an assignment this learner imported; undefined when this device has no such assignment. */
export async function nextAssignedLesson(
  db: HeardDatabase,
  assignmentId: string,
  modules: CourseModule[],
  moduleId: string,
  lessonId: string,
): Promise<AssignedLesson | null | undefined> {
  const record = await db.assignments.get(assignmentId);
  const payload = record ? readAssignment(record.code) : null;
  return payload ? lessonAfter(payload.items, modules, moduleId, lessonId) : undefined;
}

export interface AssignedQuestion extends AssignedLesson {
  step: DecisionStep;
}

/** Steps a learner on this role path can reach (every path when the role is open). */
function reachableSteps(lesson: Lesson, role: Role | null): Set<string> {
  const seen = new Set<string>();
  // From the lesson's declared start: steps are listed in any order, so steps[0] need not be it.
  const queue = [lesson.start];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const step = stepById(lesson, id);
    if (step.kind === 'roleBranch' && role) queue.push(step.routes[role] ?? step.otherwise);
    else queue.push(...successors(step)); // a nation branch: a trainer's assignment covers both nations
  }
  return seen;
}

/** The assigned questions; with the assignment's role path, only that path's role questions. */
export function assignedQuestions(
  items: AssignmentItem[],
  modules: CourseModule[],
  role: Role | null = null,
): AssignedQuestion[] {
  return assignedLessons(items, modules).flatMap(({ courseModule, lesson }) => {
    const reachable = reachableSteps(lesson, role);
    return lesson.steps
      .filter(isDecisionStep)
      .filter((step) => reachable.has(step.id))
      .map((step) => ({ courseModule, lesson, step }));
  });
}

/**
 * CPD minutes for some lessons of a module: the module's own figure when all were done; otherwise
 * the estimate from those lessons' words and decisions (cpdMinutes.ts) when the words are at hand,
 * or the lessons' share of the module's figure when they are not.
 */
export function lessonsMinutes(
  courseModule: CourseModule,
  lessonIds: string[],
  words?: Record<string, string>,
): number {
  const lessons = courseModule.lessons.filter((lesson) => lessonIds.includes(lesson.id));
  if (lessons.length === courseModule.lessons.length) return courseModule.cpdMinutes;
  if (lessons.length === 0) return 0;
  if (words) {
    const prefixes = lessons.map((lesson) => `${lesson.id}.`);
    const lessonWords = Object.fromEntries(
      Object.entries(words).filter(([key]) => prefixes.some((prefix) => key.startsWith(prefix))),
    );
    return Math.min(courseModule.cpdMinutes, estimateCpdMinutes({ ...courseModule, lessons }, lessonWords));
  }
  return Math.round((courseModule.cpdMinutes * lessons.length) / courseModule.lessons.length);
}

/** CPD minutes for the assignment: each module's figure for the lessons it covers. */
export function assignedMinutes(
  items: AssignmentItem[],
  modules: CourseModule[],
  wordsFor: (moduleId: string) => Record<string, string> | undefined = () => undefined,
): number {
  const byModule = new Map<CourseModule, string[]>();
  for (const { courseModule, lesson } of assignedLessons(items, modules)) {
    byModule.set(courseModule, [...(byModule.get(courseModule) ?? []), lesson.id]);
  }
  let minutes = 0;
  for (const [courseModule, lessonIds] of byModule)
    minutes += lessonsMinutes(courseModule, lessonIds, wordsFor(courseModule.id));
  return minutes;
}
