import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/content/catalog';
import { isDecisionStep } from '../../src/engine/content';
import type { DecisionStep } from '../../src/engine/contentSchema';
import { createLessonMachine } from '../../src/engine/lessonMachine';
import { restoreLesson } from '../../src/engine/lessonRestore';
import { shuffledOptions } from '../../src/engine/shuffle';

const decisions = loadCatalog().modules.flatMap((courseModule) =>
  courseModule.lessons.flatMap((lesson) => lesson.steps.filter(isDecisionStep)),
);
const order = (step: DecisionStep, seed: number) => shuffledOptions(step, seed).map((option) => option.id);

describe('shuffled options', () => {
  it('differ between two seeds across the course, and keep every option once', () => {
    const differing = decisions.filter((step) => order(step, 1).join() !== order(step, 2).join());
    expect(differing.length).toBeGreaterThan(decisions.length / 2);
    for (const step of decisions) expect([...order(step, 7)].sort()).toEqual(step.options.map((o) => o.id).sort());
  });

  it('put the right option first about as often as chance, not in almost every question', () => {
    const firstRight = decisions.filter((step) => shuffledOptions(step, 99)[0]?.correct).length;
    expect(firstRight / decisions.length).toBeLessThan(0.6);
  });

  it('are the same for the same seed, and keep a pinned option in its place', () => {
    const step = {
      ...decisions[0]!,
      options: decisions[0]!.options.map((o, i) => (i === 1 ? { ...o, pinned: 'why' } : o)),
    };
    for (let seed = 0; seed < 20; seed++) {
      expect(order(step as DecisionStep, seed)).toEqual(order(step as DecisionStep, seed));
      expect(order(step as DecisionStep, seed)[1]).toBe(step.options[1]!.id);
    }
  });

  it('are the same after a save and restore (reload, resume or another tab)', () => {
    const lesson = loadCatalog().modules[1]!.lessons[0]!;
    const actor = createActor(createLessonMachine(lesson), { input: { seed: 2024 } }).start();
    actor.send({ type: 'learner.continue' });
    const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const restored = restoreLesson(lesson, saved, undefined);
    if (restored.kind !== 'same') throw new Error(restored.kind);
    expect(restored.snapshot.context.seed).toBe(2024);
  });
});
