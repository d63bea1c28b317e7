import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CorpusValidationError, loadAllBatches, loadCorpus } from '../../../content/understanding/corpus';
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

describe('the batches written for measuring', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clb-batches-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const batch = { name: 'b', written: '2026-11-29', author: 'a', risk: [], safe: [], needs: [] };
  const withBatch = (content: object) => {
    mkdirSync(path.join(dir, 'fresh'), { recursive: true });
    writeFileSync(path.join(dir, 'fresh', 'b.json'), JSON.stringify(content));
  };
  const firstRun = { measured: '2026-11-29', riskCaught: '10/10', safeFlagged: '1/20', needsRight: '8/10' };

  it('refuse a batch trained on without the figures of its first run, the only honest measure left', () => {
    withBatch({ ...batch, trainedOn: '2026-11-30' });
    expect(() => loadAllBatches(dir)).toThrow(CorpusValidationError);
    expect(() => loadAllBatches(dir)).toThrow(/b\.json: firstRun: a batch trained on must keep the figures/);
  });

  it('accept a batch trained on with its first-run figures, and a fresh batch without them', () => {
    withBatch({ ...batch, trainedOn: '2026-11-30', firstRun });
    expect(loadAllBatches(dir)).toEqual([expect.objectContaining({ name: 'b', trainedOn: '2026-11-30', firstRun })]);
    withBatch(batch);
    expect(loadAllBatches(dir)).toEqual([expect.objectContaining({ name: 'b', arabicRisk: [] })]);
  });
});
