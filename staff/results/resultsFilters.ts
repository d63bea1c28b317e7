/**
 * The results filters, one schema for the web pages and the command line: theme, age band, months and view.
 * Also the age bands the surveys ask about.
 */
import { z } from 'zod';
import type { ResponseFilter } from '../../surveys/responses';
import { MONTH_PATTERN } from '../../surveys/responses';
import { Theme, themeFrom, type SurveyDefinition } from '../../surveys/schema';

/** The age bands a survey may ask about (the choice ids of a question with `"profile": "ageBand"`). */
export const AGE_BANDS = ['16_17', '18_20', '21_25'] as const;
export const AgeBand = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof AgeBand>;

/**
 * The age bands this survey asks about, with their English labels; none when it asks no age.
 * @example ageBandsAskedBy(wellbeing) // []
 */
export function ageBandsAskedBy(survey: SurveyDefinition): Array<{ value: AgeBand; text: string }> {
  const question = survey.questions.find((q) => q.profile === 'ageBand');
  if (!question || (question.type !== 'singleChoice' && question.type !== 'multipleChoice')) return [];
  return question.choices.flatMap((choice) => {
    const band = AgeBand.safeParse(choice.id);
    return band.success ? [{ value: band.data, text: choice.label['en-GB'] }] : [];
  });
}

const text = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === 'string' ? value.trim() : ''));
const blankToUndefined = (schema: z.ZodType) =>
  text.pipe(z.preprocess((value) => (value === '' ? undefined : value), schema.optional()));
const Month = z.string().regex(MONTH_PATTERN);

/** The filters as a query string, a form or command-line flags give them (strings, any of them missing). */
export const ResultsFilters = z.object({
  // A theme as people type it: any case, hyphens or underscores for spaces.
  theme: blankToUndefined(z.preprocess((value) => themeFrom(value) ?? value, Theme)),
  ageBand: blankToUndefined(AgeBand),
  from: blankToUndefined(Month),
  to: blankToUndefined(Month),
  view: blankToUndefined(z.enum(['print'])),
});
export interface ResultsFilters {
  theme?: Theme;
  ageBand?: AgeBand;
  from?: string;
  to?: string;
  view?: 'print';
}

/** Which filter was wrong, as a key under `results.filterErrors` in the staff locale file. */
export type FilterErrors = Partial<Record<keyof ResultsFilters, 'theme' | 'ageBand' | 'month' | 'view' | 'notAsked'>>;

/**
 * Reads filters field by field: a wrong one is reported and left out, the others still apply. With a survey,
 * an age band is only accepted when that survey asks an age.
 * @example parseResultsFilters({ theme: 'my-pa', from: '2026-13' })
 * // { filters: { theme: 'my PA' }, errors: { from: 'month' } }
 */
export function parseResultsFilters(
  input: Record<string, unknown>,
  survey?: SurveyDefinition,
): { filters: ResultsFilters; errors: FilterErrors } {
  const filters: Record<string, unknown> = {};
  const errors: FilterErrors = {};
  for (const name of ['theme', 'ageBand', 'from', 'to', 'view'] as const) {
    const parsed = ResultsFilters.shape[name].safeParse(input[name]);
    if (!parsed.success) errors[name] = name === 'from' || name === 'to' ? 'month' : name;
    else if (parsed.data !== undefined) filters[name] = parsed.data;
  }
  const result = filters as ResultsFilters;
  if (survey && result.ageBand && !ageBandsAskedBy(survey).some((band) => band.value === result.ageBand)) {
    errors.ageBand = 'notAsked';
    delete result.ageBand;
  }
  return { filters: result, errors };
}

/**
 * The filters as the results builder takes them.
 * @example toResponseFilter({ ageBand: '16_17', from: '2026-09' }) // { ageBands: ['16_17'], fromMonth: '2026-09' }
 */
export function toResponseFilter(filters: ResultsFilters): ResponseFilter & { theme?: Theme } {
  return {
    ...(filters.ageBand ? { ageBands: [filters.ageBand] } : {}),
    ...(filters.from ? { fromMonth: filters.from } : {}),
    ...(filters.to ? { toMonth: filters.to } : {}),
    ...(filters.theme ? { theme: filters.theme } : {}),
  };
}

/**
 * The filters as a query string (for the CSV link and the print view), without the view.
 * @example filtersQuery({ theme: 'money', view: 'print' }) // 'theme=money'
 */
export function filtersQuery(filters: ResultsFilters): string {
  const { view: _view, ...rest } = filters;
  return new URLSearchParams(
    Object.entries(rest).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
}
