import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../src/engine/contentSchema';
import { distancesToEnd, fewestDecisionsOnAnyPath, findGraphProblems } from '../../src/engine/lessonGraph';
import { practiceModule } from '../fixtures/practiceModule';

const lesson = (steps: unknown[], start = 'a') => lessonSchema.parse({ id: 'l', start, steps });
const problemsOf = (steps: unknown[], start?: string) =>
  findGraphProblems(lesson(steps, start)).map((p) => `${p.problem}:${p.stepId ?? ''}`);

describe('lesson graph checks', () => {
  it('finds nothing wrong with a sound lesson', () => {
    for (const sound of practiceModule.lessons) expect(findGraphProblems(sound)).toEqual([]);
  });

  it('reports a step nobody can reach', () => {
    expect(
      problemsOf([
        { id: 'a', kind: 'reading', next: 'z' },
        { id: 'orphan', kind: 'reading', next: 'z' },
        { id: 'z', kind: 'summary' },
      ]),
    ).toEqual(['unreachable:orphan']);
  });

  it('reports a link to a step that does not exist', () => {
    expect(
      problemsOf([
        { id: 'a', kind: 'reading', next: 'nowhere' },
        { id: 'z', kind: 'summary' },
      ]),
    ).toEqual(['missing-target:a']);
  });

  it('reports a loop that never reaches a summary as a dead end and a cycle', () => {
    expect(
      problemsOf([
        { id: 'a', kind: 'reading', next: 'b' },
        { id: 'b', kind: 'reading', next: 'a' },
        { id: 'z', kind: 'summary' },
      ]),
    ).toEqual(['dead-end:a', 'dead-end:b', 'unreachable:z', 'cycle:']);
  });

  it('measures distance to the end and scenario depth on the shortest path', () => {
    const scenario = practiceModule.lessons[1];
    expect(distancesToEnd(scenario).get('call')).toBe(2);
    expect(fewestDecisionsOnAnyPath(scenario)).toBe(2);
  });
});
