/** What the store keeps and for how long: the retention promises as data, and a report of them against the store. */
import type { DocumentStore } from '../store/port';

const DAY = 86_400;

/** One kind of data: where it is, which date it expires from, and the promise in words. */
export interface RetentionRule {
  collection: string;
  /** The Date field the time counts from (absent: kept until someone removes it). */
  field?: string;
  /** Seconds after that date; 0 when the field already holds the expiry time. */
  afterSeconds?: number;
  keptFor: string;
}

/**
 * The retention rules, as the services set them (their TTL indexes) and as the README promises.
 * @example retentionRules(365).find((r) => r.collection === 'responses')!.keptFor
 */
export function retentionRules(retentionDays: number): RetentionRule[] {
  return [
    {
      collection: 'responses',
      field: 'expiresAt',
      afterSeconds: 0,
      keptFor: `${retentionDays} days after the survey was finished (RETENTION_DAYS)`,
    },
    {
      collection: 'tallies',
      field: 'expiresAt',
      afterSeconds: 0,
      keptFor: `${retentionDays} days after the end of the month they count`,
    },
    {
      collection: 'botstate',
      field: 'updatedAt',
      afterSeconds: 180 * DAY,
      keptFor: '180 days after the conversation was last used (where a paused survey was)',
    },
    {
      collection: 'dl_activities',
      field: 'createdAt',
      afterSeconds: DAY,
      keptFor: '1 day (what Web Chat shows in an open chat)',
    },
    {
      collection: 'dl_conversations',
      field: 'createdAt',
      afterSeconds: 30 * DAY,
      keptFor: '30 days (that a web chat exists, nothing said in it)',
    },
    {
      collection: 'sessions',
      field: 'expiresAt',
      afterSeconds: 0,
      keptFor: 'until the staff sign-in session ends (8 hours)',
    },
    { collection: 'audit', keptFor: 'kept: staff actions, never anything a young person wrote' },
    { collection: 'content_versions', keptFor: 'kept: the published content and its history' },
    { collection: 'actions', keptFor: 'kept: "you said, we did" actions, published or draft' },
    { collection: 'surveys', keptFor: 'kept: survey definitions and their status' },
    { collection: 'staff', keptFor: 'kept until revoked: staff names, roles and token hashes' },
  ];
}

export interface RetentionRow {
  collection: string;
  documents: number;
  keptFor: string;
  /** When the next document is due to be deleted, if any expire. */
  nextDeletion?: string;
}

/**
 * Counts what is kept now and when the next of it goes.
 * @example await retentionReport(store, 365)
 */
export async function retentionReport(store: DocumentStore, retentionDays: number): Promise<RetentionRow[]> {
  const rows: RetentionRow[] = [];
  for (const rule of retentionRules(retentionDays)) {
    const collection = store.collection(rule.collection);
    const documents = await collection.countDocuments({});
    const row: RetentionRow = { collection: rule.collection, documents, keptFor: rule.keptFor };
    if (rule.field && documents > 0) {
      const [oldest] = await collection.find(
        { [rule.field]: { $exists: true } },
        { sort: { [rule.field]: 1 }, limit: 1, projection: { [rule.field]: 1 } },
      );
      const from = oldest?.[rule.field];
      if (from instanceof Date)
        row.nextDeletion = new Date(from.getTime() + (rule.afterSeconds ?? 0) * 1000)
          .toISOString()
          .slice(0, 16)
          .replace('T', ' ');
    }
    rows.push(row);
  }
  return rows;
}
