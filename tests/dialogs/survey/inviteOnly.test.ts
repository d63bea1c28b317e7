import type { Activity } from 'botbuilder';
import { admin } from '../../helpers/admin';
import { botConversation, readable } from '../../helpers/bot';
import { openTestSurveys, type TestSurveys } from '../../helpers/surveys';
import { extractDeletionCode, newDeletionCode } from '../../../surveys/pseudonym';

const START = (invite?: string) =>
  ({
    type: 'event',
    name: 'startSurvey',
    value: { surveyId: 'wellbeing-check-in', ...(invite ? { invite } : {}) },
  }) as Partial<Activity>;
const ANSWERS = ['yes', '7', 'Skip', 'yes', 'Skip', 'Skip'];

describe('an invite-only survey', () => {
  let surveys: TestSurveys;
  beforeEach(async () => {
    surveys = await openTestSurveys({ clock: () => new Date('2026-11-24T14:30:00Z') });
    await surveys.catalogue.setStatus('wellbeing-check-in', 'open', { inviteOnly: true });
  });
  afterEach(async () => surveys.close());

  const complete = async (userId: string, invite?: string) => {
    const chat = botConversation({ surveys, userId, conversationId: `conv-${userId}` });
    let text = readable(await chat.send(START(invite)));
    for (const answer of ANSWERS) text = readable(await chat.send(answer));
    return text;
  };

  it('takes exactly one completion per code, and kindly refuses a second one or none', async () => {
    const [code] = await surveys.invitations.create('wellbeing-check-in', 1);
    expect(await complete('u_first0001', code)).toMatch(/Thank you for having your say/);
    expect(await surveys.store.collection('responses').countDocuments({})).toBe(1);

    const second = botConversation({ surveys, userId: 'u_second001', conversationId: 'conv-second' });
    expect(readable(await second.send(START(code)))).toMatch(/already been used[\s\S]*Nothing new has been saved/);
    const none = botConversation({ surveys, userId: 'u_third0001', conversationId: 'conv-third' });
    expect(readable(await none.send(START()))).toMatch(/by invitation only/);
    expect(readable(await none.send(START('abcdefghjkmn')))).toMatch(/by invitation only/);
    expect(await surveys.store.collection('responses').countDocuments({})).toBe(1);
  });

  it('lets only the first of two people who start with the same code finish', async () => {
    const [code] = await surveys.invitations.create('wellbeing-check-in', 1);
    const a = botConversation({ surveys, userId: 'u_sharea001', conversationId: 'conv-a' });
    const b = botConversation({ surveys, userId: 'u_shareb001', conversationId: 'conv-b' });
    await a.send(START(code));
    await b.send(START(code));
    let lastA = '';
    let lastB = '';
    for (const answer of ANSWERS) {
      lastA = readable(await a.send(answer));
      lastB = readable(await b.send(answer));
    }
    expect(lastA).toMatch(/Thank you for having your say/);
    expect(lastB).toMatch(/already been used/);
    expect(await surveys.store.collection('responses').countDocuments({})).toBe(1);
  });
});

describe('invitation links from the command line', () => {
  it('prints n single-use links as the last n lines of stdout', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-invite-'));
    expect((await admin(dataDir, 'surveys', 'open', 'wellbeing-check-in', '--invite-only')).err.join(' ')).toMatch(
      /by invitation only/,
    );
    const result = await admin(dataDir, 'surveys', 'invite', 'wellbeing-check-in', '--count', '3');
    expect(result.code).toBe(0);
    expect(result.out.slice(-3)).toEqual([
      expect.stringMatching(/^http:\/\/127\.0\.0\.1:3978\/\?survey=wellbeing-check-in&invite=[a-z2-9]{12}$/),
      expect.any(String),
      expect.any(String),
    ]);
    expect(new Set(result.out.slice(-3)).size).toBe(3);
    expect((await admin(dataDir, 'surveys', 'invite', 'wellbeing-check-in', '--count', 'lots')).err).toEqual([
      '--count must be a whole number from 1 to 1000.',
    ]);
    rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('deletion codes that cannot be guessed', () => {
  it('are four words and three digits, and old three-word codes still work', async () => {
    const code = newDeletionCode();
    expect(code).toMatch(/^[a-z]+-[a-z]+-[a-z]+-[a-z]+-\d{3}$/);
    expect(extractDeletionCode(`delete ${code.replace(/-/g, ' ')}`)).toBe(code);
    expect(extractDeletionCode('delete otter-maple-comet-42')).toBe('otter-maple-comet-42');
  });

  it('stop being tried after 5 wrong codes an hour in one chat; the right code still works elsewhere', async () => {
    const surveys = await openTestSurveys({
      clock: () => new Date('2026-11-24T14:30:00Z'),
      newCode: () => 'otter-maple-comet-river-427',
    });
    try {
      await surveys.responses.saveFromChat(
        { surveyId: 'wellbeing-check-in', surveyVersion: 1, answers: [{ q: 'someone_to_talk', v: 'yes' }] },
        { channelId: 'test', userId: 'u_owner0001' },
      );
      const guesser = botConversation({ surveys, userId: 'u_guesser01', conversationId: 'conv-guesser' });
      for (let i = 0; i < 5; i++)
        expect(readable(await guesser.send(`delete otter maple comet swan ${100 + i}`))).toMatch(
          /couldn't find answers with that code/,
        );
      expect(readable(await guesser.send('delete otter maple comet river 427'))).toMatch(/paused deleting for a while/);
      expect(await surveys.store.collection('responses').countDocuments({})).toBe(1);
    } finally {
      await surveys.close();
    }
  });
});
