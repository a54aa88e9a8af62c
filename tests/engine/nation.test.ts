// The nation design: a nation branch sends each learner to the decision written for the law they
// work under, the nation is asked with the role, a changed nation brings up its own questions, and
// words, CPD minutes, recompute and content checks follow the nation's path and variants.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { lessonSchema, moduleSchema, type Nation, type Role } from '../../src/engine/contentSchema';
import { estimateCpdMinutes, lessonMinuteRange, minutesForLessons } from '../../src/engine/cpdMinutes';
import { createLessonMachine } from '../../src/engine/lessonMachine';
import { withRole } from '../../src/engine/lessonRestore';
import { nationOfPath } from '../../src/engine/nationPath';
import { variantOf, wordsForNation } from '../../src/engine/nationWords';
import { recomputeLesson } from '../../src/engine/recompute';
import { requiredKeys, unneededKeys } from '../../src/engine/requiredKeys';
import { receiptPayloadSchema } from '../../src/trainer/receiptCode';
import { receiptResult } from '../../src/trainer/receiptResult';

const option = (id: string, correct: boolean) => ({ id, correct, sources: [] });
const lesson = lessonSchema.parse({
  id: 'duty',
  start: 'intro',
  steps: [
    { id: 'intro', kind: 'reading', next: 'by-nation' },
    { id: 'by-nation', kind: 'nationBranch', routes: { wales: 'wales-q' }, otherwise: 'shared-q' },
    { id: 'wales-q', kind: 'question', options: [option('s130', true), option('none', false)], next: 'shared-q' },
    { id: 'shared-q', kind: 'question', options: [option('a', true), option('b', false)], next: 'end' },
    { id: 'end', kind: 'summary' },
  ],
});

function start(input: { role?: Role | null; nation?: Nation | null; askRole?: boolean; askNation?: boolean }) {
  return createActor(createLessonMachine(lesson), { input: { seed: 1, ...input } }).start();
}

/** Plays to the summary choosing the right option; returns the persisted snapshot. */
function finish(nation: Nation | null) {
  const actor = start({ nation });
  for (let move = 0; move < 10 && !actor.getSnapshot().matches('summary'); move++) {
    const snapshot = actor.getSnapshot();
    if (snapshot.matches('answering')) {
      const id = snapshot.context.stepId === 'wales-q' ? 's130' : 'a';
      actor.send({ type: 'learner.choose', optionIds: [id] });
    } else actor.send({ type: 'learner.continue' });
  }
  expect(actor.getSnapshot().value).toBe('summary');
  return JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
}

describe('a nation branch', () => {
  it('sends a learner in Wales to the Wales decision, and one in England (or with none given) on', () => {
    for (const [nation, next] of [
      ['wales', 'wales-q'],
      ['england', 'shared-q'],
      [null, 'shared-q'],
    ] as const) {
      const actor = start({ nation });
      actor.send({ type: 'learner.continue' });
      expect(actor.getSnapshot().context.stepId, String(nation)).toBe(next);
      // Never shown: the branch is not in the visited list.
      expect(actor.getSnapshot().context.visited).toEqual(['intro', next]);
    }
  });

  it('asks for the nation, with the role, when the learner has given neither', () => {
    const actor = start({ askRole: true, askNation: true });
    actor.send({ type: 'learner.continue' });
    expect(actor.getSnapshot().value).toBe('choosingRole');
    actor.send({ type: 'learner.chooseRole', role: 'health', nation: 'wales' });
    expect(actor.getSnapshot().context).toMatchObject({
      role: 'health',
      nation: 'wales',
      stepId: 'wales-q',
      askRole: false,
      askNation: false,
    });
  });

  it('asks only for the nation of a learner whose role is known, and not at all when both are', () => {
    const asked = start({ role: 'police', askNation: true });
    asked.send({ type: 'learner.continue' });
    expect(asked.getSnapshot().value).toBe('choosingRole');
    asked.send({ type: 'learner.chooseRole', role: 'police', nation: 'england' });
    expect(asked.getSnapshot().context).toMatchObject({ role: 'police', nation: 'england', stepId: 'shared-q' });

    const known = start({ role: 'police', nation: 'wales', askNation: true });
    known.send({ type: 'learner.continue' });
    expect(known.getSnapshot().value).toBe('answering');
  });

  it('after a change of nation, brings up the new nation’s question and keeps the other answers', () => {
    const saved = finish('england');
    const snapshot = withRole(lesson, saved, null, 'wales');
    expect(snapshot?.context).toMatchObject({ nation: 'wales', stepId: 'wales-q' });
    expect(snapshot?.value).toBe('answering');
    expect(snapshot?.context.answers.map((answer) => answer.stepId)).toEqual(['shared-q']);
    // Left out, the nation the lesson was taken with is kept.
    expect(withRole(lesson, saved, 'police')?.context.nation).toBe('england');
  });
});

describe('recomputing a result on a nation’s path', () => {
  const walesAnswers = [
    { stepId: 'wales-q', optionIds: ['none'] },
    { stepId: 'shared-q', optionIds: ['a'] },
  ];

  it('counts the Wales decision on the Wales path, and only the shared one in England', () => {
    expect(recomputeLesson(lesson, walesAnswers, { nation: 'wales' })).toMatchObject({
      complete: true,
      correct: 1,
      total: 2,
    });
    expect(recomputeLesson(lesson, walesAnswers, { nation: 'england' })).toMatchObject({
      complete: true,
      correct: 1,
      total: 1,
    });
  });

  it('needs the Wales decision answered for a Wales path, and takes any path when the nation is not fixed', () => {
    const shared = [{ stepId: 'shared-q', optionIds: ['a'] }];
    expect(recomputeLesson(lesson, shared, { nation: 'wales' }).complete).toBe(false);
    expect(recomputeLesson(lesson, shared).complete).toBe(true);
    // The longest answered path counts when the record names no nation.
    expect(recomputeLesson(lesson, walesAnswers).total).toBe(2);
  });

  it('names the nation of the path taken, from the lessons’ saved places', () => {
    const reading = lessonSchema.parse({
      id: 'plain',
      start: 'r',
      steps: [
        { id: 'r', kind: 'reading', next: 'e' },
        { id: 'e', kind: 'summary' },
      ],
    });
    expect(nationOfPath([{ lesson, saved: finish('wales') }], null)).toBe('wales');
    expect(nationOfPath([{ lesson, saved: finish(null) }], 'wales')).toBeUndefined();
    expect(nationOfPath([{ lesson: reading, saved: undefined }], 'wales')).toBe('wales');
    expect(nationOfPath([{ lesson: reading, saved: undefined }], null)).toBeUndefined();
    expect(
      nationOfPath(
        [
          { lesson, saved: finish('wales') },
          { lesson, saved: finish('england') },
        ],
        'wales',
      ),
    ).toBeUndefined();
  });
});

describe('word variants by nation', () => {
  const words = {
    'duty.title': 'Duty',
    'duty.intro.title': 'Tell your designated safeguarding lead',
    'duty.intro.title_wales':
      'Tell your designated safeguarding person today, as the procedures in Wales expect of you',
    'duty.wales-q.title': 'In Wales',
    'duty.wales-q.prompt': 'What does the law expect?',
    'duty.wales-q.option.s130': 'Tell the local authority',
    'duty.wales-q.option.s130.why': 'Right: section 130.',
    'duty.wales-q.option.none': 'Nothing',
    'duty.wales-q.option.none.why': 'Not quite.',
    'duty.shared-q.title': 'Shared',
    'duty.shared-q.prompt': 'Which?',
    'duty.shared-q.option.a': 'A',
    'duty.shared-q.option.a.why': 'Right.',
    'duty.shared-q.option.b': 'B',
    'duty.shared-q.option.b.why': 'No.',
    'duty.end.title': 'End',
  };

  it('reads a key’s Wales variant for Wales, and the shared words otherwise', () => {
    expect(wordsForNation(words, 'wales')['duty.intro.title']).toMatch(/designated safeguarding person/);
    expect(wordsForNation(words, 'england')['duty.intro.title']).toBe('Tell your designated safeguarding lead');
    expect(wordsForNation(words, null)).toBe(words);
    expect(variantOf('duty.intro.title_wales')).toEqual({ base: 'duty.intro.title', nation: 'wales' });
    expect(variantOf('duty.intro.title')).toBeUndefined();
  });

  const courseModule = moduleSchema.parse({
    id: 'duty-module',
    theme: 'orientation',
    contentNote: { intensity: 'low' },
    passMark: 0.5,
    cpdMinutes: 5,
    outcomes: ['know'],
    lessons: [{ ...lesson, outcomes: ['know'] }],
    lawCheckedTo: '2026-12-03',
  });

  it('counts CPD minutes in the nation’s words, on its path', () => {
    const wales = lessonMinuteRange(lesson, words, 'wales');
    const england = lessonMinuteRange(lesson, words, 'england');
    // Wales has one more decision (30 seconds) and longer words on the first step.
    expect(wales.shortest).toBeGreaterThan(england.shortest + 0.5);
    const both = lessonMinuteRange(lesson, words);
    expect(both.shortest).toBeCloseTo(england.shortest, 9);
    expect(both.longest).toBeCloseTo(wales.longest, 9);
    const path = { lessonId: 'duty', visited: ['intro'], answers: [] };
    expect(minutesForLessons(courseModule, words, [path], 'wales')).toBeGreaterThanOrEqual(
      minutesForLessons(courseModule, words, [path], 'england'),
    );
    expect(estimateCpdMinutes(courseModule, words, 'wales')).toBeGreaterThanOrEqual(
      estimateCpdMinutes(courseModule, words, 'england'),
    );
  });

  it('accepts a Wales variant only of a key the module needs', () => {
    const all = Object.fromEntries(requiredKeys(courseModule).map((key) => [key, 'words']));
    expect(unneededKeys(courseModule, { ...all, 'duty.intro.title_wales': 'Wales words' })).toEqual([]);
    expect(unneededKeys(courseModule, { ...all, 'duty.gone.title_wales': 'No base', 'duty.gone': 'x' })).toEqual([
      'duty.gone.title_wales',
      'duty.gone',
    ]);
  });
});

describe('a receipt’s nation', () => {
  const courseModule = moduleSchema.parse({
    id: 'duty-module',
    theme: 'orientation',
    contentNote: { intensity: 'low' },
    passMark: 1,
    cpdMinutes: 5,
    outcomes: ['know'],
    lessons: [{ ...lesson, outcomes: ['know'] }],
    lawCheckedTo: '2026-12-03',
  });
  const assignment = { items: [{ moduleId: 'duty-module' }], passMark: 100, role: null };
  const answers = [
    { moduleId: 'duty-module', lessonId: 'duty', stepId: 'wales-q', optionIds: ['none'], correct: false },
    { moduleId: 'duty-module', lessonId: 'duty', stepId: 'shared-q', optionIds: ['a'], correct: true },
  ];

  it('is replayed on that nation’s path; a receipt without one (older) takes any path', () => {
    expect(receiptResult(assignment, { answers, learner: { nation: 'wales' } }, [courseModule])).toMatchObject({
      correct: 1,
      total: 2,
      passed: false,
    });
    expect(receiptResult(assignment, { answers, learner: { nation: 'england' } }, [courseModule])).toMatchObject({
      correct: 1,
      total: 1,
      passed: true,
    });
    expect(receiptResult(assignment, { answers }, [courseModule]).total).toBe(2);
  });

  it('is optional in the receipt’s schema, and only England or Wales', () => {
    const learner = { name: 'Siân', role: null, organisation: '', key: 'k' };
    const receipt = {
      v: 1,
      assignmentId: 'abcdefghijklmnop',
      learner,
      completedAt: '2026-12-03T10:00:00Z',
      seconds: 60,
      score: { correct: 1, total: 2 },
      answers,
    };
    expect(receiptPayloadSchema.safeParse(receipt).success).toBe(true);
    expect(receiptPayloadSchema.safeParse({ ...receipt, learner: { ...learner, nation: 'wales' } }).success).toBe(true);
    expect(receiptPayloadSchema.safeParse({ ...receipt, learner: { ...learner, nation: 'scotland' } }).success).toBe(
      false,
    );
  });
});
