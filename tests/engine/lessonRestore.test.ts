import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../src/engine/contentSchema';
import { createLessonMachine, lessonResult } from '../../src/engine/lessonMachine';
import { restoreLesson, withRole } from '../../src/engine/lessonRestore';

const option = (id: string, correct: boolean) => ({ id, correct, sources: [] });
const roleLesson = lessonSchema.parse({
  id: 'roles',
  start: 'first',
  steps: [
    { id: 'first', kind: 'question', options: [option('a', true), option('b', false)], next: 'by-role' },
    { id: 'by-role', kind: 'roleBranch', routes: { police: 'police-q' }, otherwise: 'general-q' },
    { id: 'police-q', kind: 'question', options: [option('a', true), option('b', false)], next: 'last' },
    { id: 'general-q', kind: 'question', options: [option('a', true), option('b', false)], next: 'last' },
    { id: 'last', kind: 'question', options: [option('a', true), option('b', false)], next: 'end' },
    { id: 'end', kind: 'summary' },
  ],
});

function finishedAs(role: 'police' | null) {
  const actor = createActor(createLessonMachine(roleLesson), { input: { role, seed: 5 } }).start();
  for (let move = 0; move < 6; move++) {
    const snapshot = actor.getSnapshot();
    if (snapshot.matches('answering')) actor.send({ type: 'learner.choose', optionIds: ['a'] });
    else actor.send({ type: 'learner.continue' });
  }
  expect(actor.getSnapshot().value).toBe('summary');
  return JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
}

describe('a role changed after a lesson was taken', () => {
  it('brings up the new role’s question and keeps every other answer', () => {
    const saved = finishedAs(null);
    const snapshot = withRole(roleLesson, saved, 'police');
    expect(snapshot?.value).toBe('answering');
    expect(snapshot?.context.stepId).toBe('police-q');
    expect(snapshot?.context.role).toBe('police');
    expect(snapshot?.context.answers.map((answer) => answer.stepId)).toEqual(['first', 'last']);

    const actor = createActor(createLessonMachine(roleLesson), { snapshot: snapshot!, input: {} }).start();
    actor.send({ type: 'learner.choose', optionIds: ['b'] });
    actor.send({ type: 'learner.continue' });
    // The last question was answered already: its feedback shows, then the summary.
    expect(actor.getSnapshot().value).toBe('feedback');
    actor.send({ type: 'learner.continue' });
    expect(actor.getSnapshot().value).toBe('summary');
    expect(lessonResult(roleLesson, actor.getSnapshot().context)).toMatchObject({ correct: 2, total: 3 });
  });

  it('restores a finished lesson exactly when nothing changed', () => {
    const saved = finishedAs('police');
    const restored = restoreLesson(roleLesson, saved, undefined);
    expect(restored.kind).toBe('same');
  });

  it('refuses a damaged snapshot rather than guessing', () => {
    expect(restoreLesson(roleLesson, { value: 'summary', context: { stepId: 3 } }, undefined)).toEqual({
      kind: 'restarted',
      reason: 'unreadable',
    });
    expect(withRole(roleLesson, 'nonsense', 'police')).toBeUndefined();
  });

  it('cannot be forged into a result: a snapshot claiming answers it never gave replays only real moves', () => {
    const saved = finishedAs('police');
    // Hand-edited: claims the learner is at the summary having visited only the first step.
    saved.context.visited = ['first', 'end'];
    const restored = restoreLesson(roleLesson, saved, undefined);
    expect(restored.kind).toBe('migrated');
    if (restored.kind === 'migrated') expect(restored.snapshot.value).not.toBe('summary');
  });
});
