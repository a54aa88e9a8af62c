import { describe, expect, it } from 'vitest';
import { sourceHash, translationReport } from '../../scripts/translation-status.mjs';

const english = {
  ui: { hello: 'Hello', count_one: '{{count}} lesson', count_other: '{{count}} lessons', name: 'Heard' },
};

describe('translation status', () => {
  const hashes = {
    ui: {
      hello: sourceHash('Hello'),
      count_other: sourceHash('{{count}} lessons'),
      count_one: sourceHash('{{count}} lesson'),
      name: sourceHash('Heard'),
    },
  };

  it('finds nothing to do in an up-to-date translation with Welsh plural forms', () => {
    const welsh = {
      ui: {
        hello: 'Helo',
        count_zero: '{{count}} gwers',
        count_one: '{{count}} wers',
        count_two: '{{count}} wers',
        count_few: '{{count}} gwers',
        count_many: '{{count}} gwers',
        count_other: '{{count}} gwers',
        name: 'Heard',
      },
    };
    expect(translationReport(english, welsh, hashes, ['ui:name'])).toEqual({
      missing: [],
      stale: [],
      unchanged: [],
      extra: [],
      orphan: [],
    });
  });

  it('needs a nation variant in every language, and its shared key beside it', () => {
    const withVariants = {
      ui: { ...english.ui, lead: 'Your DSL', lead_wales: 'Your DSP', alone_wales: 'A variant of nothing' },
    };
    const variantHashes = {
      ui: { ...hashes.ui, lead: sourceHash('Your DSL'), lead_wales: sourceHash('Your DSP') },
    };
    const welsh = {
      ui: { hello: 'Helo', count_one: 'x', count_other: 'y', name: 'Heard', lead: 'Eich DSL', sole_wales: 'Dim' },
    };
    const report = translationReport(withVariants, welsh, variantHashes, ['ui:name']);
    expect(report.missing).toEqual(['ui:lead_wales', 'ui:alone_wales']);
    expect(report.extra).toEqual(['ui:sole_wales']);
    expect(report.orphan).toEqual(['ui:alone_wales']);
    const { alone_wales: _alone, ...sharedAndVariant } = withVariants.ui;
    const { sole_wales: _sole, ...welshShared } = welsh.ui;
    const complete = { ui: { ...welshShared, lead_wales: 'Eich DSP' } };
    expect(translationReport({ ui: sharedAndVariant }, complete, variantHashes, ['ui:name'])).toMatchObject({
      missing: [],
      extra: [],
      orphan: [],
    });
  });

  it('reports missing keys, English left unchanged, and keys the English no longer has', () => {
    const welsh = { ui: { hello: 'Hello', name: 'Heard', old: 'Hen' } };
    const report = translationReport(english, welsh, hashes, ['ui:name']);
    expect(report.missing).toEqual(['ui:count_one', 'ui:count_other']);
    expect(report.unchanged).toEqual(['ui:hello']);
    expect(report.extra).toEqual(['ui:old']);
  });

  it('reports a translation whose English source changed since it was translated', () => {
    const changed = { ui: { ...english.ui, hello: 'Hello there' } };
    const welsh = { ui: { hello: 'Helo', count_one: 'x', count_other: 'y', name: 'Heard' } };
    expect(translationReport(changed, welsh, hashes, ['ui:name']).stale).toEqual(['ui:hello']);
  });
});
