import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../src/engine/contentSchema';
import { findGraphProblems } from '../../src/engine/lessonGraph';
import { createLessonMachine, isAnswerCorrect, lessonResult, type LessonInput } from '../../src/engine/lessonMachine';
import type { Lesson } from '../../src/engine/contentSchema';
import { practiceModule } from '../fixtures/practiceModule';

const [basics, scenario] = practiceModule.lessons;

function start(lesson: Lesson = basics, input: LessonInput = {}) {
  return createActor(createLessonMachine(lesson), { input }).start();
}

describe('lesson machine', () => {
  it('moves from reading to a question, gives feedback, and ends at the summary with a score', () => {
    const actor = start();
    expect(actor.getSnapshot().value).toBe('reading');
    actor.send({ type: 'learner.continue' });
    expect(actor.getSnapshot().value).toBe('answering');
    expect(actor.getSnapshot().context.stepId).toBe('age');

    actor.send({ type: 'learner.choose', optionIds: ['adult'] });
    expect(actor.getSnapshot().value).toBe('feedback');
    expect(actor.getSnapshot().context.answers).toEqual([
      { stepId: 'age', optionIds: ['adult'], offered: ['adult', 'child'] },
    ]);

    actor.send({ type: 'learner.continue' });
    actor.send({ type: 'learner.choose', optionIds: ['choice', 'streetwise'] });
    actor.send({ type: 'learner.continue' });
    expect(actor.getSnapshot().value).toBe('summary');
    expect(lessonResult(basics, actor.getSnapshot().context)).toEqual({
      correct: 1,
      total: 2,
      myths: ['shes-streetwise'],
    });
  });

  it('takes the profile read after the first step showed, but only before the learner has moved', () => {
    const actor = start(basics, { askRole: true });
    actor.send({ type: 'learner.profileRead', role: 'health', askRole: true });
    expect(actor.getSnapshot().context).toMatchObject({ role: 'health', askRole: false, stepId: basics.start });
    expect(actor.getSnapshot().value).toBe('reading');

    const moved = start(basics, { askRole: true });
    moved.send({ type: 'learner.continue' });
    moved.send({ type: 'learner.profileRead', role: 'police', askRole: false });
    expect(moved.getSnapshot().context).toMatchObject({ role: null, askRole: true });
  });

  it('counts a multiple-choice answer right only when exactly the right options are chosen', () => {
    const actor = start();
    actor.send({ type: 'learner.continue' });
    actor.send({ type: 'learner.choose', optionIds: ['child'] });
    actor.send({ type: 'learner.continue' });
    actor.send({ type: 'learner.choose', optionIds: ['streetwise'] });
    expect(isAnswerCorrect(basics, actor.getSnapshot().context.answers.at(-1)!)).toBe(false);
  });

  it('ignores a choice that is empty, unknown, or too many for a single-choice question', () => {
    const actor = start();
    actor.send({ type: 'learner.continue' });
    actor.send({ type: 'learner.choose', optionIds: [] });
    actor.send({ type: 'learner.choose', optionIds: ['nonsense'] });
    actor.send({ type: 'learner.choose', optionIds: ['child', 'adult'] });
    expect(actor.getSnapshot().value).toBe('answering');
    expect(actor.getSnapshot().context.answers).toEqual([]);
  });

  it('follows the branch the learner chose in a scenario', () => {
    const good = start(scenario);
    good.send({ type: 'learner.choose', optionIds: ['act'] });
    good.send({ type: 'learner.continue' });
    expect(good.getSnapshot().context.stepId).toBe('follow-up');

    const poor = start(scenario);
    poor.send({ type: 'learner.choose', optionIds: ['wait'] });
    poor.send({ type: 'learner.continue' });
    expect(poor.getSnapshot().context.stepId).toBe('missed');
    poor.send({ type: 'learner.choose', optionIds: ['close'] });
    poor.send({ type: 'learner.continue' });
    expect(poor.getSnapshot().context.stepId).toBe('poor-end');
    expect(poor.getSnapshot().value).toBe('summary');
  });

  it('shows and hides the other options’ explanations on request', () => {
    const actor = start(scenario);
    actor.send({ type: 'learner.choose', optionIds: ['act'] });
    actor.send({ type: 'learner.toggleOtherExplanations' });
    expect(actor.getSnapshot().context.showOtherExplanations).toBe(true);
    actor.send({ type: 'learner.toggleOtherExplanations' });
    expect(actor.getSnapshot().context.showOtherExplanations).toBe(false);
  });

  it('resumes from a persisted snapshot at the same step with the same feedback', () => {
    const actor = start();
    actor.send({ type: 'learner.continue' });
    actor.send({ type: 'learner.choose', optionIds: ['child'] });
    actor.send({ type: 'learner.toggleOtherExplanations' });
    const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();

    const restored = createActor(createLessonMachine(basics), { snapshot: saved, input: {} }).start();
    const snapshot = restored.getSnapshot();
    expect(snapshot.value).toBe('feedback');
    expect(snapshot.context.stepId).toBe('age');
    expect(snapshot.context.showOtherExplanations).toBe(true);
    expect(snapshot.context.answers).toEqual([{ stepId: 'age', optionIds: ['child'], offered: ['adult', 'child'] }]);
  });

  it('saves only the learner’s own state: never the lesson, never which option is right', () => {
    const actor = start();
    actor.send({ type: 'learner.continue' });
    actor.send({ type: 'learner.choose', optionIds: ['child'] });
    const saved = actor.getPersistedSnapshot() as unknown as { context: Record<string, unknown> };
    expect(Object.keys(saved.context).sort()).toEqual([
      'answers',
      'askNation',
      'askRole',
      'fallbackStepId',
      'nation',
      'role',
      'seed',
      'showOtherExplanations',
      'stepId',
      'visited',
    ]);
    expect(JSON.stringify(saved)).not.toMatch(/correct|"steps"|"next"/);
  });

  it('starts again from the first step when the learner restarts', () => {
    const actor = start();
    actor.send({ type: 'learner.continue' });
    actor.send({ type: 'learner.choose', optionIds: ['child'] });
    const seed = actor.getSnapshot().context.seed;
    actor.send({ type: 'learner.restart' });
    expect(actor.getSnapshot().value).toBe('reading');
    expect(actor.getSnapshot().context).toMatchObject({ stepId: 'intro', answers: [], visited: ['intro'] });
    // A new attempt orders the options anew.
    expect(actor.getSnapshot().context.seed).not.toBe(seed);
  });

  it('judges a scenario choice against the shipped lesson', () => {
    const actor = start(scenario);
    actor.send({ type: 'learner.choose', optionIds: ['wait'] });
    expect(lessonResult(scenario, actor.getSnapshot().context)).toMatchObject({ correct: 0, total: 1 });
  });
});

describe('role paths', () => {
  const roleLesson = lessonSchema.parse({
    id: 'roles',
    start: 'intro',
    steps: [
      { id: 'intro', kind: 'reading', next: 'by-role' },
      {
        id: 'by-role',
        kind: 'roleBranch',
        routes: { police: 'police-call', education: 'school-call' },
        otherwise: 'general-call',
      },
      { id: 'police-call', kind: 'reading', next: 'end' },
      { id: 'school-call', kind: 'reading', next: 'end' },
      { id: 'general-call', kind: 'reading', next: 'end' },
      { id: 'end', kind: 'summary' },
    ],
  });

  it.each([
    ['police', 'police-call'],
    ['education', 'school-call'],
    ['health', 'general-call'],
    [null, 'general-call'],
  ] as const)('sends a learner whose role is %s to %s, counting it as one step', (role, expected) => {
    const actor = start(roleLesson, { role });
    actor.send({ type: 'learner.continue' });
    expect(actor.getSnapshot().value).toBe('reading');
    expect(actor.getSnapshot().context.stepId).toBe(expected);
    expect(actor.getSnapshot().context.visited).toEqual(['intro', expected]);
  });

  it('asks a learner with no role for one at the first role branch, and takes the route for it', () => {
    const actor = start(roleLesson, { askRole: true });
    actor.send({ type: 'learner.continue' });
    expect(actor.getSnapshot().value).toBe('choosingRole');
    actor.send({ type: 'learner.chooseRole', role: 'education' });
    expect(actor.getSnapshot().context).toMatchObject({ role: 'education', stepId: 'school-call', askRole: false });
    expect(actor.getSnapshot().context.visited).toEqual(['intro', 'school-call']);
    expect(actor.getSnapshot().context.fallbackStepId).toBeNull();
  });

  it('says when a role branch falls back to the question written for everyone', () => {
    const declined = start(roleLesson, { askRole: true });
    declined.send({ type: 'learner.continue' });
    declined.send({ type: 'learner.chooseRole', role: null });
    expect(declined.getSnapshot().context).toMatchObject({ stepId: 'general-call', fallbackStepId: 'general-call' });
    const health = start(roleLesson, { role: 'health', askRole: true });
    health.send({ type: 'learner.continue' });
    expect(health.getSnapshot().value).toBe('reading');
    expect(health.getSnapshot().context.fallbackStepId).toBe('general-call');
  });

  it('finds no graph problem in a lesson with role paths', () => {
    expect(findGraphProblems(roleLesson)).toEqual([]);
  });
});

describe('content notes', () => {
  const noted = lessonSchema.parse({
    id: 'noted',
    start: 'note',
    steps: [
      { id: 'note', kind: 'contentNote', intensity: 'high', next: 'scene', alternative: 'plain' },
      { id: 'scene', kind: 'reading', next: 'end' },
      { id: 'plain', kind: 'reading', next: 'end' },
      { id: 'end', kind: 'summary' },
    ],
  });

  it('waits at the note, then goes on to the material or the alternative route', () => {
    const onward = start(noted);
    expect(onward.getSnapshot().value).toBe('contentNote');
    onward.send({ type: 'learner.continue' });
    expect(onward.getSnapshot().context.stepId).toBe('scene');

    const alternative = start(noted);
    alternative.send({ type: 'learner.takeAlternative' });
    expect(alternative.getSnapshot().context.stepId).toBe('plain');
    alternative.send({ type: 'learner.continue' });
    expect(alternative.getSnapshot().value).toBe('summary');
  });

  it('ignores a request for the alternative route anywhere but at a content note', () => {
    const actor = start(noted);
    actor.send({ type: 'learner.continue' });
    actor.send({ type: 'learner.takeAlternative' });
    expect(actor.getSnapshot().context.stepId).toBe('scene');
  });
});
