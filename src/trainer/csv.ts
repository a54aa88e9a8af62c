// The cohort as CSV for a spreadsheet. Every cell is quoted, and a cell a spreadsheet would read as
// a formula (=, +, -, @, tab, carriage return) starts with an apostrophe, so a learner's name can
// never run as a formula on the trainer's computer.
import type { LearnerRow, QuestionShares } from './cohort';

export function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(cells: (string | number | boolean)[]): string {
  return cells.map(csvCell).join(',');
}

export interface CsvHeadings {
  name: string;
  role: string;
  organisation: string;
  completedAt: string;
  minutes: string;
  correct: string;
  total: string;
  percent: string;
  passed: string;
  yes: string;
  no: string;
  module: string;
  lesson: string;
  question: string;
  questionId: string;
  option: string;
  optionId: string;
  optionCorrect: string;
  learners: string;
  share: string;
}

/** The words a person reads for a question and its options, in the trainer's language. */
export interface QuestionWords {
  module: (moduleId: string) => string;
  lesson: (moduleId: string, lessonId: string) => string;
  question: (question: QuestionShares) => string;
  option: (question: QuestionShares, optionId: string) => string;
}

/**
 * One row per learner, then the option shares for each question: module, lesson, question and
 * option in words, with the course's ids beside them for anyone matching them up.
 */
export function cohortCsv(
  learners: LearnerRow[],
  questions: QuestionShares[],
  headings: CsvHeadings,
  roleName: (role: LearnerRow['role']) => string,
  words: QuestionWords,
): string {
  const lines = [
    csvLine([
      headings.name,
      headings.role,
      headings.organisation,
      headings.completedAt,
      headings.minutes,
      headings.correct,
      headings.total,
      headings.percent,
      headings.passed,
    ]),
    ...learners.map((row) =>
      csvLine([
        row.name,
        roleName(row.role),
        row.organisation,
        row.completedAt,
        row.minutes,
        row.correct,
        row.total,
        row.percent,
        row.passed ? headings.yes : headings.no,
      ]),
    ),
  ];
  if (questions.length > 0) {
    lines.push(
      '',
      csvLine([
        headings.module,
        headings.lesson,
        headings.question,
        headings.option,
        headings.optionCorrect,
        headings.learners,
        headings.share,
        headings.questionId,
        headings.optionId,
      ]),
    );
    for (const question of questions) {
      for (const option of question.options) {
        lines.push(
          csvLine([
            words.module(question.moduleId),
            words.lesson(question.moduleId, question.lessonId),
            words.question(question),
            words.option(question, option.optionId),
            option.correct ? headings.yes : headings.no,
            option.count,
            Math.round(option.share * 100),
            `${question.moduleId}/${question.lessonId}/${question.stepId}`,
            option.optionId,
          ]),
        );
      }
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
