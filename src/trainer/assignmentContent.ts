// Which lessons and questions an assignment covers, read from the course content. Ids the course
// no longer has are skipped, so an old assignment still opens.
import { isDecisionStep, type CourseModule, type DecisionStep, type Lesson } from '../engine/content';
import type { AssignmentItem } from './assignmentCode';

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

export interface AssignedQuestion extends AssignedLesson {
  step: DecisionStep;
}

export function assignedQuestions(items: AssignmentItem[], modules: CourseModule[]): AssignedQuestion[] {
  return assignedLessons(items, modules).flatMap(({ courseModule, lesson }) =>
    lesson.steps.filter(isDecisionStep).map((step) => ({ courseModule, lesson, step })),
  );
}

/** CPD minutes for the assignment: a whole module's, or its share for single lessons. */
export function assignedMinutes(items: AssignmentItem[], modules: CourseModule[]): number {
  return assignedLessons(items, modules).reduce(
    (sum, { courseModule }) => sum + courseModule.cpdMinutes / Math.max(1, courseModule.lessons.length),
    0,
  );
}
