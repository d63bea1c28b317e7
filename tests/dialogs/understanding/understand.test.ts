import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadEverydaySets, loadFreshBatches, UNDERSTANDING_DIR } from '../../../content/understanding/corpus';
import { CONTROL_WORDS } from '../../../dialogs/controlWords';
import { evaluateBatch, harmlessFlagged, unseenMessages, withoutSeen } from '../../../dialogs/understanding/evaluation';
import { seenTexts, sharedUnderstander, trainingExamples } from '../../../dialogs/understanding/model';
import { riskTrainingSet, type Understander } from '../../../dialogs/understanding/understand';

let understander: Understander;
beforeAll(async () => {
  understander = await sharedUnderstander();
}, 120000);

describe('understand(): risk first', () => {
  it.each([
    ['i took like 20 pills an hour ago', 'overdose'],
    ['just necked a whole packet of paracetamol', 'overdose'],
    ['ive set up a rope in my room', 'suicide'],
    ['got a blade in my hand right now', 'self-harm'],
    ['wanna end my lfie', 'suicide'],
    ['im in a car with some guys i dont know and they wont let me out', 'immediate-danger'],
    ['gang said theyll stab me if i dont hold the stuff for them', 'exploitation'],
    ['my landlord said i can stay for free if i sleep with him', 'exploitation'],
  ])('calls "%s" a crisis about %s', (message, kind) => {
    const { risk } = understander.understand(message);
    expect(risk.level).toBe('crisis');
    expect(risk.kinds).toContain(kind);
  });

  it.each([
    'sorry for being a burden. wont be for much longer',
    'i dont see myself being alive next year',
    'everyone will be happier when im dead',
    'i cant keep myself safe',
  ])('does not let "%s" pass: crisis or a safety question', (message) => {
    expect(understander.understand(message).risk.level).not.toBe('none');
  });

  it.each([
    "my battery's about to die",
    'im gonna jump on the bus to chatham',
    'this traffic is killing me',
    "Yes, I'm safe",
    'Prefer not to say',
    'my friend',
  ])('sees no risk in "%s"', (message) => {
    expect(understander.understand(message).risk.level).toBe('none');
  });

  it.each([
    'my cat went missing two days ago, put posters up round strood. does the council have a lost pets number',
    'bit sad since me and my girlfriend split up last week. my mates have been good tho, how long does it take',
    'my grandad passed in the summer. i miss him but im ok, just wanted to say it to someone',
    'my manager keeps giving me the 6am shifts and then moans when im 2 mins late. so fed up of that place',
  ])('sees no risk in an everyday message with feeling: "%s"', (message) => {
    expect(understander.understand(message).risk.level).toBe('none');
  });

  it('learns each sentence of a harmless message alone too, as it reads them, but not those of a risk', () => {
    const set = riskTrainingSet([
      { text: 'homesick tonight. where can i buy afghan bread in chatham', label: 'need.asylum', language: 'en' },
      { text: 'college was fine. then i took 30 pills', label: 'risk.overdose', language: 'en' },
    ]);
    expect(set.map(({ text, label }) => [text, label])).toEqual([
      ['homesick tonight. where can i buy afghan bread in chatham', 'none.everyday'],
      ['homesick tonight', 'none.everyday'],
      ['where can i buy afghan bread in chatham', 'none.everyday'],
      // A risk message counts twice, so thousands of harmless everyday messages do not drown it.
      ['college was fine. then i took 30 pills', 'risk.overdose'],
      ['college was fine. then i took 30 pills', 'risk.overdose'],
    ]);
  });

  it('reads the whole of a long message: a risk at the end of a long paragraph is found', () => {
    const chat = 'college was alright today and the bus was late again. '.repeat(60);
    const long = `${chat}honestly i took 30 pills before i came out`;
    expect(understander.understand(long).risk.level).toBe('crisis');
  });

  it('knows an Arabic risk message is in Arabic', () => {
    const understood = understander.understand('بدي انتحر الليلة');
    expect(understood.risk.level).toBe('crisis');
    expect(understood.language).toBe('ar');
  });

  it('handles empty, odd and huge input without throwing', () => {
    expect(understander.understand('').risk.level).toBe('none');
    expect(understander.understand('💀💀💀').topics).toEqual([]);
    expect(() => understander.understand('a '.repeat(50000))).not.toThrow();
  });

  it('remembers its verdict on a short answer, never on a longer message or one with personal details in it', () => {
    const clean = { withoutPersonalDetails: 'not sure' };
    const first = understander.understand('not sure', 'en-GB', clean);
    expect(understander.understand('not sure', 'en-GB', clean)).toBe(first);
    expect(Object.isFrozen(first.risk)).toBe(true);
    // Not known to be scrubbed: read afresh every time.
    expect(understander.understand('not sure')).not.toBe(understander.understand('not sure'));
    const story = 'my cat has been hiding under the bed all day';
    const storyScrubbed = { withoutPersonalDetails: story };
    expect(understander.understand(story, 'en-GB', storyScrubbed)).not.toBe(
      understander.understand(story, 'en-GB', storyScrubbed),
    );
    const withName = { withoutPersonalDetails: 'im [name]' };
    expect(understander.understand('im jo', 'en-GB', withName)).not.toBe(
      understander.understand('im jo', 'en-GB', withName),
    );
    // A remembered verdict is the same reading: a short risk message stays a crisis every time.
    const pills = { withoutPersonalDetails: 'took 40 pills' };
    expect(understander.understand('took 40 pills', 'en-GB', pills).risk.level).toBe('crisis');
    expect(understander.understand('took 40 pills', 'en-GB', pills).risk.level).toBe('crisis');
  });
});

describe('understand(): needs and commands', () => {
  it.each([
    ['i have no money for food', 'money'],
    ["I'm going to be homeless next week", 'housing'],
    ['just feel a bit shit tbh', 'feeling-low'],
    ['how do i register with a doctor', 'health'],
    ['been smoking a lot of weed', 'drugs-alcohol'],
  ])('"%s" is about %s, not a risk', (message, topic) => {
    const understood = understander.understand(message);
    expect(understood.risk.level).toBe('none');
    expect(understood.topics).toContain(topic);
  });

  it('does not read "my number is ..." as feeling numb', () => {
    expect(understander.understand('my number is 07700 900123').topics).not.toContain('feeling-low');
  });

  it.each([
    ['what is this', 'about'],
    ['who are you', 'about'],
    ['can i talk to a real person', 'human'],
  ])('"%s" asks the bot: %s', (message, command) => {
    expect(understander.understand(message).command).toBe(command);
  });

  it('takes an age from "i\'m 19 what can i get"', () => {
    expect(understander.understand("i'm 19 what can i get").age).toBe(19);
  });

  it('claims nothing for words it has never seen', () => {
    const understood = understander.understand('asdfgh qwerty');
    expect(understood.topics).toEqual([]);
    expect(understood.command).toBeUndefined();
  });
});

describe('the words that steer the bot', () => {
  it.each([...Object.values(CONTROL_WORDS).flat(), 'carry on with the survey', 'continue my questions'])(
    'reads "%s", typed alone, as no risk',
    (word) => {
      expect(understander.understand(word).risk.level).toBe('none');
    },
  );
});

// Only messages the model never saw count: one a batch shares word for word with the training data is left out.
const seen = seenTexts();

describe('measured on batches never trained on', () => {
  const earlier = withoutSeen(
    loadFreshBatches().find((batch) => batch.name === '2026-11-23-earlier-holdout')!,
    seen,
  );

  it('the earlier held-out set: every risk message caught, few harmless ones flagged', async () => {
    const figures = await evaluateBatch(understander, earlier.batch);
    expect(figures.riskCaught.of).toBeGreaterThanOrEqual(40);
    expect(figures.riskCaught.hit).toBe(figures.riskCaught.of);
    expect(figures.safeFlagged.hit / figures.safeFlagged.of).toBeLessThanOrEqual(0.1);
  });

  it.each(
    loadFreshBatches()
      .filter((batch) => batch.name !== earlier.batch.name)
      .map((batch) => [batch.name, withoutSeen(batch, seen).batch] as const),
  )(
    'fresh batch %s: at least 95% of risk caught, at most 20% of near misses flagged (the aim is 5%: see the README)',
    async (_name, batch) => {
      const figures = await evaluateBatch(understander, batch);
      expect(figures.riskCaught.of).toBeGreaterThanOrEqual(30);
      expect(figures.riskCaught.hit / figures.riskCaught.of).toBeGreaterThanOrEqual(0.95);
      expect(figures.safeFlagged.hit / figures.safeFlagged.of).toBeLessThanOrEqual(0.2);
      expect(figures.arabicRiskCaught.hit).toBeGreaterThanOrEqual(figures.arabicRiskCaught.of - 1);
    },
  );
});

describe('everyday messages with feeling, never trained on', () => {
  it.each(loadEverydaySets().map((set) => [set.name, unseenMessages(set.messages, seen)] as const))(
    // First runs: family 24%, daily 10% (session 7), friends 17%, mixed 2.4% (session 8), lives 1.9% (session 9); the
    // README has the rest. Each set stays large once messages word for word in the training data are left out.
    '%s: at most 15% flagged as risk',
    (_name, messages) => {
      const { tally } = harmlessFlagged(understander, messages);
      expect(tally.of).toBeGreaterThanOrEqual(450);
      expect(tally.hit / tally.of).toBeLessThanOrEqual(0.15);
    },
  );
});

describe('the batches written for measuring', () => {
  it('are not trained on: adding one leaves the training data as it was', () => {
    const before = trainingExamples();
    const dir = mkdtempSync(path.join(tmpdir(), 'measured-'));
    cpSync(UNDERSTANDING_DIR, dir, { recursive: true });
    const batch = { name: 'new', written: '2026-11-30', author: 'a test', risk: [{ text: 'zqv plop' }], safe: ['kms'] };
    try {
      writeFileSync(path.join(dir, 'fresh', 'new.json'), JSON.stringify({ ...batch, needs: [], arabicRisk: [] }));
      expect(trainingExamples(dir)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leave out of their figures the messages the model learnt word for word, and keep the rest', async () => {
    const batch = {
      name: 'repeats',
      written: '2026-11-30',
      author: 'a test',
      risk: [
        { text: 'KMS', kind: 'suicide' as const },
        { text: 'blorp the wug today', kind: 'suicide' as const },
      ],
      safe: ['what is this?'],
      needs: [{ text: 'how do i register with a gp', topic: 'gp' as const }],
      arabicRisk: [],
    };
    const unseen = withoutSeen(batch, seen);
    expect(unseen).toMatchObject({ left: 1, of: 4 });
    const figures = await evaluateBatch(understander, unseen.batch);
    expect(figures.riskCaught).toEqual({ hit: 0, of: 1 });
    expect(figures.safeFlagged.of + figures.needsRight.of).toBe(0);
  });
});
