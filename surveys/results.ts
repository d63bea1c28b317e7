/**
 * The aggregated, disclosure-controlled results of a survey: what the CiCC, staff pages and
 * `npm run admin -- results` show. Never raw rows.
 */
import type { SurveyCatalogue } from './catalogue';
import { scrub } from './anonymise/scrubber';
import type { ResponseFilter, ResponseStore } from './responses';
import { THEMES, type LocalText, type Question, type SurveyDefinition, type Theme } from './schema';
import { hidden, suppressGroup, suppressOne, type Cell } from './suppression';
import { KEY, type Tallies } from './tallies';

export interface OptionResult extends Cell {
  value: string;
  label: string;
}

export interface QuestionResult {
  id: string;
  theme: Theme;
  type: Question['type'];
  question: string;
  answered: Cell;
  /** Skipped, or not asked because of an earlier answer. */
  notAnswered: Cell;
  options?: OptionResult[];
  /** For scales and numbers, e.g. "6.4 out of 10"; only when no option count is hidden (or it could be solved for). */
  average?: string | null;
  /** Free-text answers, scrubbed again on the way out, sorted (not in the order given); only when enough answered. */
  comments?: string[];
}

export interface ThemeResult {
  theme: Theme;
  /** Responses that answered at least one question on this theme. */
  answered: Cell;
  questions: string[];
}

export interface SurveyResults {
  surveyId: string;
  title: string;
  generatedAt: string;
  threshold: number;
  filters: ResponseFilter & { theme?: Theme };
  responses: number | null;
  suppressed?: true;
  includesSyntheticResponses: boolean;
  includesAssistedResponses: boolean;
  /** Some answers came in a burst from one device or network (counted; their comments are not shown). */
  includesBurstResponses: boolean;
  themes: ThemeResult[];
  questions: QuestionResult[];
}

const MAX_COMMENTS = 50;

/** A language the survey definitions are written in. */
type TextLocale = keyof LocalText;

/**
 * Words the results need that a survey definition does not hold, in the caller's language (the staff pages take
 * them from their locale file; the command line's CSV and JSON are in English).
 */
export interface ResultLabels {
  yes: string;
  no: string;
  /** A point of a scale, or an average, out of its maximum: "6.4 out of 10". */
  outOf: (value: string, max: number) => string;
}

export const ENGLISH_RESULT_LABELS: ResultLabels = {
  yes: 'Yes',
  no: 'No',
  outOf: (value, max) => `${value} out of ${max}`,
};

/** A survey with its status and how many completed it, as staff may see it. */
export interface SurveyCount {
  id: string;
  title: string;
  status: string;
  /** null when under the threshold. */
  responses: number | null;
}

/**
 * Every survey with its published response count (for the staff pages and for staff asking in Teams).
 * @example await publishedSurveyCounts(catalogue, tallies, 5)
 * // [{ id: 'wellbeing-check-in', status: 'open', responses: null, … }]
 */
export async function publishedSurveyCounts(
  catalogue: SurveyCatalogue,
  tallies: Tallies,
  threshold: number,
): Promise<SurveyCount[]> {
  return Promise.all(
    (await catalogue.list()).map(async (record) => ({
      id: record._id,
      title: record.definition.title['en-GB'],
      status: record.status,
      responses: (await publishedResponseCount(tallies, record._id, threshold)).count,
    })),
  );
}

/**
 * How many completed a survey, as staff may see it (hidden under the threshold).
 * @example (await publishedResponseCount(tallies, 'wellbeing-check-in', 5)).count // null or a number >= 5
 */
export async function publishedResponseCount(tallies: Tallies, surveyId: string, threshold: number): Promise<Cell> {
  return suppressOne((await tallies.sum({ surveyId }))[KEY.responses] ?? 0, threshold);
}

function optionLabels(
  question: Question,
  locale: TextLocale,
  words: ResultLabels,
): Array<{ value: string; label: string }> {
  switch (question.type) {
    case 'yesNo':
      return [
        { value: 'yes', label: words.yes },
        { value: 'no', label: words.no },
      ];
    case 'singleChoice':
    case 'multipleChoice':
      return question.choices.map((choice) => ({ value: choice.id, label: choice.label[locale] }));
    case 'scale':
      return Array.from({ length: question.max - question.min + 1 }, (_, index) => {
        const value = question.min + index;
        return {
          value: String(value),
          label: question.pointLabels?.[index]?.[locale] ?? words.outOf(String(value), question.max),
        };
      });
    default:
      return [];
  }
}

function questionResult(
  question: Question,
  counts: Record<string, number>,
  responses: number,
  threshold: number,
  locale: TextLocale,
  words: ResultLabels,
): Omit<QuestionResult, 'comments'> {
  const answered = counts[KEY.answered(question.id)] ?? 0;
  const notAnswered = responses - answered;
  const base = { id: question.id, theme: question.theme, type: question.type, question: question.text[locale] };
  const labels = optionLabels(question, locale, words);
  const values = labels.map((option) => counts[KEY.value(question.id, option.value)] ?? 0);
  if (responses < threshold) {
    return {
      ...base,
      answered: hidden(),
      notAnswered: hidden(),
      ...(labels.length ? { options: labels.map((option) => ({ ...option, ...hidden() })) } : {}),
      ...(question.type === 'scale' || question.type === 'number' ? { average: null } : {}),
    };
  }
  if (question.type === 'yesNo' || question.type === 'singleChoice' || question.type === 'scale') {
    // The answers and "did not answer" add up to the published total, so they are suppressed as one group;
    // "answered" is shown only when "did not answer" is (one is the total minus the other).
    const cells = suppressGroup([...values, notAnswered], threshold);
    const notAnsweredCell = cells[cells.length - 1];
    const options = labels.map((option, index) => ({ ...option, ...cells[index] }));
    const result: Omit<QuestionResult, 'comments'> = {
      ...base,
      answered: notAnsweredCell.count === null ? hidden() : { count: answered },
      notAnswered: notAnsweredCell,
      options,
    };
    if (question.type === 'scale') {
      // An average with a hidden count beside it could be solved for that count, so it needs every count shown.
      const solvable = options.every((option) => option.count !== null) && answered > 0;
      result.average = solvable
        ? words.outOf(((counts[KEY.sum(question.id)] ?? 0) / answered).toFixed(1), question.max)
        : null;
    }
    return result;
  }
  const [answeredCell, notAnsweredCell] = suppressGroup([answered, notAnswered], threshold);
  const result: Omit<QuestionResult, 'comments'> = { ...base, answered: answeredCell, notAnswered: notAnsweredCell };
  if (question.type === 'multipleChoice') {
    // Several choices per person: each choice is checked against the people who did not pick it.
    const pool = answeredCell.count === null ? responses : answered;
    result.options = labels.map((option, index) => ({
      ...option,
      ...suppressGroup([values[index], pool - values[index]], threshold)[0],
    }));
  }
  if (question.type === 'number')
    result.average =
      answeredCell.count === null || answered === 0
        ? null
        : ((counts[KEY.sum(question.id)] ?? 0) / answered).toFixed(1);
  return result;
}

/**
 * Builds a survey's results from the running counts, with suppression applied to every count.
 * @example const results = await buildResults({ survey, tallies, responses, threshold: 5 });
 */
export async function buildResults(args: {
  survey: SurveyDefinition;
  tallies: Tallies;
  responses: ResponseStore;
  threshold: number;
  filters?: ResponseFilter & { theme?: Theme };
  locale?: TextLocale;
  /** Yes, no and "out of" in the same language as `locale`; English when not given. */
  labels?: ResultLabels;
  clock?: () => Date;
}): Promise<SurveyResults> {
  const { survey, threshold } = args;
  const locale = args.locale ?? 'en-GB';
  const words = args.labels ?? ENGLISH_RESULT_LABELS;
  const filters = args.filters ?? {};
  const counts = await args.tallies.sum({
    surveyId: survey.id,
    ageBands: filters.ageBands,
    fromMonth: filters.fromMonth,
    toMonth: filters.toMonth,
  });
  const responses = counts[KEY.responses] ?? 0;
  const total = suppressOne(responses, threshold);
  const inTheme = (question: Question) => !filters.theme || question.theme === filters.theme;
  const questions: QuestionResult[] = [];
  for (const question of survey.questions.filter(inTheme)) {
    const result: QuestionResult = questionResult(question, counts, responses, threshold, locale, words);
    if (question.type === 'freeText') {
      // Comments show when enough different people wrote one, whatever the hidden "answered" counts: a few people
      // skipping the question must not hide everyone's comments, and one person's comment never shows alone.
      const writers = await args.responses.textAnswerCount(survey.id, question.id, filters);
      result.comments =
        writers < threshold
          ? []
          : (await args.responses.textAnswers(survey.id, question.id, filters, MAX_COMMENTS))
              .map((text) => scrub(text).text)
              .sort((a, b) => a.localeCompare(b));
    }
    questions.push(result);
  }
  const themes = THEMES.filter((theme) =>
    survey.questions.some((question) => question.theme === theme && inTheme(question)),
  ).map((theme) => {
    const answered = counts[KEY.theme(theme)] ?? 0;
    return {
      theme,
      answered: total.count === null ? hidden() : suppressGroup([answered, responses - answered], threshold)[0],
      questions: survey.questions.filter((question) => question.theme === theme).map((question) => question.id),
    };
  });
  return {
    surveyId: survey.id,
    title: survey.title[locale],
    generatedAt: (args.clock ?? (() => new Date()))().toISOString(),
    threshold,
    filters,
    responses: total.count,
    ...(total.suppressed ? { suppressed: true as const } : {}),
    includesSyntheticResponses: (counts[KEY.synthetic] ?? 0) > 0,
    includesAssistedResponses: (counts[KEY.assisted] ?? 0) > 0,
    includesBurstResponses: await args.responses.hasBurst(survey.id),
    themes,
    questions,
  };
}

const csvField = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote everything that needs it; a leading = + - @ would be read as a formula by spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** A hidden cell, as UK official statistics mark it: under the threshold, or hidden so one that is cannot be solved. */
export const HIDDEN_MARK = '[c]';
const cellText = (cell: Cell): string => (cell.count === null ? HIDDEN_MARK : String(cell.count));

/**
 * The same results as CSV: one row per count, hidden counts written as "[c]", with notes saying what "[c]" means
 * and whether demo answers are in.
 * @example resultsToCsv(results).split('\n')[0] // 'section,theme,question_id,question,answer,count'
 */
export function resultsToCsv(results: SurveyResults): string {
  const rows: Array<Array<string | number | null>> = [
    ['section', 'theme', 'question_id', 'question', 'answer', 'count'],
  ];
  const t = results.threshold;
  rows.push([
    'note',
    '',
    '',
    '',
    `${HIDDEN_MARK} = hidden: fewer than ${t} people, ` +
      `or hidden so that a number under ${t} cannot be worked out from the others`,
    '',
  ]);
  if (results.includesBurstResponses)
    rows.push([
      'note',
      '',
      '',
      '',
      'Some answers came in a burst from one device or network: they are counted, but their comments are not shown',
      '',
    ]);
  if (results.includesSyntheticResponses)
    rows.push([
      'note',
      '',
      '',
      '',
      'DEMO: these results include synthetic demo answers (npm run admin -- demo-data), not real young people',
      '',
    ]);
  rows.push([
    'total',
    '',
    '',
    results.title,
    'responses',
    results.responses === null ? HIDDEN_MARK : results.responses,
  ]);
  for (const theme of results.themes)
    rows.push(['theme', theme.theme, '', '', 'answered at least one question', cellText(theme.answered)]);
  for (const question of results.questions) {
    rows.push(['question', question.theme, question.id, question.question, 'answered', cellText(question.answered)]);
    rows.push([
      'question',
      question.theme,
      question.id,
      question.question,
      'did not answer',
      cellText(question.notAnswered),
    ]);
    for (const option of question.options ?? [])
      rows.push(['answer', question.theme, question.id, question.question, option.label, cellText(option)]);
    if (question.average !== undefined)
      rows.push([
        'average',
        question.theme,
        question.id,
        question.question,
        'average',
        question.average ?? HIDDEN_MARK,
      ]);
    for (const comment of question.comments ?? [])
      rows.push(['comment', question.theme, question.id, question.question, comment, '']);
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}
