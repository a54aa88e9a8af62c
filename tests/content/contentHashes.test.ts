// The stamped structural hashes must match the shipped lessons: a change to steps, links or options
// is then always deliberate (`npm run content:stamp`), and saved progress is migrated for it.
import { describe, expect, it } from 'vitest';
import hashesJson from '../../modules/content-hashes.json';
import { loadCatalog } from '../../src/content/catalog';
import { contentHashes, lessonHash } from '../../src/engine/contentHash';
import { practiceModule } from '../fixtures/practiceModule';

describe('content hashes', () => {
  it('match modules/content-hashes.json (run `npm run content:stamp` after changing a lesson’s structure)', () => {
    expect(contentHashes(loadCatalog().modules)).toEqual(hashesJson);
  });

  it('change with steps, links, options and correctness, and not with words or sources', () => {
    const [lesson] = practiceModule.lessons;
    const base = lessonHash(lesson!);
    const edit = (change: (copy: typeof lesson) => void) => {
      const copy = structuredClone(lesson)!;
      change(copy);
      return lessonHash(copy);
    };
    const question = (copy: typeof lesson) =>
      copy!.steps[1] as Extract<(typeof copy)['steps'][number], { kind: 'question' }>;
    expect(edit((copy) => ((copy!.steps[0] as { next: string }).next = 'words'))).not.toBe(base);
    expect(edit((copy) => (question(copy).options[0]!.correct = false))).not.toBe(base);
    expect(edit((copy) => question(copy).options.pop())).not.toBe(base);
    expect(edit((copy) => (question(copy).options[0]!.pinned = 'first on purpose'))).not.toBe(base);
    expect(edit((copy) => (question(copy).options[0]!.sources = ['S99']))).toBe(base);
    expect(edit((copy) => copy!.steps[0]!.paragraphs.push({ id: 'p9', sources: [] }))).toBe(base);
  });
});
