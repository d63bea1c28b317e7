import { recogniseNeeds } from '../../../dialogs/signposting/needRecogniser';
import { NEED_MESSAGES, NO_NEED_MESSAGES } from './needCorpus';
import { NEED_HOLDOUT } from './needHoldout';

describe('understanding what someone needs, in their own words', () => {
  it.each(NEED_MESSAGES)('reads "%s" as %s (in the top two)', (message, topic) => {
    expect(recogniseNeeds(message).slice(0, 2).map((match) => match.topic)).toContain(topic);
  });

  it.each(NEED_HOLDOUT)('reads held-out "%s" as %s (in the top two)', (message, topic) => {
    expect(recogniseNeeds(message).slice(0, 2).map((match) => match.topic)).toContain(topic);
  });

  it.each(NO_NEED_MESSAGES)('finds no need in "%s"', (message) => {
    expect(recogniseNeeds(message)).toEqual([]);
  });

  it('reports accuracy on the corpus and the held-out batch (printed for the closing note)', () => {
    const measure = (set: Array<[string, string]>) => {
      const top1 = set.filter(([m, t]) => recogniseNeeds(m)[0]?.topic === t).length;
      const top2 = set.filter(([m, t]) => recogniseNeeds(m).slice(0, 2).some((x) => x.topic === t)).length;
      return `${top1}/${set.length} top-1, ${top2}/${set.length} top-2`;
    };
    console.log(`need recogniser: corpus ${measure(NEED_MESSAGES)}; held-out ${measure(NEED_HOLDOUT)}`);
    expect(NEED_MESSAGES.length).toBeGreaterThanOrEqual(150);
  });
});
