import { loadShippedSurveys } from '../../surveys/catalogue';
import { goBack, nextQuestion, progressOf, recordAnswer, startProgress } from '../../surveys/engine';
import { SurveyDefinition } from '../../surveys/schema';

const surveys = loadShippedSurveys();
const byId = (id: string) => surveys.find((survey) => survey.id === id)!;

describe('shipped survey definitions', () => {
  it('ships the care leavers "you said, we did" survey and the wellbeing check-in, both valid', () => {
    expect(surveys.map((survey) => survey.id)).toEqual(['care-leavers-you-said-we-did', 'wellbeing-check-in']);
  });

  it("covers the task group's themes: PA, health, housing, money, education and work, being heard", () => {
    const themes = new Set(byId('care-leavers-you-said-we-did').questions.map((question) => question.theme));
    for (const theme of ['my PA', 'health', 'housing', 'money', 'education and work', 'being heard'])
      expect(themes).toContain(theme);
  });

  it('uses every question type between them', () => {
    const types = new Set(surveys.flatMap((survey) => survey.questions.map((question) => question.type)));
    for (const type of ['yesNo', 'scale', 'singleChoice', 'multipleChoice', 'freeText']) expect(types).toContain(type);
  });

  it('has every question, choice and consent text in Arabic as well as English', () => {
    for (const survey of surveys) {
      for (const text of [
        survey.title,
        survey.intro,
        survey.consent,
        survey.nextSteps,
        ...survey.questions.map((question) => question.text),
      ]) {
        expect(text.ar).toMatch(/[\u0600-\u06ff]/);
      }
    }
  });

  it('tells people in the consent what is kept, for how long, who sees it and that they can stop', () => {
    for (const survey of surveys)
      expect(survey.consent['en-GB']).toMatch(/keep.*answers[\s\S]*year[\s\S]*Children in Care Council[\s\S]*stop/i);
  });

  it('rejects a condition that points at a later question, and duplicate ids', () => {
    const base = {
      id: 'x',
      version: 1,
      title: { 'en-GB': 'T', ar: 'ت' },
      intro: { 'en-GB': 'I', ar: 'ا' },
      consent: { 'en-GB': 'C', ar: 'م' },
      nextSteps: { 'en-GB': 'N', ar: 'ن' },
    };
    const question = (id: string, extra = {}) => ({
      id,
      theme: 'health',
      type: 'yesNo',
      text: { 'en-GB': 'Q?', ar: 'س؟' },
      ...extra,
    });
    expect(
      SurveyDefinition.safeParse({
        ...base,
        questions: [question('aa', { showIf: { question: 'bb', equals: 'yes' } }), question('bb')],
      }).success,
    ).toBe(false);
    expect(SurveyDefinition.safeParse({ ...base, questions: [question('aa'), question('aa')] }).success).toBe(false);
    expect(
      SurveyDefinition.safeParse({
        ...base,
        questions: [question('aa'), question('bb', { showIf: { question: 'aa', equals: 'yes' } })],
      }).success,
    ).toBe(true);
  });
});

describe('the survey engine', () => {
  const survey = byId('care-leavers-you-said-we-did');
  const now = new Date('2026-11-24T12:00:00Z');

  it('starts at question 1 of all the questions that might be asked', () => {
    const progress = startProgress(survey, now);
    expect(progress.currentId).toBe('age_band');
    expect(progressOf(survey, [], 'age_band')).toEqual({ n: 1, m: survey.questions.length });
  });

  it('leaves out the PA questions for someone without a PA, and the count of questions shrinks', () => {
    let progress = startProgress(survey, now);
    progress = recordAnswer(survey, progress, { q: 'age_band', v: '18_20' });
    progress = recordAnswer(survey, progress, { q: 'care_status', v: 'left_care' });
    progress = recordAnswer(survey, progress, { q: 'pa_has', v: 'no' });
    expect(progress.currentId).toBe('health_history');
    // staying_put_told is out (left care) and both PA follow-ups are out.
    expect(progressOf(survey, progress.answers, 'health_history')).toEqual({ n: 4, m: survey.questions.length - 3 });
  });

  it('treats a skipped deciding question as "not shown" for the questions that depend on it', () => {
    const answers = [
      { q: 'age_band', v: '16_17' },
      { q: 'care_status', v: 'still_in_care' },
      { q: 'pa_has', skipped: true as const },
    ];
    expect(nextQuestion(survey, answers, 'pa_has')?.id).toBe('health_history');
  });

  it('goes back to the last answer and forgets answers that depended on it', () => {
    let progress = startProgress(survey, now);
    for (const answer of [
      { q: 'age_band', v: '18_20' },
      { q: 'care_status', v: 'left_care' },
      { q: 'pa_has', v: 'yes' },
      { q: 'pa_support', v: 4 },
    ])
      progress = recordAnswer(survey, progress, answer);
    progress = goBack(survey, progress);
    expect(progress.currentId).toBe('pa_support');
    progress = goBack(survey, progress);
    expect(progress.currentId).toBe('pa_has');
    expect(progress.answers.map((answer) => answer.q)).toEqual(['age_band', 'care_status']);
  });
});
