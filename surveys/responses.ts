/** Completed survey responses: anonymised (keyed pseudonym, no channel ids), one per person per survey, expiring after the retention period. */
import { randomUUID } from 'node:crypto';
import type { Collection, IndexSpec, StoredDocument } from '../store/port';
import { deletionKeyFor, newDeletionCode, pseudonymFor } from './pseudonym';
import type { Answer } from './schema';

export interface StoredResponse extends StoredDocument {
  /** A keyed pseudonym of survey + person for chat responses (so a second go replaces the first), a random id for assisted ones. */
  _id: string;
  surveyId: string;
  surveyVersion: number;
  answers: Answer[];
  ageBand?: string;
  careStatus?: string;
  /** 'chat' when the young person answered, 'assisted' when a worker entered answers during a phone call. */
  mode: 'chat' | 'assisted';
  synthetic?: true;
  /** The day it was completed (midnight UTC): enough for period filters, too coarse to match against logs. */
  completedOn: Date;
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
    private readonly options: { key: string; retentionDays: number; clock: () => Date; newCode?: () => string },
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.responses.ensureIndexes(RESPONSE_INDEXES);
  }

  private dates(): { completedOn: Date; expiresAt: Date } {
    const now = this.options.clock();
    const completedOn = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    return { completedOn, expiresAt: new Date(now.getTime() + this.options.retentionDays * DAY_MS) };
  }

  /**
   * Saves a chat response under the person's pseudonym (replacing an earlier go at the same survey, so nobody counts twice)
   * and returns the deletion code to show them once.
   * @example const { deletionCode } = await responses.saveFromChat(done, { channelId: 'webchat', userId: 'u_abc' });
   */
  async saveFromChat(done: CompletedSurvey, who: { channelId: string; userId: string }): Promise<{ deletionCode: string }> {
    const deletionCode = (this.options.newCode ?? newDeletionCode)();
    const _id = pseudonymFor(this.options.key, done.surveyId, who.channelId, who.userId);
    const doc: StoredResponse = { _id, ...clean(done), mode: 'chat', ...this.dates(), deletionKey: deletionKeyFor(this.options.key, deletionCode) };
    await this.responses.replaceOne({ _id }, doc, { upsert: true });
    return { deletionCode };
  }

  /** Saves answers a worker entered during a phone call: a random id, nothing about the young person. */
  async saveAssisted(done: CompletedSurvey): Promise<{ deletionCode: string }> {
    const deletionCode = (this.options.newCode ?? newDeletionCode)();
    await this.responses.insertOne({ _id: `a_${randomUUID()}`, ...clean(done), mode: 'assisted', ...this.dates(), deletionKey: deletionKeyFor(this.options.key, deletionCode) });
    return { deletionCode };
  }

  /** Deletes the response a code belongs to; returns whether there was one. */
  async deleteByCode(code: string): Promise<boolean> {
    return (await this.responses.deleteOne({ deletionKey: deletionKeyFor(this.options.key, code) })) > 0;
  }

  /** Whether this person has a stored response to a survey (for "you already answered"). */
  async hasAnswered(surveyId: string, who: { channelId: string; userId: string }): Promise<boolean> {
    return (await this.responses.countDocuments({ _id: pseudonymFor(this.options.key, surveyId, who.channelId, who.userId) })) > 0;
  }

  async countFor(surveyId: string): Promise<number> {
    return this.responses.countDocuments({ surveyId });
  }
}

function clean(done: CompletedSurvey): CompletedSurvey {
  return {
    surveyId: done.surveyId,
    surveyVersion: done.surveyVersion,
    answers: done.answers.map((answer) => (answer.skipped ? { q: answer.q, skipped: true } : { q: answer.q, v: answer.v })),
    ...(done.ageBand ? { ageBand: done.ageBand } : {}),
    ...(done.careStatus ? { careStatus: done.careStatus } : {}),
  };
}
