import { loadCorpus } from '../../../content/understanding/corpus';
import { LABELS, RISK_LABELS } from '../../../content/understanding/labels';

describe('the example corpora the understanding step learns from', () => {
  const examples = loadCorpus();

  it('validate, and hold thousands of messages in English and Arabic', () => {
    expect(examples.length).toBeGreaterThan(8000);
    expect(examples.filter((example) => example.language === 'ar').length).toBeGreaterThan(1500);
  });

  it.each(Object.keys(RISK_LABELS))('covers %s well in English and in Arabic', (label) => {
    expect(
      examples.filter((example) => example.label === label && example.language === 'en').length,
    ).toBeGreaterThanOrEqual(200);
    expect(
      examples.filter((example) => example.label === label && example.language === 'ar').length,
    ).toBeGreaterThanOrEqual(60);
  });

  it('uses every label, and only known labels', () => {
    const used = new Set(examples.map((example) => example.label));
    expect([...used].sort()).toEqual([...LABELS].sort());
  });

  it('keeps harmless near misses in numbers comparable to the risk messages', () => {
    const nearMisses = examples.filter((example) => example.label === 'none.near-miss').length;
    expect(nearMisses).toBeGreaterThan(1500);
  });
});
