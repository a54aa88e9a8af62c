import { describe, expect, it } from 'vitest';
import { moduleSchema } from '../../src/engine/contentSchema';
import {
  estimateCpdMinutes,
  lessonMinuteRange,
  minutesForLessons,
  minutesForPath,
  moduleMinuteRange,
  MINUTES_PER_DECISION,
  WORDS_PER_MINUTE,
} from '../../src/engine/cpdMinutes';
import { practiceModule, practiceStrings } from '../fixtures/practiceModule';

const words = (minutes: number) => Array.from({ length: minutes * WORDS_PER_MINUTE }, () => 'word').join(' ');

/** One reading, one question and a branching scenario, with word counts chosen in whole minutes. */
const courseModule = moduleSchema.parse({
  id: 'timed',
  version: 1,
  lawCheckedTo: '2026-12-04',
  theme: 'adultification',
  cpdMinutes: 10,
  contentNote: { intensity: 'low' },
  outcomes: ['o'],
  lessons: [
    {
      id: 'l',
      start: 'read',
      steps: [
        { id: 'read', kind: 'reading', paragraphs: [{ id: 'p1' }], next: 'q' },
        {
          id: 'q',
          kind: 'question',
          options: [
            { id: 'right', correct: true },
            { id: 'wrong', correct: false, misconception: 'm' },
          ],
          next: 'fork',
        },
        {
          id: 'fork',
          kind: 'scenario',
          options: [
            { id: 'short', correct: true, next: 'end' },
            { id: 'long', correct: false, misconception: 'm', next: 'detour' },
          ],
        },
        { id: 'detour', kind: 'reading', paragraphs: [{ id: 'p1' }], next: 'end' },
        { id: 'end', kind: 'summary', paragraphs: [{ id: 'p1' }] },
      ],
    },
  ],
});
const lesson = courseModule.lessons[0];
const text: Record<string, string> = {
  'l.read.p1': words(2),
  'l.q.option.right': words(1),
  'l.q.option.right.why': words(1),
  'l.q.option.wrong.why': words(3),
  'l.fork.option.short.why': words(1),
  'l.fork.option.long.why': words(2),
  'l.detour.p1': words(4),
  'l.end.p1': words(1),
};

describe('CPD minutes', () => {
  it('reads at 200 words a minute and gives each decision 30 seconds', () => {
    expect(WORDS_PER_MINUTE).toBe(200);
    expect(MINUTES_PER_DECISION).toBe(0.5);
  });

  it('counts the steps seen, every option, and the explanations of the options chosen', () => {
    const path = {
      visited: ['read', 'q', 'fork', 'end'],
      answers: [
        { stepId: 'q', optionIds: ['wrong'] },
        { stepId: 'fork', optionIds: ['short'] },
      ],
    };
    // reading 2 + option 1 + its explanation 3 + scenario explanation 1 + summary 1 + two decisions 1
    expect(minutesForPath(lesson, text, path)).toBe(9);
    // every explanation opened: 1 + 3 at the question, 1 + 2 at the scenario
    expect(minutesForPath(lesson, text, path, 'all')).toBe(12);
  });

  it('ranges from the shortest path with the shortest explanations to the longest with every explanation', () => {
    // shortest: read 2, option 1 + why 1, short why 1, summary 1, decisions 1 = 7
    // longest: read 2, option 1 + whys 4, whys 3, detour 4, summary 1, decisions 1 = 16
    expect(lessonMinuteRange(lesson, text)).toEqual({ shortest: 7, longest: 16 });
    expect(moduleMinuteRange(courseModule, text)).toEqual({ shortest: 5, longest: 20 });
  });

  it('gives whole minutes for the lessons a learner did, ignoring lessons the module lacks', () => {
    // read 2, option 1 + why 1, summary 1, decisions 1 (the scenario's answer is not yet given)
    const did = {
      lessonId: 'l',
      visited: ['read', 'q', 'fork', 'end'],
      answers: [{ stepId: 'q', optionIds: ['right'] }],
    };
    expect(minutesForLessons(courseModule, text, [did, { ...did, lessonId: 'elsewhere' }])).toBe(6);
    const halfMinute = { ...text, 'l.end.p1': Array.from({ length: 300 }, () => 'word').join(' ') };
    expect(minutesForLessons(courseModule, halfMinute, [did])).toBe(7);
    expect(minutesForLessons(courseModule, text, [])).toBe(0);
  });

  it('sets the module figure from the right-answer path, to the nearest 5 minutes and never below 5', () => {
    // right path: read 2, option 1, why 1, short why 1, summary 1, decisions 1 = 7 → 5
    expect(estimateCpdMinutes(courseModule, text)).toBe(5);
    expect(estimateCpdMinutes({ ...practiceModule, lessons: [] }, {})).toBe(5);
    expect(estimateCpdMinutes(courseModule, { ...text, 'l.read.p1': words(10) })).toBe(15);
  });

  it('takes each role’s own route when working out a range', () => {
    const range = lessonMinuteRange(practiceModule.lessons[1], practiceStrings);
    expect(range.shortest).toBeGreaterThan(0);
    expect(range.longest).toBeGreaterThan(range.shortest);
  });
});
