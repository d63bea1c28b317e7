/**
 * Completed survey responses: anonymised (keyed pseudonym, no channel ids), one per person per survey, expiring after
 * the retention period.
 */
import { randomUUID } from 'node:crypto';
import type { Collection, IndexSpec, StoredDocument } from '../store/port';
import { deletionKeyFor, newDeletionCode, pseudonymFor } from './pseudonym';
import type { Answer, SurveyDefinition } from './schema';
import type { Tallies, TalliedResponse } from './tallies';

/** What the tallies count (survey, answers, age band, mode, synthetic, completedOn), and what only the store keeps. */
export interface StoredResponse extends StoredDocument, TalliedResponse {
  /**
   * A keyed pseudonym of survey + person for chat responses (so a second go replaces the first), a random id for
   * assisted ones.
   */
  _id: string;
  surveyVersion: number;
  careStatus?: string;
  /**
   * Finished soon after other answers from the same device or network (an open link filled in again and again):
   * counted, but its comment is neither shown nor counted towards showing comments. Nothing says which device.
   */
  burst?: true;
  /** Retention: the store deletes the response after this time (TTL index). */
  expiresAt: Date;
  deletionKey?: string;
}

export const RESPONSE_INDEXES: IndexSpec[] = [
  { key: { expiresAt: 1 }, name: 'retention_ttl', expireAfterSeconds: 0 },
  { key: { deletionKey: 1 }, name: 'deletion_key_unique', unique: true, sparse: true },
  { key: { surveyId: 1 }, name: 'by_survey' },
];

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CompletedSurvey {
  surveyId: string;
  surveyVersion: number;
  answers: Answer[];
  ageBand?: string;
  careStatus?: string;
}

export class ResponseStore {
  constructor(
    private readonly responses: Collection<StoredResponse>,
    private readonly tallies: Tallies,
    private readonly definitionOf: (surveyId: string) => Promise<SurveyDefinition | undefined>,
    private readonly options: { key: string; retentionDays: number; clock: () => Date; newCode?: () => string },
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.responses.ensureIndexes(RESPONSE_INDEXES);
    await this.tallies.ensureIndexes();
  }

  /** Keeps the running counts in step: the new response in, the one it replaced (if any) out. */
  private async retally(added: StoredResponse | undefined, removed: StoredResponse | null | undefined): Promise<void> {
    for (const [response, sign] of [
      [removed, -1],
      [added, 1],
    ] as const) {
      if (!response) continue;
      const survey = await this.definitionOf(response.surveyId);
      if (survey) await this.tallies.apply(response, survey, sign);
    }
  }

  private dates(): { completedOn: Date; expiresAt: Date } {
    const now = this.options.clock();
    const completedOn = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    return { completedOn, expiresAt: new Date(now.getTime() + this.options.retentionDays * DAY_MS) };
  }

  /**
   * Saves a chat response under the person's pseudonym (replacing an earlier go at the same survey, so nobody counts
   * twice)
   * and returns the deletion code to show them once.
   * @example const { deletionCode } = await responses.saveFromChat(done, { channelId: 'webchat', userId: 'u_abc' });
   */
  async saveFromChat(
    done: CompletedSurvey,
    who: { channelId: string; userId: string },
    flags: { burst?: boolean } = {},
  ): Promise<{ deletionCode: string }> {
    const deletionCode = (this.options.newCode ?? newDeletionCode)();
    const _id = pseudonymFor(this.options.key, done.surveyId, who.channelId, who.userId);
    const doc: StoredResponse = {
      _id,
      ...clean(done),
      mode: 'chat',
      ...this.dates(),
      deletionKey: deletionKeyFor(this.options.key, deletionCode),
      ...(flags.burst ? { burst: true as const } : {}),
    };
    const previous = await this.responses.findOne({ _id });
    await this.responses.replaceOne({ _id }, doc, { upsert: true });
    await this.retally(doc, previous);
    return { deletionCode };
  }

  /** Saves answers a worker entered during a phone call: a random id, nothing about the young person. */
  async saveAssisted(done: CompletedSurvey): Promise<{ deletionCode: string }> {
    const deletionCode = (this.options.newCode ?? newDeletionCode)();
    const doc: StoredResponse = {
      _id: `a_${randomUUID()}`,
      ...clean(done),
      mode: 'assisted',
      ...this.dates(),
      deletionKey: deletionKeyFor(this.options.key, deletionCode),
    };
    await this.responses.insertOne(doc);
    await this.retally(doc, undefined);
    return { deletionCode };
  }

  /** Deletes the response a code belongs to; returns whether there was one. */
  async deleteByCode(code: string): Promise<boolean> {
    const found = await this.responses.findOne({ deletionKey: deletionKeyFor(this.options.key, code) });
    if (!found || (await this.responses.deleteOne({ _id: found._id })) === 0) return false;
    await this.retally(undefined, found);
    return true;
  }

  /** Adds synthetic responses in bulk (demos, benchmarks), then recounts the survey once. */
  async addSynthetic(
    survey: SurveyDefinition,
    answerSets: Array<{ answers: Answer[]; ageBand?: string; careStatus?: string }>,
  ): Promise<void> {
    const dates = this.dates();
    const docs: StoredResponse[] = answerSets.map((set) => ({
      _id: `s_${randomUUID()}`,
      ...clean({ surveyId: survey.id, surveyVersion: survey.version, ...set }),
      mode: 'chat',
      synthetic: true,
      ...dates,
    }));
    for (let start = 0; start < docs.length; start += 5000)
      await this.responses.insertMany(docs.slice(start, start + 5000));
    await this.recount(survey);
  }

  /** Rebuilds the running counts of a survey from its stored responses. */
  async recount(survey: SurveyDefinition): Promise<void> {
    await this.tallies.rebuild(survey, await this.responses.find({ surveyId: survey.id }));
  }

  /**
   * Up to `limit` free-text answers to one question (already scrubbed on arrival), recent ones first: the last
   * 31 days are searched before older ones. Unsorted reads stop as soon as enough are found, so this stays fast
   * at 100,000 responses; callers put the answers in alphabetical order anyway.
   */
  async textAnswers(surveyId: string, questionId: string, filter: ResponseFilter, limit: number): Promise<string[]> {
    const base = commentQuery(surveyId, questionId, filter);
    const since = new Date(this.options.clock().getTime() - 31 * DAY_MS);
    const recentRange = { ...((base.completedOn as Record<string, Date> | undefined) ?? {}) };
    recentRange.$gte = recentRange.$gte && recentRange.$gte > since ? recentRange.$gte : since;
    const recent = await this.responses.find(
      { ...base, completedOn: recentRange },
      { limit, projection: { answers: 1 } },
    );
    const older =
      recent.length < limit ? await this.responses.find(base, { limit: limit * 2, projection: { answers: 1 } }) : [];
    const seen = new Set<string>();
    const texts: string[] = [];
    for (const response of [...recent, ...older]) {
      if (seen.has(response._id) || texts.length >= limit) continue;
      seen.add(response._id);
      const answer = response.answers.find(
        (candidate) => candidate.q === questionId && typeof candidate.v === 'string',
      );
      if (answer) texts.push(answer.v as string);
    }
    return texts;
  }

  /** How many different respondents wrote an answer to a free-text question (what decides whether comments show). */
  async textAnswerCount(surveyId: string, questionId: string, filter: ResponseFilter): Promise<number> {
    return this.responses.countDocuments(commentQuery(surveyId, questionId, filter));
  }

  /** Whether any answers to a survey arrived in a burst (for the flag staff see). */
  async hasBurst(surveyId: string): Promise<boolean> {
    return (await this.responses.countDocuments({ surveyId, burst: true })) > 0;
  }

  /** Whether this person has a stored response to a survey (for "you already answered"). */
  async hasAnswered(surveyId: string, who: { channelId: string; userId: string }): Promise<boolean> {
    return (
      (await this.responses.countDocuments({
        _id: pseudonymFor(this.options.key, surveyId, who.channelId, who.userId),
      })) > 0
    );
  }

  async countFor(surveyId: string): Promise<number> {
    return this.responses.countDocuments({ surveyId });
  }
}

function clean(done: CompletedSurvey): CompletedSurvey {
  return {
    surveyId: done.surveyId,
    surveyVersion: done.surveyVersion,
    answers: done.answers.map((answer) =>
      answer.skipped ? { q: answer.q, skipped: true } : { q: answer.q, v: answer.v },
    ),
    ...(done.ageBand ? { ageBand: done.ageBand } : {}),
    ...(done.careStatus ? { careStatus: done.careStatus } : {}),
  };
}

/** A month in filters, as YYYY-MM. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface ResponseFilter {
  ageBands?: string[];
  fromMonth?: string;
  toMonth?: string;
}

/** The same filter as the running counts, over stored responses (months are inclusive). */
/** Responses with a written answer to a free-text question, leaving out those that came in a burst. */
function commentQuery(surveyId: string, questionId: string, filter: ResponseFilter): Record<string, unknown> {
  return {
    ...responseQuery(surveyId, filter),
    burst: { $exists: false },
    answers: { $elemMatch: { q: questionId, v: { $exists: true } } },
  };
}

function responseQuery(surveyId: string, filter: ResponseFilter): Record<string, unknown> {
  const query: Record<string, unknown> = { surveyId };
  if (filter.ageBands?.length) query.ageBand = { $in: filter.ageBands };
  const range: Record<string, Date> = {};
  if (filter.fromMonth) range.$gte = new Date(`${filter.fromMonth}-01T00:00:00Z`);
  if (filter.toMonth) {
    const [year, month] = filter.toMonth.split('-').map(Number);
    range.$lt = new Date(Date.UTC(year, month, 1));
  }
  if (Object.keys(range).length) query.completedOn = range;
  return query;
}
