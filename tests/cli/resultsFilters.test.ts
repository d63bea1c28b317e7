import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { admin } from '../helpers/admin';

describe('npm run admin -- results: the same filters as the results page', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-cli-filters-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses an age band that does not exist, naming the ones that do', async () => {
    const result = await admin(
      dataDir,
      'results',
      'care-leavers-you-said-we-did',
      '--format',
      'json',
      '--age-band',
      '99',
    );
    expect(result.code).toBe(2);
    expect(result.err.join(' ')).toMatch(/Unknown --age-band 99: use one of 16_17, 18_20, 21_25/);
  });

  it('refuses an age band for a survey that asks no age', async () => {
    const result = await admin(dataDir, 'results', 'wellbeing-check-in', '--format', 'json', '--age-band', '16_17');
    expect(result.code).toBe(2);
    expect(result.err.join(' ')).toMatch(/asks no age/);
  });

  it('takes a theme as people type it and a month range', async () => {
    const result = await admin(
      dataDir,
      ...['results', 'care-leavers-you-said-we-did', '--format', 'json', '--theme', 'my-pa'],
      ...['--age-band', '18_20', '--from', '2026-01', '--to', '2026-12'],
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out.join('\n'))).toMatchObject({ surveyId: 'care-leavers-you-said-we-did' });
  });

  it('refuses a month written another way', async () => {
    const result = await admin(dataDir, 'results', 'wellbeing-check-in', '--format', 'csv', '--from', 'Nov 2026');
    expect(result.code).toBe(2);
    expect(result.err.join(' ')).toMatch(/Months look like 2026-11, not Nov 2026/);
  });
});
