import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineResults, recomputeLesson, recomputeModule } from '../../src/engine/recompute';
import { practiceModule } from '../fixtures/practiceModule';

const [basics, scenario] = practiceModule.lessons;

describe('recomputing a result from the answer log and the shipped lesson', () => {
  it('judges each answer by the content, whatever the log claims', () => {
    const result = recomputeLesson(basics, [
      // A log entry claiming a wrong option was right counts for nothing: only option ids are read.
      { stepId: 'age', optionIds: ['adult'], correct: true } as never,
      { stepId: 'words', optionIds: ['streetwise', 'choice'] },
    ]);
    expect(result).toMatchObject({ complete: true, correct: 1, total: 2 });
    expect(result.answers.map((answer) => answer.correct)).toEqual([false, true]);
  });

  it('takes the latest answer to a step', () => {
    const result = recomputeLesson(basics, [
      { stepId: 'age', optionIds: ['child'], at: 30 },
      { stepId: 'age', optionIds: ['adult'], at: 10 },
      { stepId: 'words', optionIds: ['groomed'], at: 20 },
    ]);
    expect(result).toMatchObject({ complete: true, correct: 1, total: 2 });
  });

  it('is not finished while a decision on every path is unanswered, and never passes 0 of 0', () => {
    expect(recomputeLesson(basics, [{ stepId: 'age', optionIds: ['child'] }])).toMatchObject({ complete: false });
    expect(recomputeLesson(basics, [])).toMatchObject({ complete: false, total: 0 });
    const empty = recomputeModule(practiceModule, () => []);
    expect(empty).toMatchObject({ passed: false, complete: false, total: 0 });
    expect(combineResults([], 0)).toMatchObject({ passed: false });
    expect(combineResults([{ lessonId: 'x', complete: true, answers: [], correct: 0, total: 0 }], 0).passed).toBe(
      false,
    );
  });

  it('refuses answers the lesson could not have accepted', () => {
    const result = recomputeLesson(basics, [
      { stepId: 'age', optionIds: ['child', 'adult'] },
      { stepId: 'words', optionIds: ['made-up'] },
      { stepId: 'no-such-step', optionIds: ['child'] },
    ]);
    expect(result).toMatchObject({ complete: false, total: 0 });
  });

  it('follows the scenario branch the learner chose', () => {
    const act = recomputeLesson(scenario, [
      { stepId: 'call', optionIds: ['act'] },
      { stepId: 'follow-up', optionIds: ['share'] },
    ]);
    expect(act).toMatchObject({ complete: true, correct: 2, total: 2 });
    // An answer on a stage the chosen branch never reached is not counted.
    const wait = recomputeLesson(scenario, [
      { stepId: 'call', optionIds: ['wait'] },
      { stepId: 'follow-up', optionIds: ['share'] },
    ]);
    expect(wait).toMatchObject({ complete: false });
  });

  it('passes a module only when every lesson is finished and the pass mark is met', () => {
    const logs: Record<string, { stepId: string; optionIds: string[] }[]> = {
      basics: [
        { stepId: 'age', optionIds: ['child'] },
        { stepId: 'words', optionIds: ['streetwise', 'choice'] },
      ],
      scenario: [
        { stepId: 'call', optionIds: ['act'] },
        { stepId: 'follow-up', optionIds: ['share'] },
      ],
    };
    expect(recomputeModule(practiceModule, (id) => logs[id])).toMatchObject({ passed: true, correct: 4, total: 4 });
    expect(recomputeModule(practiceModule, (id) => (id === 'basics' ? logs[id] : []))).toMatchObject({ passed: false });
  });

  it('never throws, and never counts more right than asked or more than the lesson holds', () => {
    const stepIds = practiceModule.lessons.flatMap((lesson) => lesson.steps.map((step) => step.id));
    const optionIds = practiceModule.lessons.flatMap((lesson) =>
      lesson.steps.flatMap((step) => ('options' in step ? step.options.map((option) => option.id) : [])),
    );
    const answer = fc.record({
      stepId: fc.oneof(fc.constantFrom(...stepIds), fc.string()),
      optionIds: fc.array(fc.oneof(fc.constantFrom(...optionIds), fc.string()), { maxLength: 4 }),
      at: fc.option(fc.integer(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 12 }), fc.constantFrom(...practiceModule.lessons), (log, lesson) => {
        const result = recomputeLesson(lesson, log);
        expect(result.correct).toBeLessThanOrEqual(result.total);
        expect(result.total).toBeLessThanOrEqual(lesson.steps.length);
      }),
    );
  });
});
