// A receipt's result, worked out from the content: each assigned lesson's answers (option ids only)
// are replayed against the shipped lesson, on the assignment's role path when it fixed one, and on
// the nation's path when the receipt names the nation the lessons were taken for. The
// receipt's own score and `correct` flags are never read. Every assigned lesson must be finished,
// and 0 of 0 never passes.
import type { CourseModule } from '../engine/content';
import { combineResults, recomputeLesson, type RecomputedLesson, type RecomputedResult } from '../engine/recompute';
import type { AssignmentPayload } from './assignmentCode';
import { assignedLessons } from './assignmentContent';
import type { ReceiptPayload } from './receiptCode';

export interface ReceiptLessonResult extends RecomputedLesson {
  moduleId: string;
}

export interface ReceiptResult extends RecomputedResult {
  lessons: ReceiptLessonResult[];
  /** Share right, rounded down, 0 to 100. */
  percent: number;
}

export function receiptResult(
  assignment: Pick<AssignmentPayload, 'items' | 'passMark' | 'role'>,
  receipt: Pick<ReceiptPayload, 'answers'> & { learner?: Pick<ReceiptPayload['learner'], 'nation'> },
  modules: CourseModule[],
): ReceiptResult {
  const lessons = assignedLessons(assignment.items, modules).map(({ courseModule, lesson }) => {
    const log = receipt.answers.filter(
      (answer) => answer.moduleId === courseModule.id && answer.lessonId === lesson.id,
    );
    const nation = receipt.learner?.nation;
    const result = recomputeLesson(lesson, log, {
      ...(assignment.role ? { role: assignment.role } : {}),
      ...(nation ? { nation } : {}),
    });
    return { ...result, moduleId: courseModule.id };
  });
  const combined = combineResults(lessons, assignment.passMark / 100);
  return {
    ...combined,
    lessons,
    percent: combined.total === 0 ? 0 : Math.floor((combined.correct / combined.total) * 100),
  };
}
