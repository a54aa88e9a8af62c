// One write per lesson step: the lesson's place, the answer just given (if any) and, when the
// lesson has just ended, the module's result, in one IndexedDB transaction. Either all of it is
// saved or none of it is, so a tab closed mid-way never leaves an answer without its place or a
// finished lesson the module does not know about. A failure rejects, for the caller to show.
import type { CourseModule, Lesson, Nation, Role } from '../engine/contentSchema';
import type { LessonResult } from '../engine/lessonMachine';
import { restoreLesson, type RestoredLesson } from '../engine/lessonRestore';
import type { AnswerEvent, HeardDatabase } from './database';
import { completeLesson } from './moduleCompletion';
import { saveLesson } from './progressStore';
import { lessonKey } from './recordKeys';

export interface LessonStep {
  courseModule: CourseModule;
  lesson: Lesson;
  /** The lesson machine's persisted snapshot (the learner's state only). */
  persisted: unknown;
  stepId: string;
  atSummary: boolean;
  /** Answers to add to the answer log that receipts and the LMS read (usually the one just given). */
  answers?: Omit<AnswerEvent, 'id' | 'moduleId' | 'lessonId'>[];
  /** Set when the lesson has just reached its summary. */
  completed?: LessonResult;
  /** The role the learner gave when the lesson asked (null: they prefer not to say), and their nation. */
  learnerRole?: { role: Role | null; nation?: Nation | null };
  at: number;
}

export async function recordLessonStep(db: HeardDatabase, step: LessonStep): Promise<void> {
  const { courseModule, lesson, at } = step;
  await db.transaction('rw', [db.lessonProgress, db.answers, db.moduleProgress, db.profile], async () => {
    await saveLesson(db, courseModule, lesson, step.persisted, step.stepId, step.atSummary, at);
    const answers = (step.answers ?? []).map((answer) => ({
      ...answer,
      moduleId: courseModule.id,
      lessonId: lesson.id,
    }));
    if (answers.length > 0) await db.answers.bulkAdd(answers);
    if (step.completed) await completeLesson(db, courseModule, lesson.id, step.completed, at);
    if (step.learnerRole) {
      const { role, nation } = step.learnerRole;
      const profile = (await db.profile.get('learner')) ?? { id: 'learner' as const };
      await db.profile.put({
        ...profile,
        role: role ?? undefined,
        roleDeclined: role === null ? true : undefined,
        nation: nation ?? profile.nation,
      });
    }
  });
}

/** The learner's saved place in a lesson, restored on the lesson as it ships now. */
export async function loadLesson(
  db: HeardDatabase,
  courseModule: CourseModule,
  lesson: Lesson,
): Promise<RestoredLesson> {
  const record = await db.lessonProgress.get(lessonKey(courseModule.id, lesson.id));
  return restoreLesson(lesson, record?.snapshot, record?.contentHash);
}
