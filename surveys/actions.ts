/** "You said, we did": what staff and the CiCC did about a theme of a survey's results, published when ready. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Collection, StoredDocument } from '../store/port';
import { SurveyId, Theme } from './schema';

export const ACTION_STATUSES = ['planned', 'doing', 'done'] as const;
/** The stages a piece of feedback goes through, from what young people said to a change. */
export const ACTION_STAGES = ['evidence', 'listening', 'planning', 'change'] as const;
export const OWNER_ROLES = ['participation', 'cicc', 'admin', 'leaving care team', 'health', 'housing'] as const;

/** What staff submit (form, command line or API); zod-checked at each of those boundaries. */
export const NewAction = z
  .object({
    surveyId: SurveyId,
    theme: Theme,
    said: z.string().trim().min(3).max(600),
    did: z.string().trim().min(3).max(600),
    status: z.enum(ACTION_STATUSES),
    stage: z.enum(ACTION_STAGES).default('change'),
    ownerRole: z.enum(OWNER_ROLES).default('participation'),
    /** When the change is due or was made (YYYY-MM-DD), if known. */
    dueOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    publish: z.boolean().default(true),
  })
  .strict();
export type NewAction = z.input<typeof NewAction>;

/** A change to an action: its status or stage, and whether it is published. */
export const ActionChange = z
  .object({
    status: z.enum(ACTION_STATUSES).optional(),
    stage: z.enum(ACTION_STAGES).optional(),
    publish: z.boolean().optional(),
  })
  .strict();
export type ActionChange = z.infer<typeof ActionChange>;

export interface StoredAction extends StoredDocument {
  surveyId: string;
  theme: Theme;
  said: string;
  did: string;
  status: (typeof ACTION_STATUSES)[number];
  stage: (typeof ACTION_STAGES)[number];
  ownerRole: (typeof OWNER_ROLES)[number];
  dueOn?: string;
  published: boolean;
  publishedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export class ActionNotFoundError extends Error {
  override readonly name = 'ActionNotFoundError';
}

export class ActionBoard {
  constructor(
    private readonly actions: Collection<StoredAction>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.actions.ensureIndexes([{ key: { publishedAt: -1 }, name: 'by_published' }]);
  }

  /**
   * Records an action (validated); published at once unless `publish: false`.
   * @example
   * await board.add({ surveyId: 'wellbeing-check-in', theme: 'wellbeing', said: '…', did: '…', status: 'doing' });
   */
  async add(input: NewAction): Promise<StoredAction> {
    const parsed = NewAction.parse(input);
    const now = this.clock();
    const { publish, ...fields } = parsed;
    const action: StoredAction = {
      _id: `act_${randomUUID()}`,
      ...fields,
      published: publish,
      ...(publish ? { publishedAt: now } : {}),
      createdAt: now,
      updatedAt: now,
    };
    await this.actions.insertOne(action);
    return action;
  }

  /** Publishes a draft, or changes status/stage; throws ActionNotFoundError for an unknown id. */
  async update(id: string, change: ActionChange): Promise<void> {
    const existing = await this.actions.findOne({ _id: id });
    if (!existing) throw new ActionNotFoundError(`There is no action "${id}".`);
    const now = this.clock();
    const set: Record<string, unknown> = { updatedAt: now };
    if (change.status) set.status = change.status;
    if (change.stage) set.stage = change.stage;
    if (change.publish && !existing.published) Object.assign(set, { published: true, publishedAt: now });
    if (change.publish === false) Object.assign(set, { published: false });
    await this.actions.updateOne({ _id: id }, { $set: set });
  }

  /** Published actions, newest first. */
  async published(filter: { surveyIds?: string[]; since?: Date; limit?: number } = {}): Promise<StoredAction[]> {
    const query: Record<string, unknown> = { published: true };
    if (filter.surveyIds) query.surveyId = { $in: filter.surveyIds };
    if (filter.since) query.publishedAt = { $gt: filter.since };
    return this.actions.find(query, { sort: { publishedAt: -1 }, limit: filter.limit ?? 50 });
  }

  /** Every action, drafts included, newest first (for staff). */
  async all(surveyId?: string): Promise<StoredAction[]> {
    return this.actions.find(surveyId ? { surveyId } : {}, { sort: { createdAt: -1 }, limit: 500 });
  }
}
