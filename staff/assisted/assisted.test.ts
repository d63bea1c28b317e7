import { loadShippedSurveys } from '../../surveys/catalogue';
import { asPage, fakeAudit, staffRequest } from '../../tests/helpers/staffRequest';
import { openTestSurveys, type TestSurveys } from '../../tests/helpers/surveys';
import { readAssistedForm, SKIPPED } from './assistedForm';
import { assistedRoutes } from './routes';

const wellbeing = loadShippedSurveys()[1];

describe('the phone survey', () => {
  let surveys: TestSurveys;
  const audit = fakeAudit();
  beforeAll(async () => {
    surveys = await openTestSurveys({ newCode: () => 'apple-banana-cherry-damson-123' });
  });
  afterAll(async () => surveys.close());
  const route = (method: string) => assistedRoutes({ surveys, staff: { audit } }).find((r) => r.method === method)!;
  const params = { id: wellbeing.id };

  it('reads answers, skips and scrubbed free text from the form', () => {
    const read = readAssistedForm(wellbeing, {
      life_satisfaction: '7',
      worried_yesterday: SKIPPED,
      someone_to_talk: 'yes',
      anything_else: 'Ring me on 07700 900123 please',
    });
    expect(read.ok && read.answers).toEqual(
      expect.arrayContaining([
        { q: 'life_satisfaction', v: 7 },
        { q: 'worried_yesterday', skipped: true },
        { q: 'someone_to_talk', v: 'yes' },
        { q: 'anything_else', v: 'Ring me on [phone] please' },
      ]),
    );
    expect(readAssistedForm(wellbeing, { life_satisfaction: '11' })).toEqual({
      ok: false,
      errors: { life_satisfaction: { key: 'wholeNumber', values: expect.objectContaining({ min: 0, max: 10 }) } },
    });
  });

  it('offers every question with a "skipped" choice, read-aloud wording first', async () => {
    const page = asPage(await route('GET').handler(staffRequest({ params })));
    const questions = page.data.questions as Array<{ name: string; items?: Array<{ text?: string }> }>;
    expect(questions.map((q) => q.name)).toEqual(wellbeing.questions.map((q) => q.id));
    expect(questions[2].items?.map((item) => item.text)).toEqual([
      'Yes',
      'No',
      undefined,
      'Skipped or prefer not to say',
    ]);
  });

  it('shows what is wrong in words (400), then saves and gives the deletion code (201)', async () => {
    const wrong = asPage(await route('POST').handler(staffRequest({ params, body: { life_satisfaction: '11' } })));
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors).toEqual([
      { text: expect.stringMatching(/must be a whole number from 0 to 10\.$/), href: '#life_satisfaction' },
    ]);
    const saved = asPage(await route('POST').handler(staffRequest({ params, body: { life_satisfaction: '6' } })));
    expect(saved).toMatchObject({
      status: 201,
      view: 'assistedDone.njk',
      data: { code: 'apple-banana-cherry-damson-123' },
    });
    expect(audit.entries).toEqual([{ actor: 'A participation', action: 'assisted.record', target: wellbeing.id }]);
  });
});
