/**
 * Running counts of answers per survey, age band and month, updated with one `$inc` per response. Results read these
 * (a few documents a year) instead of every response, so they stay fast at 100,000 responses on the embedded store.
 */
import type { Collection, IndexSpec, StoredDocument } from '../store/port';
import type { Answer, SurveyDefinition } from './schema';

/**
 * What the counts need from a stored response. Declared here, not taken from responses.ts, so the dependency runs one
 * way only: the response store keeps the tallies up to date, and the tallies know nothing of the response store.
 */
export interface TalliedResponse {
  surveyId: string;
  answers: Answer[];
  ageBand?: string;
  /** 'chat' when the young person answered, 'assisted' when a worker entered answers during a phone call. */
  mode: 'chat' | 'assisted';
  synthetic?: true;
  /** The day it was completed (midnight UTC): enough for period filters, too coarse to match against logs. */
  completedOn: Date;
}

export interface TallyDocument extends StoredDocument {
  surveyId: string;
  ageBand: string;
  /** YYYY-MM of completion. */
  month: string;
  /** The bucket expires with the last responses it counts. */
  expiresAt: Date;
  counts: Record<string, number>;
}

export const TALLY_INDEXES: IndexSpec[] = [
  { key: { expiresAt: 1 }, name: 'retention_ttl', expireAfterSeconds: 0 },
  { key: { surveyId: 1 }, name: 'by_survey' },
];

/** Keys inside `counts`. */
export const KEY = {
  responses: '~responses',
  synthetic: '~synthetic',
  assisted: '~assisted',
  answered: (q: string) => `${q}:~answered`,
  skipped: (q: string) => `${q}:~skipped`,
  sum: (q: string) => `${q}:~sum`,
  value: (q: string, v: string | number) => `${q}:${v}`,
  theme: (theme: string) => `~theme:${theme}`,
};

const NO_AGE_BAND = 'not given';

/** What one response adds to the counts (free text counts as answered; its words stay in the response only). */
export function countsFor(
  response: Pick<TalliedResponse, 'answers' | 'mode' | 'synthetic'>,
  survey: SurveyDefinition,
): Record<string, number> {
  const counts: Record<string, number> = { [KEY.responses]: 1 };
  if (response.synthetic) counts[KEY.synthetic] = 1;
  if (response.mode === 'assisted') counts[KEY.assisted] = 1;
  const themes = new Set<string>();
  for (const answer of response.answers) {
    const question = survey.questions.find((candidate) => candidate.id === answer.q);
    if (!question) continue;
    if (answer.skipped || answer.v === undefined) {
      counts[KEY.skipped(answer.q)] = 1;
      continue;
    }
    counts[KEY.answered(answer.q)] = 1;
    themes.add(question.theme);
    if (question.type === 'freeText') continue;
    for (const value of Array.isArray(answer.v) ? answer.v : [answer.v])
      counts[KEY.value(answer.q, String(value).replace(/[.$]/g, '_'))] = 1;
    if (typeof answer.v === 'number') counts[KEY.sum(answer.q)] = answer.v;
  }
  for (const theme of themes) counts[KEY.theme(theme)] = 1;
  return counts;
}

function bucketOf(
  response: Pick<TalliedResponse, 'surveyId' | 'ageBand' | 'completedOn'>,
  retentionDays: number,
): { _id: string; surveyId: string; ageBand: string; month: string; expiresAt: Date } {
  const month = response.completedOn.toISOString().slice(0, 7);
  const ageBand = response.ageBand ?? NO_AGE_BAND;
  const [year, monthNumber] = month.split('-').map(Number);
  const monthEnd = Date.UTC(year, monthNumber, 1);
  return {
    _id: `${response.surveyId}|${ageBand}|${month}`,
    surveyId: response.surveyId,
    ageBand,
    month,
    expiresAt: new Date(monthEnd + retentionDays * 86_400_000),
  };
}

export class Tallies {
  constructor(
    private readonly tallies: Collection<TallyDocument>,
    private readonly retentionDays: number,
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.tallies.ensureIndexes(TALLY_INDEXES);
  }

  /** Adds (sign 1) or removes (sign -1) one response's answers. */
  async apply(response: TalliedResponse, survey: SurveyDefinition, sign: 1 | -1): Promise<void> {
    const bucket = bucketOf(response, this.retentionDays);
    const inc = Object.fromEntries(
      Object.entries(countsFor(response, survey)).map(([key, value]) => [`counts.${key}`, value * sign]),
    );
    const { _id, ...fields } = bucket;
    await this.tallies.updateOne({ _id }, { $inc: inc, $setOnInsert: fields }, { upsert: true });
  }

  /**
   * Sums the buckets that match a filter, in MongoDB's query language (run by MongoDB, or by mingo when embedded).
   * @example await tallies.sum({ surveyId: 'wellbeing-check-in', ageBands: ['16_17'] })
   */
  async sum(filter: {
    surveyId: string;
    ageBands?: string[];
    fromMonth?: string;
    toMonth?: string;
  }): Promise<Record<string, number>> {
    const match: Record<string, unknown> = { surveyId: filter.surveyId };
    if (filter.ageBands?.length) match.ageBand = { $in: filter.ageBands };
    if (filter.fromMonth || filter.toMonth)
      match.month = {
        ...(filter.fromMonth ? { $gte: filter.fromMonth } : {}),
        ...(filter.toMonth ? { $lte: filter.toMonth } : {}),
      };
    const rows = await this.tallies.aggregate<{ _id: string; n: number }>([
      { $match: match },
      { $project: { pairs: { $objectToArray: '$counts' } } },
      { $unwind: '$pairs' },
      { $group: { _id: '$pairs.k', n: { $sum: '$pairs.v' } } },
    ]);
    return Object.fromEntries(rows.map((row) => [row._id, row.n]));
  }

  /** Recounts a survey from its stored responses (after a crash between a response and its tally, or to check them). */
  async rebuild(survey: SurveyDefinition, responses: TalliedResponse[]): Promise<void> {
    await this.tallies.deleteMany({ surveyId: survey.id });
    const buckets = new Map<string, TallyDocument>();
    for (const response of responses) {
      const bucket = bucketOf(response, this.retentionDays);
      const doc: TallyDocument = buckets.get(bucket._id) ?? { ...bucket, counts: {} };
      for (const [key, value] of Object.entries(countsFor(response, survey)))
        doc.counts[key] = (doc.counts[key] ?? 0) + value;
      buckets.set(bucket._id, doc);
    }
    if (buckets.size > 0) await this.tallies.insertMany([...buckets.values()]);
  }
}
