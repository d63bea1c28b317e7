import { detectRisk } from '../../../dialogs/crisis/riskDetector';
import { RISK_MESSAGES, SAFE_MESSAGES } from './riskCorpus';
import { RISK_HOLDOUT, SAFE_HOLDOUT } from './riskHoldout';

describe('the risk check', () => {
  it.each(RISK_MESSAGES)('recognises "%s" as %s', (message, kind) => {
    expect(detectRisk(message)?.kinds).toContain(kind);
  });

  it.each(SAFE_MESSAGES)('does not treat "%s" as a crisis', (message) => {
    expect(detectRisk(message)).toBeNull();
  });

  it.each(RISK_HOLDOUT)('recognises held-out "%s" as a risk', (message) => {
    expect(detectRisk(message)).not.toBeNull();
  });

  it.each(SAFE_HOLDOUT)('does not treat held-out "%s" as a crisis', (message) => {
    expect(detectRisk(message)).toBeNull();
  });

  it('reports its recall and precision on the corpus (printed for the closing note)', () => {
    const all = [...RISK_MESSAGES.map(([m]) => m), ...RISK_HOLDOUT];
    const caught = all.filter((message) => detectRisk(message)).length;
    const safe = [...SAFE_MESSAGES, ...SAFE_HOLDOUT];
    const falseAlarms = safe.filter((message) => detectRisk(message)).length;
    console.log(`risk check: ${caught}/${all.length} risk messages caught; ${falseAlarms}/${safe.length} safe messages flagged`);
    expect(caught).toBe(all.length);
    expect(falseAlarms).toBe(0);
  });

  it('handles empty, huge and odd input without throwing', () => {
    expect(detectRisk('')).toBeNull();
    expect(detectRisk('💀💀💀')).toBeNull();
    expect(detectRisk(`${'a '.repeat(20000)}i want to die`)).toBeNull(); // only the first 5,000 characters are read
    expect(detectRisk(`i want to die ${'a '.repeat(20000)}`)?.kinds).toContain('suicide');
  });
});
