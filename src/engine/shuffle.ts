// The order a learner sees a decision's options in: shuffled per learner and per attempt from a seed
// kept with their progress, so a reload, another tab or an LMS relaunch shows the same order, and
// always tapping the top option proves nothing. Options an author pins keep their place.
import type { DecisionStep, Option } from './contentSchema';

/** A 32-bit hash of text (FNV-1a): mixes the attempt's seed with the step id. */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, well-mixed generator; plenty for ordering at most six options. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The options of a decision in the order this attempt shows them. */
export function shuffledOptions<O extends Option>(step: DecisionStep & { options: O[] }, seed: number): O[] {
  const random = generator(hash32(`${seed >>> 0}:${step.id}`));
  const movable = step.options.filter((option) => !option.pinned);
  for (let index = movable.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [movable[index], movable[other]] = [movable[other] as O, movable[index] as O];
  }
  let next = 0;
  return step.options.map((option) => (option.pinned ? option : (movable[next++] as O)));
}

/** A fresh seed for a new attempt; the caller supplies the randomness so the engine stays pure. */
export function seedFrom(random: () => number): number {
  return Math.floor(random() * 4294967296) >>> 0;
}
