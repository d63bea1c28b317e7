/** The root's order of precedence as conversations: what a person says at each step, and what the bot must reply. */
import type { Activity } from 'botbuilder';
import { PRECEDENCE } from '../../dialogs/careLeaversBot';
import { botConversation, readable } from '../helpers/bot';
import { openTestSurveys, type TestSurveys } from '../helpers/surveys';

const START = { type: 'event', name: 'startSurvey', value: { surveyId: 'wellbeing-check-in' } } as Partial<Activity>;

/** One step: the person says something (or opens a survey link); the reply must match, and must not match `not`. */
type Step = [says: string | Partial<Activity>, replies: RegExp, not?: RegExp];

const INTO_THE_SURVEY: Step[] = [
  [START, /Wellbeing check-in[\s\S]*Are you happy to start\?/],
  ['yes', /Question 1 of 5/],
  ['7', /Question 2 of 5/],
];
const CRISIS_LINES = /Samaritans[\s\S]*116 123/;

const conversations: Array<[name: string, steps: Step[]]> = [
  [
    'crisis beats a survey answer: the lines first, the survey paused, then carried on at the same question',
    [
      ...INTO_THE_SURVEY,
      ['i want to kill myself', /Samaritans[\s\S]*Your survey is paused/, /Question 3 of 5/],
      ['survey', /Welcome back! Carrying on where you left off[\s\S]*Question 2 of 5/],
    ],
  ],
  [
    'a warning sign inside a survey asks whether they are safe, not the next question',
    [...INTO_THE_SURVEY, ["i'm such a burden to everyone", /are you not safe right now\?/, /Question 3 of 5/]],
  ],
  [
    'help interrupts a survey with the menu, and "carry on" resumes it',
    [
      ...INTO_THE_SURVEY,
      ['help', /Your survey is paused\. Type "survey" to carry on[\s\S]*What would you like help with\?/],
      ['carry on', /Welcome back![\s\S]*Question 2 of 5/],
    ],
  ],
  [
    'menu interrupts a survey, and the "Have my say" button carries on with it',
    [
      ...INTO_THE_SURVEY,
      ['menu', /Your survey is paused[\s\S]*What would you like help with\?/],
      ['Have my say', /Question 2 of 5/],
    ],
  ],
  [
    'stop pauses a survey in place; a second stop says nothing is running and names the paused survey',
    [
      ...INTO_THE_SURVEY,
      ['stop', /paused the survey at question 2/],
      ['stop', /Nothing is running now\. Your survey "Wellbeing check-in" is paused/],
      ['survey', /Question 2 of 5/],
    ],
  ],
  [
    'stop with nothing started says there is nothing to stop',
    [
      ['hi', /Hi/],
      ['stop', /nothing to stop/],
    ],
  ],
  [
    'a language switch mid-survey pauses it and carries on in the new language',
    [
      ...INTO_THE_SURVEY,
      ['arabic', /سأتحدث بالعربية الآن[\s\S]*بماذا تريد المساعدة/, /Question/],
      ['carry on', /أهلًا بعودتك/],
    ],
  ],
  [
    'a language switch inside the i-THRIVE questions answers in the new language',
    [
      ['hi', /Hi/],
      ['Not sure what I need', /Are you safe right now\?/],
      ['arabic', /سأتحدث بالعربية الآن/, /Are you safe/],
    ],
  ],
  [
    'crisis inside the i-THRIVE questions gets the lines at once, and the question waits',
    [
      ['hi', /Hi/],
      ['Not sure what I need', /Are you safe right now\?/],
      ['i want to kill myself', CRISIS_LINES],
      ["Yes, I'm safe", /What would help most\?/],
    ],
  ],
  [
    'a need typed at the consent question is answered, not taken as a no',
    [
      [START, /Are you happy to start\?/],
      ['where can i get help with my rent', /Staying Put|housing/i, /Nothing has been saved/],
    ],
  ],
];

describe('precedence: what answers a message, in order (user says -> bot replies)', () => {
  let surveys: TestSurveys;
  beforeEach(async () => {
    surveys = await openTestSurveys({ newCode: () => 'otter-maple-comet-42' });
  });
  afterEach(async () => surveys.close());

  it.each(conversations)('%s', async (_name, steps) => {
    const chat = botConversation({ surveys, userId: 'u_precedence01' });
    for (const [says, replies, not] of steps) {
      const text = readable(await chat.send(says));
      expect({ says, text }).toEqual({ says, text: expect.stringMatching(replies) });
      if (not) expect({ says, text }).toEqual({ says, text: expect.not.stringMatching(not) });
    }
  });

  it('puts risk first, the interruptions before the waiting dialog, and a fallback last', () => {
    const names = PRECEDENCE.map((rule) => rule.name);
    expect(names[0]).toMatch(/^crisis/);
    expect(names[1]).toMatch(/^concern/);
    const dialog = names.indexOf('the dialog waiting for an answer');
    for (const interruption of ['switch language', 'more topics'])
      expect(names.indexOf(interruption)).toBeLessThan(dialog);
    expect(names.findIndex((name) => name.startsWith('menu'))).toBeLessThan(dialog);
    expect(names.at(-1)).toMatch(/^anything else/);
  });
});
