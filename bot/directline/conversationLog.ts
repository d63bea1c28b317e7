/** The Direct Line endpoint's conversations and activities, in the store so any instance can serve any conversation. */
import type { Activity } from 'botbuilder';
import type { Collection, DocumentStore, StoredDocument } from '../../store/port';

interface ConversationDocument extends StoredDocument {
  userId: string;
  createdAt: Date;
  started: boolean;
}

interface ActivityDocument extends StoredDocument {
  conversationId: string;
  seq: number;
  /** Kept as JSON: cards may carry keys such as "$schema" that document stores refuse as field names. */
  json: string;
  createdAt: Date;
}

interface CounterDocument extends StoredDocument {
  seq: number;
}

/** How long a conversation's activities are kept for Web Chat to fetch (the bot's own state is kept separately). */
const ACTIVITY_RETENTION_SECONDS = 24 * 60 * 60;

export class ConversationLog {
  private readonly conversations: Collection<ConversationDocument>;
  private readonly activities: Collection<ActivityDocument>;
  private readonly counters: Collection<CounterDocument>;

  constructor(
    store: DocumentStore,
    private readonly clock: () => Date,
  ) {
    this.conversations = store.collection<ConversationDocument>('dl_conversations');
    this.activities = store.collection<ActivityDocument>('dl_activities');
    this.counters = store.collection<CounterDocument>('dl_counters');
  }

  /** Creates the indexes (idempotent): activities expire after a day, conversations after a month. */
  async ensureIndexes(): Promise<void> {
    await this.activities.ensureIndexes([
      { key: { conversationId: 1 }, name: 'by_conversation' },
      { key: { createdAt: 1 }, name: 'activities_ttl', expireAfterSeconds: ACTIVITY_RETENTION_SECONDS },
    ]);
    await this.conversations.ensureIndexes([
      { key: { createdAt: 1 }, name: 'conversations_ttl', expireAfterSeconds: 30 * ACTIVITY_RETENTION_SECONDS },
    ]);
  }

  async create(conversationId: string, userId: string): Promise<void> {
    await this.conversations.insertOne({ _id: conversationId, userId, createdAt: this.clock(), started: false });
  }

  async find(conversationId: string): Promise<ConversationDocument | null> {
    return this.conversations.findOne({ _id: conversationId });
  }

  /** Marks the conversation started; true only for the one caller that started it (so the welcome is sent once). */
  async markStarted(conversationId: string): Promise<boolean> {
    const result = await this.conversations.updateOne(
      { _id: conversationId, started: false },
      { $set: { started: true } },
    );
    return result.modifiedCount === 1;
  }

  /**
   * Appends a turn's activities in order, in two writes however many there are: one atomic counter bump reserves
   * their sequence numbers (so two instances, or two turns of one conversation at once, never share one), and one
   * insert stores them all.
   */
  async append(conversationId: string, activities: Partial<Activity>[]): Promise<Partial<Activity>[]> {
    if (activities.length === 0) return [];
    const counter = await this.counters.findOneAndUpdate(
      { _id: conversationId },
      { $inc: { seq: activities.length } },
      { upsert: true },
    );
    const first = (counter?.seq ?? activities.length) - activities.length + 1;
    const createdAt = this.clock();
    const stored = activities.map((activity, index) => ({
      ...activity,
      id: activity.id ?? `${conversationId}|${String(first + index).padStart(7, '0')}`,
    }));
    await this.activities.insertMany(
      stored.map((activity, index) => ({
        _id: `${conversationId}:${first + index}`,
        conversationId,
        seq: first + index,
        json: JSON.stringify(activity),
        createdAt,
      })),
    );
    return stored;
  }

  /**
   * Forgets what the client has confirmed it received (everything up to its watermark): a transcript holds deletion
   * codes and survey answers, so it is kept only until Web Chat has shown it. A reloaded page starts a clean chat.
   */
  async acknowledge(conversationId: string, watermark: number): Promise<void> {
    if (watermark > 0) await this.activities.deleteMany({ conversationId, seq: { $lte: watermark } });
  }

  /** Activities after the watermark, oldest first, and the new watermark. */
  async since(
    conversationId: string,
    watermark: number,
  ): Promise<{ activities: Partial<Activity>[]; watermark: number }> {
    const docs = await this.activities.find(
      { conversationId, seq: { $gt: watermark } },
      { sort: { seq: 1 }, limit: 500 },
    );
    return {
      activities: docs.map((doc) => JSON.parse(doc.json) as Partial<Activity>),
      watermark: docs.length ? docs[docs.length - 1].seq : watermark,
    };
  }
}
