/** botbuilder Storage on the storage port, with eTag optimistic concurrency as strict as MemoryStorage's. */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { DuplicateKeyError, type Collection, type StoredDocument } from './port';
import { setNewest } from '../lib/newestFirstMap';

/** State is kept as a JSON string so keys with dots or dollars (which botbuilder allows) cannot upset MongoDB. */
interface StateDocument extends StoredDocument {
  etag: string;
  json: string;
  updatedAt: Date;
}

export interface StorageOptions {
  retentionDays?: number;
  newETag?: () => string;
  /**
   * This process is the only writer of the collection (the embedded store's lock guarantees it; MongoDB shared by
   * several instances does not): state it wrote or read in the last few minutes is read back from memory, saving a
   * query per turn. Writes still go to the store at once, with their eTag checked there.
   */
  singleWriter?: boolean;
}

/** How many states, and for how long, a single writer keeps in memory. */
const RECENT_MAX = 10_000;
const RECENT_MS = 5 * 60_000;

/** A write lost a race with another writer: the caller should reload and try again. */
export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';
}

/**
 * Conversation and user state in the store, so a conversation survives a restart and several instances share it.
 * @example const storage = new StoreBotStorage(store.collection('botstate')); new ConversationState(storage);
 */
export class StoreBotStorage implements Storage {
  private indexed?: Promise<void>;
  /** Keys asked for in the same tick (a turn's user and conversation state, other turns') share one query. */
  private batch?: { keys: Set<string>; docs: Promise<StateDocument[]> };
  /** With a single writer: state this process read or wrote lately, oldest first (see StorageOptions.singleWriter). */
  private readonly recent = new Map<string, { etag: string; json: string; at: number }>();

  constructor(
    private readonly collection: Collection<StateDocument>,
    private readonly options: StorageOptions = {},
  ) {}

  private remember(key: string, etag: string, json: string): void {
    if (this.options.singleWriter) setNewest(this.recent, key, { etag, json, at: Date.now() }, RECENT_MAX);
  }

  private recalled(key: string): { etag: string; json: string } | undefined {
    const entry = this.recent.get(key);
    if (entry && Math.abs(Date.now() - entry.at) <= RECENT_MS) return entry;
    this.recent.delete(key);
    return undefined;
  }

  private ensureIndexes(): Promise<void> {
    this.indexed ??= this.collection.ensureIndexes([
      { key: { updatedAt: 1 }, name: 'state_ttl', expireAfterSeconds: (this.options.retentionDays ?? 180) * 86400 },
    ]);
    return this.indexed;
  }

  async read(keys: string[]): Promise<StoreItems> {
    await this.ensureIndexes();
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    const wanted = new Set<string>();
    for (const key of keys) {
      const known = this.recalled(key);
      if (known) items[key] = { ...(JSON.parse(known.json) as object), eTag: known.etag };
      else wanted.add(key);
    }
    if (wanted.size === 0) return items;
    for (const doc of await this.findBatched([...wanted]))
      if (wanted.has(doc._id)) {
        items[doc._id] = { ...(JSON.parse(doc.json) as object), eTag: doc.etag };
        // A write that finished while this query ran is newer than what the query found: keep the write's.
        if (!this.recent.has(doc._id)) this.remember(doc._id, doc.etag, doc.json);
      }
    return items;
  }

  /** One `find` for every read that arrives before the next microtask: a turn's two states cost one query. */
  private findBatched(keys: string[]): Promise<StateDocument[]> {
    if (!this.batch) {
      const batch: { keys: Set<string>; docs?: Promise<StateDocument[]> } = { keys: new Set() };
      batch.docs = Promise.resolve().then(() => {
        if (this.batch === batch) this.batch = undefined;
        return this.collection.find({ _id: { $in: [...batch.keys] } });
      });
      this.batch = batch as { keys: Set<string>; docs: Promise<StateDocument[]> };
    }
    for (const key of keys) this.batch.keys.add(key);
    return this.batch.docs;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.ensureIndexes();
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...data } = (item ?? {}) as { eTag?: string };
      const next = {
        etag: this.options.newETag?.() ?? randomUUID(),
        json: JSON.stringify(data),
        updatedAt: new Date(),
      };
      // Forgotten first: if the write fails half way, the next read goes to the store.
      this.recent.delete(key);
      if (!eTag || eTag === '*') {
        await this.collection.updateOne({ _id: key }, { $set: next }, { upsert: true });
        this.remember(key, next.etag, next.json);
        continue;
      }
      const result = await this.collection.updateOne({ _id: key, etag: eTag }, { $set: next });
      if (result.matchedCount === 1) {
        this.remember(key, next.etag, next.json);
        continue;
      }
      // No match: either the item changed since it was read (conflict) or it was never stored (first write).
      const exists = await this.collection.findOne({ _id: key });
      if (exists) throw new ETagConflictError(`Storage: error writing "${key}" due to eTag conflict.`);
      try {
        await this.collection.insertOne({ _id: key, ...next });
        this.remember(key, next.etag, next.json);
      } catch (error) {
        if (error instanceof DuplicateKeyError)
          throw new ETagConflictError(`Storage: error writing "${key}" due to eTag conflict.`);
        throw error;
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.recent.delete(key);
    if (keys.length) await this.collection.deleteMany({ _id: { $in: keys } });
  }
}
