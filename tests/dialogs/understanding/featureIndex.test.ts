import { FeatureIndex } from '../../../dialogs/understanding/featureIndex';

describe('the feature table', () => {
  const features = Array.from({ length: 5000 }, (_, i) => `w:word${i}`).concat([
    'c:<to',
    'b:took_pil',
    's:i_die',
    'w:مرحبا',
  ]);
  const index = FeatureIndex.build(features);

  it('finds every feature of the model at its own row', () => {
    features.forEach((feature, row) => expect(index.get(feature)).toBe(row));
  });

  it('finds nothing for features the model never saw', () => {
    const unseen = Array.from({ length: 5000 }, (_, i) => `w:other${i}`).concat(['', 'w:word5000', 'W:word1']);
    expect(unseen.filter((feature) => index.has(feature))).toEqual([]);
  });

  it('loads back from its saved arrays, refuses a table that does not fit, and ignores a damaged row', () => {
    const saved = index.saved();
    const loaded = FeatureIndex.fromTable({ rows: saved.rows.slice(), checks: saved.checks.slice() }, features.length);
    expect(loaded.get('b:took_pil')).toBe(features.indexOf('b:took_pil'));
    expect(() => FeatureIndex.fromTable({ rows: saved.rows.slice(1), checks: saved.checks }, features.length)).toThrow(
      /does not fit/,
    );
    const damaged = saved.rows.slice();
    const slot = damaged.findIndex((row) => row >= 0);
    const feature = features[damaged[slot]];
    damaged[slot] = features.length + 7;
    // Past the model's rows it would read no weights at all: the feature counts as one never seen.
    expect(FeatureIndex.fromTable({ rows: damaged, checks: saved.checks }, features.length).get(feature)).toBe(
      undefined,
    );
  });
});
