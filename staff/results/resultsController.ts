/** A survey's results for the CiCC: the page with filters, charts and actions, and the CSV and JSON downloads. */
import type { StoredAction } from '../../surveys/actions';
import type { SurveyServices } from '../../surveys/index';
import { buildResults, resultsToCsv, type ResultLabels, type SurveyResults } from '../../surveys/results';
import { THEMES, type SurveyDefinition } from '../../surveys/schema';
import type { AuditLog } from '../audit';
import { findSurvey } from '../shared/findSurvey';
import { staffTranslator, type StaffTranslate } from '../shared/i18n';
import { countText, statusLabel, themeLabel } from '../shared/labels';
import { page, signedIn, type StaffRequest, type StaffResult } from '../shared/route';
import { barChartSvg } from './charts';
import {
  ageBandsAskedBy,
  filtersQuery,
  parseResultsFilters,
  toResponseFilter,
  type FilterErrors,
  type ResultsFilters,
} from './resultsFilters';

export interface ResultsDeps {
  surveys: Pick<SurveyServices, 'catalogue' | 'tallies' | 'responses' | 'board'>;
  staff: { audit: Pick<AuditLog, 'record'> };
  threshold: number;
}

/** Yes, no and "out of" from the staff locale file, for the results builder. */
export const resultLabels = (t: StaffTranslate): ResultLabels => ({
  yes: t('results.yes'),
  no: t('results.no'),
  outOf: (value, max) => t('results.outOf', { value, max }),
});

/**
 * @example const results = createResultsController({ surveys, staff, threshold: 5 }); await results.page(req)
 */
export function createResultsController(deps: ResultsDeps) {
  const t = staffTranslator('en-GB');

  const build = (survey: SurveyDefinition, filters: ResultsFilters) =>
    buildResults({
      survey,
      tallies: deps.surveys.tallies,
      responses: deps.surveys.responses,
      threshold: deps.threshold,
      filters: toResponseFilter(filters),
      labels: resultLabels(t),
    });

  async function download(req: StaffRequest, format: 'csv' | 'json'): Promise<StaffResult> {
    const record = await findSurvey(deps.surveys.catalogue, req.params.id);
    const { filters } = parseResultsFilters(req.query, record.definition);
    const results = await build(record.definition, filters);
    await deps.staff.audit.record(signedIn(req).principal, 'results.export', record._id, format);
    return {
      kind: 'download',
      contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      filename: `${record._id}-results.${format}`,
      body: format === 'csv' ? resultsToCsv(results) : JSON.stringify(results),
    };
  }

  return {
    async page(req: StaffRequest): Promise<StaffResult> {
      const record = await findSurvey(deps.surveys.catalogue, req.params.id);
      const { filters, errors } = parseResultsFilters(req.query, record.definition);
      const results = await build(record.definition, filters);
      await deps.staff.audit.record(signedIn(req).principal, 'results.view', record._id);
      const actions = await deps.surveys.board.all(record._id);
      return page(
        'results.njk',
        'cicc',
        resultsView(t, { results, actions, filters, errors, survey: record.definition }),
      );
    },
    csv: (req: StaffRequest): Promise<StaffResult> => download(req, 'csv'),
    json: (req: StaffRequest): Promise<StaffResult> => download(req, 'json'),
  };
}

/** The page's data: sections by theme, with words for hidden counts, and filters offering only what the survey asks. */
function resultsView(
  t: StaffTranslate,
  args: {
    results: SurveyResults;
    actions: StoredAction[];
    filters: ResultsFilters;
    errors: FilterErrors;
    survey: SurveyDefinition;
  },
) {
  const { results, filters, survey } = args;
  const threshold = results.threshold;
  // Too few answers overall: the page says so once, rather than "fewer than 5" under every question.
  const tooFew = results.responses === null;
  const sections = (tooFew ? [] : results.themes).map((theme) => ({
    label: themeLabel(t, theme.theme),
    actions: args.actions
      .filter((action) => action.theme === theme.theme)
      .map((action) => ({
        said: action.said,
        did: action.did,
        status: statusLabel(t, action.status),
        published: action.published,
      })),
    answeredText:
      theme.answered.count === null
        ? t('results.themeHidden', { threshold })
        : t('results.themeAnswered', { n: theme.answered.count }),
    questions: results.questions
      .filter((question) => question.theme === theme.theme)
      .map((question) => ({
        id: question.id,
        question: question.question,
        answeredText:
          question.answered.count === null
            ? t('results.questionHidden')
            : t('results.questionAnswered', { n: question.answered.count }),
        chart: question.options?.length
          ? barChartSvg({
              id: `chart-${question.id}`,
              title: question.question,
              options: question.options,
              hiddenText: t('results.fewerThan', { threshold }),
            })
          : undefined,
        options: question.options?.map((option) => ({
          label: option.label,
          text: countText(t, option.count, threshold),
        })),
        average: question.average ?? (question.average === null ? t('results.averageHidden') : undefined),
        comments: question.comments,
      })),
  }));
  const selected = (items: Array<{ value: string; text: string }>, value?: string) =>
    items.map((item) => ({ ...item, selected: item.value === (value ?? '') }));
  const ageBands = ageBandsAskedBy(survey);
  const query = filtersQuery(filters);
  const errors = Object.fromEntries(
    Object.entries(args.errors).map(([name, key]) => [name, t(`results.filterErrors.${key}`)]),
  );
  return {
    title: results.title,
    results,
    sections,
    filters,
    errors,
    filtered: Boolean(filters.theme || filters.ageBand || filters.from || filters.to),
    printView: filters.view === 'print',
    noAnswersText: t(filtersQuery(filters) ? 'results.tooFewFiltered' : 'results.tooFew', { threshold }),
    answeredText: t(query ? 'results.answeredFiltered' : 'results.answered', { n: results.responses ?? 0 }),
    hiddenDetails: t('results.whyHiddenText', { threshold }),
    // Filters offer only what this survey asks: its themes, and age bands only if it asks an age.
    themeItems: selected(
      [
        { value: '', text: t('results.allThemes') },
        ...THEMES.filter((theme) => survey.questions.some((q) => q.theme === theme)).map((theme) => ({
          value: theme,
          text: themeLabel(t, theme),
        })),
      ],
      filters.theme,
    ),
    ageItems: ageBands.length
      ? selected([{ value: '', text: t('results.allAges') }, ...ageBands], filters.ageBand)
      : undefined,
    csvHref: `/cicc/surveys/${results.surveyId}/results.csv${query ? `?${query}` : ''}`,
    printHref: `/cicc/surveys/${results.surveyId}?${query ? `${query}&` : ''}view=print`,
  };
}
