// Honest CPD: each module's minutes follow the path a learner takes. The figures in module.json
// are checked against walks of the lesson machine itself, every role and every branch, so an
// estimate that drifts from the content (or a range that misses a path) fails here.
import { readFileSync } from 'node:fs';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/content/catalog';
import { ROLES, isDecisionStep, type Lesson, type Role } from '../../src/engine/content';
import type { Nation } from '../../src/engine/contentSchema';
import { NATIONS, wordsForNation } from '../../src/engine/nationWords';
import { stepKeys } from '../../src/engine/contentKeys';
import { lessonMinuteRange, minutesForPath, MINUTES_PER_DECISION, WORDS_PER_MINUTE } from '../../src/engine/cpdMinutes';
import {
  createLessonMachine,
  currentStep,
  type LessonEvent,
  type LessonSnapshot,
} from '../../src/engine/lessonMachine';
import { playLesson } from '../fixtures/courseWalk';
import { localeResources } from '../fixtures/localeResources';

const catalog = loadCatalog();
const english = localeResources().en as Record<string, Record<string, string>>;
const TOLERANCE = 0.2;

type Snapshot = LessonSnapshot;

/**
 * Every finished path through a lesson for one role and nation, played on the machine. At a scenario stage or
 * a content note every choice is followed; at a question, `pickQuestion` chooses (the option whose
 * explanation is shortest, for the quickest learner).
 */
function finishedWalks(
  lesson: Lesson,
  role: Role | null,
  nation: Nation | null,
  pickQuestion: (step: Lesson['steps'][number]) => string[],
) {
  const finished: Snapshot[] = [];
  // Each branch carries on from its parent's persisted snapshot, so no path is replayed from the start.
  const explore = (from: unknown, move: LessonEvent | undefined) => {
    const actor = createActor(
      createLessonMachine(lesson),
      from === undefined ? { input: { role, nation } } : { input: { role, nation }, snapshot: from as Snapshot },
    ).start();
    if (move) actor.send(move);
    const snapshot = actor.getSnapshot();
    const persisted = actor.getPersistedSnapshot();
    actor.stop();
    if (snapshot.matches('summary')) return void finished.push(snapshot);
    const step = currentStep(lesson, snapshot.context);
    let next: LessonEvent[];
    if (snapshot.matches('contentNote')) next = [{ type: 'learner.continue' }, { type: 'learner.takeAlternative' }];
    else if (snapshot.matches('answering') && step.kind === 'scenario')
      next = step.options.map((option) => ({ type: 'learner.choose', optionIds: [option.id] }));
    else if (snapshot.matches('answering')) next = [{ type: 'learner.choose', optionIds: pickQuestion(step) }];
    else next = [{ type: 'learner.continue' }];
    for (const event of next) explore(persisted, event);
  };
  explore(undefined, undefined);
  return finished;
}

function walkRange(lesson: Lesson, allWords: Record<string, string>) {
  let words = allWords;
  const whyLength = (step: Lesson['steps'][number], optionId: string) =>
    (words[stepKeys.explanation(lesson.id, step.id, optionId)] ?? '').split(/\s+/).length;
  const quickest = (step: Lesson['steps'][number]) => {
    if (!isDecisionStep(step)) return [];
    const [first] = [...step.options].sort((a, b) => whyLength(step, a.id) - whyLength(step, b.id));
    return [first!.id];
  };
  const anyOption = (step: Lesson['steps'][number]) => (isDecisionStep(step) ? [step.options[0]!.id] : []);
  let shortest = Infinity;
  let longest = 0;
  // Both nations, each in its own words (a Wales learner reads the `_wales` variants).
  for (const nation of [null, ...NATIONS]) {
    words = wordsForNation(allWords, nation);
    for (const role of [null, ...ROLES]) {
      for (const walk of finishedWalks(lesson, role, nation, quickest))
        shortest = Math.min(shortest, minutesForPath(lesson, words, walk.context));
      for (const walk of finishedWalks(lesson, role, nation, anyOption))
        longest = Math.max(longest, minutesForPath(lesson, words, walk.context, 'all'));
    }
  }
  return { shortest, longest };
}

const within = (claimed: number, walked: number) => Math.abs(claimed - walked) <= TOLERANCE * walked;

describe('CPD minutes', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## How a module is written'), readme.indexOf('## Translating'));

  it('documents the model in the README, with the figures the code uses', () => {
    expect(section).toContain(`${WORDS_PER_MINUTE} words a minute`);
    expect(section).toContain(`${MINUTES_PER_DECISION * 60} seconds`);
    expect(section).toContain('cpdRange');
    expect(readFileSync('src/engine/cpdMinutes.ts', 'utf8')).toContain('Brysbaert');
  });

  for (const courseModule of catalog.modules) {
    const words = english[courseModule.id] ?? {};
    it(
      `${courseModule.id}: states its minutes, and a range, each within 20% of walks of its paths`,
      { timeout: 30_000 },
      () => {
        const walked = courseModule.lessons.map((lesson) => ({ lesson, ...walkRange(lesson, words) }));
        // The engine's own range agrees with the walk, lesson by lesson.
        for (const { lesson, shortest, longest } of walked) {
          const computed = lessonMinuteRange(lesson, words);
          expect(computed.shortest, lesson.id).toBeCloseTo(shortest, 6);
          expect(computed.longest, lesson.id).toBeCloseTo(longest, 6);
        }
        const shortest = walked.reduce((sum, lesson) => sum + lesson.shortest, 0);
        const longest = walked.reduce((sum, lesson) => sum + lesson.longest, 0);
        const decidingWell = courseModule.lessons.reduce(
          (sum, lesson) => sum + minutesForPath(lesson, words, playLesson(lesson, null, Infinity, 'right').context),
          0,
        );
        console.log(
          `${courseModule.id}: walks ${shortest.toFixed(1)}–${longest.toFixed(1)} min, deciding well ${decidingWell.toFixed(1)}; states ${courseModule.cpdRange?.shortest}–${courseModule.cpdRange?.longest}, ${courseModule.cpdMinutes}`,
        );
        expect(courseModule.cpdRange, `add "cpdRange" to modules/${courseModule.id}/module.json`).toBeDefined();
        const hint = `modules/${courseModule.id}/module.json: walks give ${shortest.toFixed(1)}–${longest.toFixed(1)} minutes, ${decidingWell.toFixed(1)} deciding well`;
        expect(within(courseModule.cpdMinutes, decidingWell), hint).toBe(true);
        expect(within(courseModule.cpdRange!.shortest, shortest), hint).toBe(true);
        expect(within(courseModule.cpdRange!.longest, longest), hint).toBe(true);
        expect(courseModule.cpdRange!.shortest).toBeLessThanOrEqual(courseModule.cpdMinutes);
        expect(courseModule.cpdRange!.longest).toBeGreaterThanOrEqual(courseModule.cpdMinutes);
      },
    );
  }
});
