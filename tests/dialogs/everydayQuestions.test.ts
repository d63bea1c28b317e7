import type { Activity } from 'botbuilder';
import { LOCALE_RESOURCES } from '../../content/i18n';
import { SurveyDefinition } from '../../surveys/schema';
import { loadShippedSurveys } from '../../surveys/catalogue';
import { botConversation, cardTitles, readable } from '../helpers/bot';
import { openTestSurveys, type TestSurveys } from '../helpers/surveys';

const START = (surveyId: string) => ({ type: 'event', name: 'startSurvey', value: { surveyId } }) as Partial<Activity>;
const links = (replies: Partial<Activity>[]) =>
  replies.flatMap((reply) =>
    (reply.attachments ?? []).flatMap((a) =>
      ((a.content as { buttons?: Array<{ value: string }> }).buttons ?? []).map((b) => String(b.value)),
    ),
  );

describe('everyday questions get a card naming the right service or entitlement', () => {
  it.each([
    ['how do i register with a doctor', 'Registering with a GP (doctor)'],
    ['I need a dentist', 'NHS dentist'],
    ['where can i get the morning after pill', 'Sexual health and contraception'],
    ['need an sti test', 'Sexual health and contraception'],
    ['do care leavers pay council tax', 'No council tax to pay (Medway)'],
    ['is there money for furniture when i move into my flat', 'Setting up home allowance'],
    ['how do i apply for universal credit', 'Universal Credit'],
    ['i want to make a complaint about my pa', 'Complaints and advocacy (Medway Council)'],
    ['my PA never answers', 'Out of hours: evenings, nights and weekends'],
    ['i got a job interview and need clothes', 'Help with interview clothes and fares'],
  ])('"%s" -> %s', async (message, title) => {
    const replies = await botConversation().send(message);
    expect(cardTitles(replies)).toContain(title);
  });

  it('gives a direct number or link on a service card, not only "Ask my PA"', async () => {
    const replies = await botConversation().send('my PA never answers');
    expect(links(replies).some((value) => /^tel:\d+/.test(value))).toBe(true);
  });
});

describe('crisis lines that fit the risk', () => {
  it('answers an overdose with 999 or A&E first', async () => {
    const [first] = await botConversation().send('i took 20 paracetamol an hour ago');
    expect(first.text).toMatch(/999 or go to A&E/);
  });

  it('gives a 22-year-old telling of abuse a specialist line, and not Childline', async () => {
    const chat = botConversation();
    await chat.send("i'm 22");
    const text = readable(await chat.send('my boyfriend hits me and i am scared of him'));
    expect(text).toMatch(/National Domestic Abuse Helpline[\s\S]*0808 2000 247/);
    expect(text).not.toMatch(/Childline/);
  });
});

describe('small flows', () => {
  let surveys: TestSurveys;
  beforeEach(async () => {
    surveys = await openTestSurveys({
      clock: () => new Date('2026-11-24T14:30:00Z'),
      newCode: () => 'otter-maple-comet-42',
    });
  });
  afterEach(async () => surveys.close());

  it('carries on the one paused survey on "survey", and says nothing is running on "stop"', async () => {
    const chat = botConversation({ surveys, userId: 'u_flows01' });
    await chat.send(START('wellbeing-check-in'));
    await chat.send('yes');
    expect(readable(await chat.send('stop'))).toMatch(/paused the survey at question 1/);
    expect(readable(await chat.send('stop'))).toMatch(/Nothing is running now[\s\S]*Wellbeing check-in" is paused/);
    expect(readable(await chat.send('survey'))).toMatch(/Question 1 of 5/);
  });

  it('says a made-up deletion code does not look like one of ours', async () => {
    const chat = botConversation({ surveys, userId: 'u_flows02' });
    expect(readable(await chat.send('delete banana-split-00'))).toMatch(/doesn't look like one of our deletion codes/);
  });

  it('keeps each survey intro true to its number of questions', () => {
    for (const survey of loadShippedSurveys()) expect(SurveyDefinition.safeParse(survey).success).toBe(true);
    const wellbeing = loadShippedSurveys().find((s) => s.id === 'wellbeing-check-in')!;
    const broken = {
      ...wellbeing,
      intro: { ...wellbeing.intro, 'en-GB': 'Four short questions about how life feels.' },
    };
    expect(SurveyDefinition.safeParse(broken).error?.issues[0].message).toBe(
      'the intro promises 4 questions but there are 5',
    );
  });

  it('thanks people in words, without an emoji that can show as an empty box', () => {
    expect(LOCALE_RESOURCES['en-GB']).toMatchObject({ survey: { thanks: 'Thank you for having your say.' } });
    expect(JSON.stringify(LOCALE_RESOURCES)).not.toMatch(/\u{1F49C}/u);
  });
});
