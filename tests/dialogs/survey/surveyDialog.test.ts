import { MemoryStorage, type Activity } from 'botbuilder';
import { botConversation, readable } from '../../helpers/bot';
import { openTestSurveys, type TestSurveys } from '../../helpers/surveys';

const START = (surveyId: string) => ({ type: 'event', name: 'startSurvey', value: { surveyId } }) as Partial<Activity>;
const buttons = (replies: Partial<Activity>[]) =>
  replies.flatMap((reply) => (reply.suggestedActions?.actions ?? []).map((action) => action.title));
const last = (replies: Partial<Activity>[]) => replies.at(-1)?.text ?? '';

describe('a survey in chat', () => {
  let surveys: TestSurveys;
  beforeEach(async () => {
    // Half an hour after the bot's clock (14:00), so actions published "now" are news to people who answered.
    surveys = await openTestSurveys({
      clock: () => new Date('2026-11-24T14:30:00Z'),
      newCode: () => 'otter-maple-comet-42',
    });
  });
  afterEach(async () => surveys.close());

  const chat = (options: { storage?: MemoryStorage; userId?: string; conversationId?: string; locale?: string } = {}) =>
    botConversation({ surveys, userId: options.userId ?? 'u_tester01', ...options });

  it('asks for consent first, saying what is kept, for how long, who sees it and that they can stop', async () => {
    const bot = chat();
    const replies = await bot.send(START('wellbeing-check-in'));
    expect(readable(replies)).toMatch(/Wellbeing check-in/);
    expect(readable(replies)).toMatch(
      /keep your answers[\s\S]*year[\s\S]*Children in Care Council[\s\S]*stop at any time/,
    );
    expect(buttons(replies.slice(-1))).toEqual(['Yes, start', 'No thanks']);
    expect(readable(await bot.send('No thanks'))).toMatch(/Nothing has been saved/);
    expect(await surveys.store.collection('responses').countDocuments({})).toBe(0);
  });

  it('asks one question at a time ("Question n of m"), buttons, skip, prefer not to say; saves answers', async () => {
    const bot = chat();
    await bot.send(START('wellbeing-check-in'));
    let replies = await bot.send('yes');
    expect(last(replies)).toMatch(/^\*\*Question 1 of 5\*\*/);
    expect(buttons(replies)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      'Skip',
      'Prefer not to say',
      'Pause',
    ]);
    replies = await bot.send('about a 7');
    expect(last(replies)).toMatch(/Question 2 of 5/);
    expect(buttons(replies)).toContain('Back');
    replies = await bot.send('Prefer not to say');
    expect(last(replies)).toMatch(/Question 3 of 5[\s\S]*someone you can talk to/);
    replies = await bot.send('yeah');
    expect(last(replies)).toMatch(/Question 4 of 5[\s\S]*Pick all that fit/);
    replies = await bot.send('Someone to talk to');
    expect(last(replies)).toMatch(/Got it: Someone to talk to/);
    replies = await bot.send('Meeting people');
    expect(last(replies)).toMatch(/Got it: Someone to talk to, Meeting people/);
    replies = await bot.send('Done');
    expect(last(replies)).toMatch(/Question 5 of 5/);
    replies = await bot.send('My name is Jade Smith, text me on 07700 900123 or jade@example.com');
    expect(readable(replies)).toMatch(/Thank you for having your say/);
    expect(readable(replies)).toMatch(/delete otter-maple-comet-42/);
    expect(readable(replies)).toMatch(/How are you feeling after answering/);

    const [stored] = await surveys.store.collection('responses').find({});
    expect(stored.answers).toEqual([
      { q: 'life_satisfaction', v: 7 },
      { q: 'worried_yesterday', skipped: true },
      { q: 'someone_to_talk', v: 'yes' },
      { q: 'support_wanted', v: ['talking', 'friends'] },
      { q: 'anything_else', v: 'My name is [name], text me on [phone] or [email]' },
    ]);
    expect(JSON.stringify(stored)).not.toMatch(/u_tester01|test-conv|Jade|07700|example\.com/);
  });

  it('offers support links when someone says they feel low after answering', async () => {
    const bot = chat();
    await bot.send(START('wellbeing-check-in'));
    await bot.send('yes');
    for (const answer of ['skip', 'skip', 'skip', 'skip', 'skip']) await bot.send(answer);
    const replies = await bot.send('not great tbh');
    expect(readable(replies)).toMatch(/Here are some places that can help/);
    expect(readable(replies)).toMatch(/QWELL|Kooth|Samaritans/);
  });

  it('goes back to change the last answer', async () => {
    const bot = chat();
    await bot.send(START('wellbeing-check-in'));
    await bot.send('yes');
    await bot.send('3');
    let replies = await bot.send('back');
    expect(last(replies)).toMatch(/Question 1 of 5/);
    replies = await bot.send('8');
    expect(last(replies)).toMatch(/Question 2 of 5/);
  });

  it('re-asks gently when it cannot use an answer, then points to Skip', async () => {
    const bot = chat();
    await bot.send(START('wellbeing-check-in'));
    await bot.send('yes');
    expect(last(await bot.send('purple'))).toMatch(/^Sorry, I didn't get that[\s\S]*Question 1 of 5/);
    expect(last(await bot.send('banana'))).toMatch(/^No worries\. You can tap a button, or tap Skip/);
    expect(last(await bot.send('12'))).toMatch(/outside 0 to 10/);
  });

  it('pauses on "stop" and resumes at the same question in a new conversation, even after a restart', async () => {
    const storage = new MemoryStorage();
    const first = chat({ storage, conversationId: 'conv-1' });
    await first.send(START('care-leavers-you-said-we-did'));
    await first.send('yes');
    await first.send('18 to 20');
    await first.send('left care');
    expect(readable(await first.send('stop'))).toMatch(/paused the survey at question 3/);
    expect(readable(await first.send('housing'))).toMatch(/housing/i);
    // A new bot on the same storage (a restart) and a new conversation for the same person.
    const second = chat({ storage, conversationId: 'conv-2' });
    const replies = await second.send(START('care-leavers-you-said-we-did'));
    expect(readable(replies)).toMatch(/Welcome back[\s\S]*Question 3 of 14[\s\S]*personal adviser/);
  });

  it('lists open surveys when someone types "survey", and starts one from its button', async () => {
    const bot = chat();
    await bot.send('hi');
    const replies = await bot.send('survey');
    expect(buttons(replies)).toEqual(['Leaving care: you said, we did', 'Wellbeing check-in', 'Menu']);
    expect(readable(await bot.send('Wellbeing check-in'))).toMatch(/Are you happy to start/);
  });

  it('does not start a closed or unknown survey', async () => {
    await surveys.catalogue.setStatus('wellbeing-check-in', 'closed');
    const bot = chat();
    expect(readable(await bot.send(START('wellbeing-check-in')))).toMatch(/couldn't find that survey/);
    expect(readable(await bot.send(START('no-such-survey')))).toMatch(/couldn't find that survey/);
  });

  it('puts crisis help first during a survey and pauses it, keeping the answers', async () => {
    const bot = chat();
    await bot.send(START('wellbeing-check-in'));
    await bot.send('yes');
    await bot.send('2');
    const replies = await bot.send('honestly i want to kill myself');
    expect(readable(replies)).toMatch(/Samaritans[\s\S]*116 123/);
    expect(readable(replies)).toMatch(/survey is paused/);
    expect(readable(await bot.send(START('wellbeing-check-in')))).toMatch(/Welcome back[\s\S]*Question 2 of 5/);
  });

  it('deletes the answers when the person types delete and their code', async () => {
    const bot = chat();
    await bot.send(START('wellbeing-check-in'));
    await bot.send('yes');
    for (const answer of ['5', '5', 'no', 'skip', 'skip', "I'm OK"]) await bot.send(answer);
    expect(await surveys.store.collection('responses').countDocuments({})).toBe(1);
    expect(readable(await bot.send('delete my answers'))).toMatch(/type delete and the code/);
    // Something that looks like a code but is not one of ours gets told what a code looks like, not the fallback.
    expect(readable(await bot.send('delete banana-split-00'))).toMatch(
      /doesn't look like one of our deletion codes[\s\S]*delete river-lemon-swan-kiwi-075/,
    );
    expect(await surveys.store.collection('responses').countDocuments({})).toBe(1);
    expect(readable(await bot.send('delete otter-maple-comet-42'))).toMatch(/Your answers have been deleted/);
    expect(await surveys.store.collection('responses').countDocuments({})).toBe(0);
  });

  it('runs the whole survey in Arabic, understanding Arabic answers', async () => {
    const bot = chat({ locale: 'ar-EG' });
    await bot.send(START('wellbeing-check-in'));
    let replies = await bot.send('نعم، ابدأ');
    expect(last(replies)).toMatch(/السؤال 1 من 5/);
    expect(buttons(replies)).toContain('تخطي');
    replies = await bot.send('٧');
    expect(last(replies)).toMatch(/السؤال 2 من 5/);
    await bot.send('تخطي');
    await bot.send('لا');
    expect(last(await bot.send('مساعدة في صحتي'))).toMatch(/^تم: مساعدة في صحتي/);
    await bot.send('تم');
    expect(readable(await bot.send('تخطي'))).toMatch(/شكرًا لإبداء رأيك/);
    const [stored] = await surveys.store.collection('responses').find({});
    expect(stored.answers).toEqual([
      { q: 'life_satisfaction', v: 7 },
      { q: 'worried_yesterday', skipped: true },
      { q: 'someone_to_talk', v: 'no' },
      { q: 'support_wanted', v: ['health'] },
      { q: 'anything_else', skipped: true },
    ]);
  });

  it('tells someone who answered about a new "we did" action on that survey the next time they talk', async () => {
    const bot = chat();
    await bot.send(START('wellbeing-check-in'));
    await bot.send('yes');
    for (const answer of ['skip', 'skip', 'skip', 'skip', 'skip', "I'm OK"]) await bot.send(answer);
    await surveys.board.add({
      surveyId: 'wellbeing-check-in',
      theme: 'wellbeing',
      said: 'You wanted more places to meet people.',
      did: 'We started a Thursday drop-in.',
      status: 'doing',
    });
    const replies = await bot.send('hello');
    expect(readable(replies)).toMatch(/Since you had your say[\s\S]*Thursday drop-in/);
    expect(readable(await bot.send('hello'))).not.toMatch(/Since you had your say/);
    expect(readable(await bot.send('what changed?'))).toMatch(
      /You said:[\s\S]*more places to meet people[\s\S]*We did:[\s\S]*Thursday drop-in/,
    );
  });
});

describe("consent in young people's words", () => {
  let surveys: TestSurveys;
  beforeAll(async () => {
    surveys = await openTestSurveys();
  });
  afterAll(async () => surveys.close());

  it.each([['yeah go on'], ['ok'], ['k'], ['sure'], ['lets do it'], ['yh'], ['fine'], ['Yes, start'], ['نعم، ابدأ']])(
    'starts on "%s"',
    async (text) => {
      const bot = botConversation({ surveys, userId: `consent-${text}`, conversationId: `consent-${text}` });
      await bot.send(START('wellbeing-check-in'));
      expect(last(await bot.send(text))).toMatch(/Question 1 of 5|السؤال 1 من 5/);
    },
  );

  it.each([['no'], ['nah'], ['No thanks'], ['not now'], ['stop']])(
    'does not start on "%s", and saves nothing',
    async (text) => {
      const bot = botConversation({ surveys, userId: `decline-${text}`, conversationId: `decline-${text}` });
      await bot.send(START('wellbeing-check-in'));
      expect(last(await bot.send(text))).toMatch(/Nothing has been saved/);
    },
  );
});

describe('asking for help in the middle of a survey', () => {
  let surveys: TestSurveys;
  beforeAll(async () => {
    surveys = await openTestSurveys();
  });
  afterAll(async () => surveys.close());

  it('pauses the survey and signposts when a message is a need rather than an answer', async () => {
    const bot = botConversation({ surveys, userId: 'help-mid', conversationId: 'help-mid' });
    await bot.send(START('wellbeing-check-in'));
    await bot.send('yes');
    await bot.send('6');
    const replies = await bot.send("i've got no money for food this week");
    expect(readable(replies)).toMatch(/paused the survey at question 2/);
    expect(readable(replies)).toMatch(/money/i);
    expect(readable(await bot.send(START('wellbeing-check-in')))).toMatch(/Welcome back[\s\S]*Question 2 of 5/);
  });
});

describe('answers that mention a need are still answers', () => {
  let surveys: TestSurveys;
  beforeAll(async () => {
    surveys = await openTestSurveys();
  });
  afterAll(async () => surveys.close());

  it.each([['my friend'], ['im with my foster carers still'], ['my pa is rubbish']])(
    'asks again rather than leaving the survey on "%s"',
    async (text) => {
      const bot = botConversation({ surveys, userId: `still-${text}`, conversationId: `still-${text}` });
      await bot.send(START('care-leavers-you-said-we-did'));
      await bot.send('yes');
      await bot.send('18 to 20');
      await bot.send('left care');
      const replies = await bot.send(text);
      expect(readable(replies)).not.toMatch(/paused the survey/);
      expect(last(replies)).toMatch(/Question 3 of 14/);
    },
  );
});

describe('questions about the survey itself', () => {
  let surveys: TestSurveys;
  beforeAll(async () => {
    surveys = await openTestSurveys();
  });
  afterAll(async () => surveys.close());

  it.each([['who will see this?'], ['is this anonymous'], ['will my pa know what i said']])(
    'answers "%s" and asks the question again',
    async (text) => {
      const bot = botConversation({ surveys, userId: `privacy-${text}`, conversationId: `privacy-${text}` });
      await bot.send(START('wellbeing-check-in'));
      await bot.send('yes');
      const reply = last(await bot.send(text));
      expect(reply).toMatch(/without your name[\s\S]*Question 1 of 5/);
    },
  );
});

describe('doing something else instead of answering the consent question', () => {
  let surveys: TestSurveys;
  beforeAll(async () => {
    surveys = await openTestSurveys();
  });
  afterAll(async () => surveys.close());

  it('lets the bot answer "what changed?" or a need, and asks again after a short unclear reply', async () => {
    const bot = botConversation({ surveys, userId: 'consent-else', conversationId: 'consent-else' });
    await bot.send(START('wellbeing-check-in'));
    expect(readable(await bot.send('what has changed then'))).toMatch(/Nothing has been posted yet|You said, we did/);
    await bot.send(START('wellbeing-check-in'));
    expect(readable(await bot.send('i need somewhere to live'))).toMatch(/somewhere to live/);
    await bot.send(START('wellbeing-check-in'));
    expect(last(await bot.send('hmm'))).toMatch(/Tap "Yes, start" to begin/);
  });
});

describe('asking for a survey or for what changed in other words', () => {
  let surveys: TestSurveys;
  beforeAll(async () => {
    surveys = await openTestSurveys();
  });
  afterAll(async () => surveys.close());

  it.each([
    ['can i do the survey'],
    ['i wanna do a survey'],
    ['is there a survey'],
    ['i want to have my say'],
    ['continue the survey'],
    ['any surveys?'],
  ])('lists open surveys for "%s"', async (text) => {
    const bot = botConversation({ surveys, userId: `ask-${text}`, conversationId: `ask-${text}` });
    await bot.send('hi');
    expect(buttons(await bot.send(text))).toContain('Wellbeing check-in');
  });

  it.each([['what did you change'], ['what have you lot done about it'], ['has anything changed since?']])(
    'shows the board for "%s"',
    async (text) => {
      const bot = botConversation({ surveys, userId: `board-${text}`, conversationId: `board-${text}` });
      await bot.send('hi');
      expect(readable(await bot.send(text))).toMatch(/Nothing has been posted yet/);
    },
  );

  it('keeps a need a need: "what changed with my universal credit" gets money help', async () => {
    const bot = botConversation({ surveys, userId: 'need-uc', conversationId: 'need-uc' });
    await bot.send('hi');
    expect(readable(await bot.send('what changed with my universal credit'))).toMatch(/money/i);
  });

  it('does not push a survey on someone who says they do not want one', async () => {
    const bot = botConversation({ surveys, userId: 'no-survey', conversationId: 'no-survey' });
    await bot.send('hi');
    expect(buttons(await bot.send("i don't want to do a survey"))).not.toContain('Wellbeing check-in');
  });
});

describe('carrying on with a paused survey', () => {
  let surveys: TestSurveys;
  beforeAll(async () => {
    surveys = await openTestSurveys();
  });
  afterAll(async () => surveys.close());

  it.each([['carry on'], ['continue the survey'], ['can i carry on']])(
    'goes straight back to the one paused survey on "%s"',
    async (text) => {
      const bot = botConversation({ surveys, userId: `resume-${text}`, conversationId: `resume-${text}` });
      await bot.send(START('wellbeing-check-in'));
      await bot.send('yes');
      await bot.send('5');
      await bot.send('pause');
      expect(readable(await bot.send(text))).toMatch(/Welcome back[\s\S]*Question 2 of 5/);
    },
  );
});
