/**
 * Survey definitions and their open/closed state: shipped as JSON in surveys/definitions, kept in the store with a
 * status staff change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../lib/paths';
import type { Collection, StoredDocument } from '../store/port';
import { SurveyDefinition } from './schema';

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export interface SurveyRecord extends StoredDocument {
  /** The survey id. */
  _id: string;
  status: SurveyStatus;
  definition: SurveyDefinition;
  updatedAt: Date;
  /** Only people with an unused invitation code can complete it (links from `surveys invite`). */
  inviteOnly?: boolean;
}

/** The survey does not exist. */
export class SurveyNotFoundError extends Error {
  override readonly name = 'SurveyNotFoundError';
}

/** The shipped JSON files (in the source tree, also when running from dist/). */
export const DEFINITIONS_DIR = projectPath('surveys', 'definitions');

/**
 * Reads and validates every shipped definition; a broken file throws naming the file and the problem.
 * @example loadShippedSurveys().map((survey) => survey.id) // ['care-leavers-you-said-we-did', 'wellbeing-check-in']
 */
export function loadShippedSurveys(dir = DEFINITIONS_DIR): SurveyDefinition[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = SurveyDefinition.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
      if (!parsed.success)
        throw new Error(
          `surveys/definitions/${file}: ${parsed.error.issues
            .map((issue) => `${issue.path.join('.')} ${issue.message}`)
            .join('; ')}`,
        );
      return parsed.data;
    });
}

/** Definitions and statuses, with a small in-process cache so each chat turn does not re-read the store. */
export class SurveyCatalogue {
  private cache = new Map<string, { record: SurveyRecord; at: number }>();
  /** The open surveys, read at most every `cacheMs`: chat looks at them on every message no dialog is waiting for. */
  private openCache?: { surveys: SurveyDefinition[]; at: number };

  constructor(
    private readonly surveys: Collection<SurveyRecord>,
    private readonly clock: () => Date = () => new Date(),
    private readonly cacheMs = 2000,
  ) {}

  /**
   * Adds shipped surveys the store does not have yet (as drafts) and updates definitions whose version went up, keeping
   * their status.
   */
  async seed(definitions: SurveyDefinition[] = loadShippedSurveys()): Promise<void> {
    for (const definition of definitions) {
      const existing = await this.surveys.findOne({ _id: definition.id });
      if (!existing) {
        await this.surveys.updateOne(
          { _id: definition.id },
          { $setOnInsert: { status: 'draft', definition, updatedAt: this.clock() } },
          { upsert: true },
        );
      } else if (existing.definition.version < definition.version) {
        await this.surveys.updateOne({ _id: definition.id }, { $set: { definition, updatedAt: this.clock() } });
      }
    }
    this.cache.clear();
    this.openCache = undefined;
  }

  async list(): Promise<SurveyRecord[]> {
    return this.surveys.find({}, { sort: { _id: 1 } });
  }

  async get(surveyId: string): Promise<SurveyRecord | undefined> {
    const cached = this.cache.get(surveyId);
    if (cached && Date.now() - cached.at < this.cacheMs) return cached.record;
    const record = (await this.surveys.findOne({ _id: surveyId })) ?? undefined;
    if (record) this.cache.set(surveyId, { record, at: Date.now() });
    return record;
  }

  /** An open survey's definition, or undefined when it is missing, a draft or closed. */
  async openSurvey(surveyId: string): Promise<SurveyDefinition | undefined> {
    const record = await this.get(surveyId);
    return record?.status === 'open' ? record.definition : undefined;
  }

  async listOpen(): Promise<SurveyDefinition[]> {
    if (this.openCache && Date.now() - this.openCache.at < this.cacheMs) return this.openCache.surveys;
    const surveys = (await this.surveys.find({ status: 'open' }, { sort: { _id: 1 } })).map(
      (record) => record.definition,
    );
    this.openCache = { surveys, at: Date.now() };
    return surveys;
  }

  /** Opens or closes a survey; throws SurveyNotFoundError for an unknown id. */
  async setStatus(surveyId: string, status: SurveyStatus, options: { inviteOnly?: boolean } = {}): Promise<void> {
    const set: Record<string, unknown> = { status, updatedAt: this.clock() };
    if (options.inviteOnly !== undefined) set.inviteOnly = options.inviteOnly;
    const result = await this.surveys.updateOne({ _id: surveyId }, { $set: set });
    if (result.matchedCount === 0) throw new SurveyNotFoundError(`There is no survey "${surveyId}".`);
    this.cache.delete(surveyId);
    this.openCache = undefined;
  }
}
