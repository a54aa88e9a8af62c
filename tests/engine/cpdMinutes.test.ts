import { describe, expect, it } from 'vitest';
import { estimateCpdMinutes } from '../../src/engine/cpdMinutes';
import { practiceModule } from '../fixtures/practiceModule';

const words = (count: number) => Array.from({ length: count }, () => 'word').join(' ');

describe('CPD minutes', () => {
  it('counts reading time and decisions, rounded up to the next 5 minutes', () => {
    // 5 decision steps in the practice module = 5 minutes; 1,800 words = 10 minutes.
    expect(estimateCpdMinutes(practiceModule, { a: words(1800) })).toBe(15);
  });

  it('weights explanations by half', () => {
    expect(estimateCpdMinutes(practiceModule, { 'x.why': words(3600) })).toBe(15);
  });

  it('never estimates less than 5 minutes', () => {
    expect(estimateCpdMinutes({ ...practiceModule, lessons: [] }, {})).toBe(5);
  });
});
