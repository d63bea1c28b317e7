import { loadShippedSurveys } from '../../surveys/catalogue';
import { buildResults } from '../../surveys/results';
import { asPage, fakeAudit, member, staffRequest } from '../../tests/helpers/staffRequest';
import { openTestSurveys, type TestSurveys } from '../../tests/helpers/surveys';
import { HttpError } from '../shared/httpError';
import { staffTranslator } from '../shared/i18n';
import { createResultsController, resultLabels } from './resultsController';
import { AGE_BANDS, ageBandsAskedBy, filtersQuery, parseResultsFilters, toResponseFilter } from './resultsFilters';

const [careLeavers, wellbeing] = loadShippedSurveys();

describe('results filters (one schema for the pages and the command line)', () => {
  it.each([
    [{ theme: 'my-pa' }, { theme: 'my PA' }, {}],
    [{ theme: 'Education_and_work', view: 'print' }, { theme: 'education and work', view: 'print' }, {}],
    [{ theme: 'astrology' }, {}, { theme: 'theme' }],
    [{ ageBand: '18_20', from: '2026-09', to: '2026-11' }, { ageBand: '18_20', from: '2026-09', to: '2026-11' }, {}],
    [{ ageBand: '30_40' }, {}, { ageBand: 'ageBand' }],
    [{ from: '2026-13', to: 'November' }, {}, { from: 'month', to: 'month' }],
    [{ theme: '', ageBand: '  ', view: 'poster' }, {}, { view: 'view' }],
  ])('reads %j as %j with errors %j', (input, filters, errors) => {
    expect(parseResultsFilters(input)).toEqual({ filters, errors });
  });

  it('refuses an age band for a survey that asks no age', () => {
    expect(parseResultsFilters({ ageBand: '16_17' }, wellbeing)).toEqual({
      filters: {},
      errors: { ageBand: 'notAsked' },
    });
    expect(parseResultsFilters({ ageBand: '16_17' }, careLeavers).filters).toEqual({ ageBand: '16_17' });
  });

  it('knows the age bands each survey asks about', () => {
    expect(ageBandsAskedBy(careLeavers).map((band) => band.value)).toEqual([...AGE_BANDS]);
    expect(ageBandsAskedBy(wellbeing)).toEqual([]);
  });

  it("turns filters into the results builder's filter and a query string", () => {
    const filters = { theme: 'money' as const, ageBand: '16_17' as const, from: '2026-09', view: 'print' as const };
    expect(toResponseFilter(filters)).toEqual({ ageBands: ['16_17'], fromMonth: '2026-09', theme: 'money' });
    expect(filtersQuery(filters)).toBe('theme=money&ageBand=16_17&from=2026-09');
  });
});

describe('the results page', () => {
  let surveys: TestSurveys;
  const audit = fakeAudit();
  beforeAll(async () => {
    surveys = await openTestSurveys();
  });
  afterAll(async () => surveys.close());
  const controller = () => createResultsController({ surveys, staff: { audit }, threshold: 5 });
  const asCicc = (params: Record<string, string>, query: Record<string, unknown> = {}) =>
    staffRequest({ params, query, staff: { principal: member('cicc'), via: 'bearer' } });

  it('offers age filters only for a survey that asks an age, and says why an age filter was dropped', async () => {
    const page = asPage(await controller().page(asCicc({ id: wellbeing.id }, { ageBand: '16_17' })));
    expect(page.view).toBe('results.njk');
    expect(page.data.ageItems).toBeUndefined();
    expect(page.data.errors).toEqual({ ageBand: 'This survey does not ask young people their age' });
    expect(page.data.noAnswersText).toBe(
      'Fewer than 5 young people answered, so nothing is shown. This keeps everyone anonymous.',
    );
    const asked = asPage(await controller().page(asCicc({ id: careLeavers.id })));
    expect(asked.data.ageItems).toEqual([
      { value: '', text: 'All ages', selected: true },
      { value: '16_17', text: '16 to 17', selected: false },
      { value: '18_20', text: '18 to 20', selected: false },
      { value: '21_25', text: '21 to 25', selected: false },
    ]);
    expect(audit.entries).toContainEqual({ actor: 'A cicc', action: 'results.view', target: careLeavers.id });
  });

  it('sends the CSV with its file name, keeping the filters, and records the export', async () => {
    const result = await controller().csv(asCicc({ id: careLeavers.id }, { theme: 'money' }));
    expect(result).toMatchObject({
      kind: 'download',
      contentType: 'text/csv; charset=utf-8',
      filename: `${careLeavers.id}-results.csv`,
    });
    expect(result.kind === 'download' && result.body).toMatch(/^section,theme,question_id,question,answer,count\n/);
    expect(result.kind === 'download' && result.body).not.toMatch(/\nquestion,housing,/);
    expect(audit.entries).toContainEqual({
      actor: 'A cicc',
      action: 'results.export',
      target: careLeavers.id,
      detail: 'csv',
    });
  });

  it('answers 404 for a survey that does not exist', async () => {
    await expect(controller().page(asCicc({ id: 'no-such-survey' }))).rejects.toEqual(
      new HttpError(404, 'errors.surveyNotFound'),
    );
  });

  it('takes yes and no in the language it is given (results hard-code no language)', async () => {
    const yesNo = careLeavers.questions.find((question) => question.type === 'yesNo')!;
    const results = await buildResults({
      survey: careLeavers,
      tallies: surveys.tallies,
      responses: surveys.responses,
      threshold: 5,
      locale: 'ar',
      labels: resultLabels(staffTranslator('ar')),
    });
    const options = results.questions.find((question) => question.id === yesNo.id)?.options;
    expect(options?.map((option) => option.label)).toEqual(['نعم', 'لا']);
  });
});
