import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { moduleMachine, moduleScore } from '../../src/engine/moduleMachine';

const input = { moduleId: 'practice', lessonIds: ['one', 'two'] };
const result = (correct: number, total: number) => ({ correct, total, myths: [] });

describe('module machine', () => {
  it('stays in progress until every lesson is done', () => {
    const actor = createActor(moduleMachine, { input }).start();
    actor.send({ type: 'lesson.completed', lessonId: 'one', result: result(5, 5), at: 100 });
    expect(actor.getSnapshot().value).toBe('inProgress');
  });

  it('passes when the score across lessons meets the default 80% pass mark', () => {
    const actor = createActor(moduleMachine, { input }).start();
    actor.send({ type: 'lesson.completed', lessonId: 'one', result: result(4, 5), at: 100 });
    actor.send({ type: 'lesson.completed', lessonId: 'two', result: result(4, 5), at: 200 });
    expect(actor.getSnapshot().value).toBe('passed');
    expect(actor.getSnapshot().context.passedAt).toBe(200);
    expect(moduleScore(actor.getSnapshot().context)).toEqual({ correct: 8, total: 10 });
  });

  it('does not pass below the pass mark, and passes after a lesson is retaken well', () => {
    const actor = createActor(moduleMachine, { input }).start();
    actor.send({ type: 'lesson.completed', lessonId: 'one', result: result(2, 5), at: 100 });
    actor.send({ type: 'lesson.completed', lessonId: 'two', result: result(5, 5), at: 200 });
    expect(actor.getSnapshot().value).toBe('notPassed');
    actor.send({ type: 'lesson.completed', lessonId: 'one', result: result(5, 5), at: 300 });
    expect(actor.getSnapshot().value).toBe('passed');
  });

  it('keeps a pass when a lesson is retaken for practice', () => {
    const actor = createActor(moduleMachine, { input: { ...input, passMark: 0.5 } }).start();
    actor.send({ type: 'lesson.completed', lessonId: 'one', result: result(5, 5), at: 100 });
    actor.send({ type: 'lesson.completed', lessonId: 'two', result: result(5, 5), at: 200 });
    actor.send({ type: 'lesson.completed', lessonId: 'two', result: result(0, 5), at: 300 });
    expect(actor.getSnapshot().value).toBe('passed');
  });

  it('ignores a lesson it does not know and clears everything on restart', () => {
    const actor = createActor(moduleMachine, { input }).start();
    actor.send({ type: 'lesson.completed', lessonId: 'elsewhere', result: result(1, 1), at: 100 });
    expect(actor.getSnapshot().context.results).toEqual({});
    actor.send({ type: 'lesson.completed', lessonId: 'one', result: result(1, 1), at: 100 });
    actor.send({ type: 'lesson.completed', lessonId: 'two', result: result(1, 1), at: 100 });
    actor.send({ type: 'learner.restartModule' });
    expect(actor.getSnapshot().value).toBe('inProgress');
    expect(actor.getSnapshot().context).toMatchObject({ results: {}, passedAt: null });
  });
});
