// The cohort dashboard's numbers, worked out from the imported receipts: who finished and how they
// scored, the share of learners choosing each option of each question, and the myths most often
// shown (the debrief list). Plain functions over data, so they are tested without a browser.
import type { CourseModule } from '../engine/content';
import type { AssignmentPayload } from './assignmentCode';
import { assignedQuestions } from './assignmentContent';
import type { ReceiptPayload } from './receiptCode';
import { receiptResult } from './receiptResult';

export interface CohortReceipt {
  id: string;
  payload: ReceiptPayload;
  countersignedCode?: string;
  /** The learner's device key fingerprint, where the receipt's signature was checked on this device. */
  learnerFingerprint?: string;
}

export interface LearnerRow {
  id: string;
  name: string;
  role: ReceiptPayload['learner']['role'];
  organisation: string;
  completedAt: string;
  minutes: number;
  correct: number;
  total: number;
  percent: number;
  /** Every assigned lesson finished, at least one decision, and the pass mark met: from the content. */
  passed: boolean;
  /** Assigned lessons the receipt's answers do not finish. */
  unfinishedLessons: number;
  countersignedCode?: string;
}

export interface OptionShare {
  optionId: string;
  correct: boolean;
  misconception?: string;
  count: number;
  /** 0 to 1: learners who chose it among learners who answered. */
  share: number;
}

export interface QuestionShares {
  moduleId: string;
  lessonId: string;
  stepId: string;
  answered: number;
  options: OptionShare[];
}

export interface MythCount {
  myth: string;
  learners: number;
}

export interface CohortSummary {
  learners: LearnerRow[];
  passed: number;
  questions: QuestionShares[];
  myths: MythCount[];
}

/** A learner's row, scored by replaying the receipt's option ids against the course. */
export function learnerRow(
  receipt: CohortReceipt,
  assignment: Pick<AssignmentPayload, 'items' | 'passMark'> & Partial<Pick<AssignmentPayload, 'role'>>,
  modules: CourseModule[],
): LearnerRow {
  const { payload } = receipt;
  const result = receiptResult({ ...assignment, role: assignment.role ?? null }, payload, modules);
  return {
    id: receipt.id,
    name: payload.learner.name,
    role: payload.learner.role,
    organisation: payload.learner.organisation,
    completedAt: payload.completedAt,
    minutes: Math.round(payload.seconds / 60),
    correct: result.correct,
    total: result.total,
    percent: result.percent,
    passed: result.passed,
    unfinishedLessons: result.lessons.filter((lesson) => !lesson.complete).length,
    countersignedCode: receipt.countersignedCode,
  };
}

/** Rows already worked out, by record: a cohort view keeps one per assignment between updates. */
export type LearnerRowCache = WeakMap<CohortReceipt, LearnerRow>;

const byName = new Intl.Collator();

export function cohortSummary(
  assignment: Pick<AssignmentPayload, 'items' | 'passMark'> & Partial<Pick<AssignmentPayload, 'role'>>,
  receipts: CohortReceipt[],
  modules: CourseModule[],
  /** Rows for these records worked out before (for this assignment only); new ones are added. */
  rows?: LearnerRowCache,
): CohortSummary {
  const learners = receipts
    .map((receipt) => {
      let row = rows?.get(receipt);
      if (!row) {
        row = learnerRow(receipt, assignment, modules);
        rows?.set(receipt, row);
      }
      return row;
    })
    .sort((a, b) => byName.compare(a.name, b.name) || a.completedAt.localeCompare(b.completedAt));
  // Each record's first answer to each question, gathered in one pass over the answers.
  const chosenByQuestion = new Map<string, { receiptId: string; optionIds: string[] }[]>();
  for (const receipt of receipts) {
    const seen = new Set<string>();
    for (const answer of receipt.payload.answers) {
      const key = `${answer.moduleId}/${answer.lessonId}/${answer.stepId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const chosen = chosenByQuestion.get(key) ?? [];
      chosen.push({ receiptId: receipt.id, optionIds: answer.optionIds });
      chosenByQuestion.set(key, chosen);
    }
  }
  const mythLearners = new Map<string, Set<string>>();
  const questions = assignedQuestions(assignment.items, modules, assignment.role ?? null).map(
    ({ courseModule, lesson, step }) => {
      const chosen = chosenByQuestion.get(`${courseModule.id}/${lesson.id}/${step.id}`) ?? [];
      const options = step.options.map((option): OptionShare => {
        const choosers = chosen.filter((answer) => answer.optionIds.includes(option.id));
        if (!option.correct && option.misconception) {
          const set = mythLearners.get(option.misconception) ?? new Set<string>();
          for (const answer of choosers) set.add(answer.receiptId);
          mythLearners.set(option.misconception, set);
        }
        return {
          optionId: option.id,
          correct: option.correct,
          misconception: option.correct ? undefined : option.misconception,
          count: choosers.length,
          share: chosen.length === 0 ? 0 : choosers.length / chosen.length,
        };
      });
      return { moduleId: courseModule.id, lessonId: lesson.id, stepId: step.id, answered: chosen.length, options };
    },
  );
  const myths = [...mythLearners.entries()]
    .map(([myth, set]) => ({ myth, learners: set.size }))
    .filter((entry) => entry.learners > 0)
    .sort((a, b) => b.learners - a.learners || a.myth.localeCompare(b.myth));
  return { learners, passed: learners.filter((row) => row.passed).length, questions, myths };
}
