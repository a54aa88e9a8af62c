import { describe, expect, it } from 'vitest';
import { moduleSchema } from '../../src/engine/contentSchema';
import { assignedQuestions } from '../../src/trainer/assignmentContent';
import { practiceModule } from '../fixtures/practiceModule';

// The same scenario lesson with its steps listed in another order: the start is declared, not
// implied by position, so an assignment must cover the same questions either way.
const reordered = moduleSchema.parse({
  ...practiceModule,
  lessons: practiceModule.lessons.map((lesson) =>
    lesson.id === 'scenario' ? { ...lesson, steps: [...lesson.steps].reverse() } : lesson,
  ),
});

const ids = (modules: (typeof practiceModule)[]) =>
  assignedQuestions([{ moduleId: 'practice', lessonId: 'scenario' }], modules).map(({ step }) => step.id);

describe('the questions an assignment covers', () => {
  it('walks from the lesson start, whatever order its steps are listed in', () => {
    expect(ids([practiceModule]).sort()).toEqual(['call', 'follow-up', 'missed']);
    expect(ids([reordered]).sort()).toEqual(['call', 'follow-up', 'missed']);
  });
});
