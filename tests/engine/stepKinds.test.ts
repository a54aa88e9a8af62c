// The registry of step kinds is the one list: each kind's file carries its schema, and the schema
// of a step (and so of every lesson) is built from the registry.
import { describe, expect, it } from 'vitest';
import { stepSchema, stepSchemaParts } from '../../src/engine/contentSchema';
import { stepKinds } from '../../src/engine/steps/registry';

describe('the step-kind registry', () => {
  it('lists each kind under its own name, with a schema for that kind', () => {
    for (const [name, kind] of Object.entries(stepKinds)) {
      expect(kind.kind).toBe(name);
      expect(kind.schema(stepSchemaParts).shape.kind.value).toBe(name);
    }
  });

  it("checks a step with its kind's schema and refuses a kind not in the registry", () => {
    expect(stepSchema.parse({ id: 'intro', kind: 'reading', next: 'end' })).toEqual({
      id: 'intro',
      kind: 'reading',
      next: 'end',
      paragraphs: [],
    });
    // The question kind's own rules: 2-6 options, mode defaults to single.
    const option = (id: string) => ({ id, correct: id === 'a' });
    expect(stepSchema.safeParse({ id: 'q', kind: 'question', next: 'end', options: [option('a')] }).success).toBe(
      false,
    );
    expect(
      stepSchema.parse({ id: 'q', kind: 'question', next: 'end', options: [option('a'), option('b')] }),
    ).toMatchObject({ mode: 'single' });
    expect(stepSchema.safeParse({ id: 'x', kind: 'video', next: 'end' }).success).toBe(false);
    expect(Object.keys(stepKinds)).not.toContain('video');
  });
});
