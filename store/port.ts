/** The storage port: a small, MongoDB-shaped document API that both adapters (embedded and MongoDB) implement. */

/** A document always has a string `_id`. */
export interface StoredDocument {
  _id: string;
  [key: string]: unknown;
}

/** A MongoDB query filter (e.g. `{ surveyId: 'x', completedAt: { $gte: date } }`). */
export type Filter = Record<string, unknown>;

/** A MongoDB update document using operators only (`$set`, `$inc`, `$unset`, `$push`, `$setOnInsert`). */
export type Update = Record<string, unknown>;

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  limit?: number;
  skip?: number;
  projection?: Record<string, 0 | 1>;
}

export interface IndexSpec {
  /** Field(s) indexed. The embedded adapter supports unique/TTL indexes on a single field only. */
  key: Record<string, 1 | -1>;
  name: string;
  unique?: boolean;
  /** TTL: documents expire this many seconds after the Date in the (single) indexed field. */
  expireAfterSeconds?: number;
  /** Unique only among documents where the field exists. */
  sparse?: boolean;
}

export interface UpdateResult {
  matchedCount: number;
  modifiedCount: number;
  upsertedId?: string;
}

export interface Collection<T extends StoredDocument = StoredDocument> {
  /** Inserts one document; throws DuplicateKeyError when a unique index (or `_id`) already holds the value. */
  insertOne(doc: T): Promise<void>;
  /** Inserts many documents in one write; all or nothing is not guaranteed across adapters. */
  insertMany(docs: T[]): Promise<void>;
  findOne(filter: Filter): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  countDocuments(filter?: Filter): Promise<number>;
  /**
   * Updates the first matching document; with `upsert`, inserts one built from the filter's equality fields and the
   * update.
   */
  updateOne(filter: Filter, update: Update, options?: { upsert?: boolean }): Promise<UpdateResult>;
  updateMany(filter: Filter, update: Update): Promise<UpdateResult>;
  /**
   * Atomically updates one document and returns it as it is after the update (or null when none matched and no upsert).
   */
  findOneAndUpdate(filter: Filter, update: Update, options?: { upsert?: boolean }): Promise<T | null>;
  /** Replaces the first matching document whole; with `upsert`, inserts `doc` when none matched. */
  replaceOne(filter: Filter, doc: T, options?: { upsert?: boolean }): Promise<UpdateResult>;
  deleteOne(filter: Filter): Promise<number>;
  deleteMany(filter: Filter): Promise<number>;
  /** Runs a MongoDB aggregation pipeline (in the database for MongoDB, with mingo for the embedded store). */
  aggregate<R = Record<string, unknown>>(pipeline: Record<string, unknown>[]): Promise<R[]>;
  /** Creates the indexes if they do not exist yet (idempotent). */
  ensureIndexes(specs: IndexSpec[]): Promise<void>;
}

export interface DocumentStore {
  /** Which adapter this is, for logs and /healthz. */
  readonly kind: 'embedded' | 'mongodb';
  collection<T extends StoredDocument = StoredDocument>(name: string): Collection<T>;
  /** Resolves when the store is reachable; rejects otherwise. */
  ping(): Promise<void>;
  /** Flushes pending writes and releases the store (and its lock). Safe to call twice. */
  close(): Promise<void>;
}

/** A unique index (or `_id`) already holds this value. */
export class DuplicateKeyError extends Error {
  override readonly name = 'DuplicateKeyError';
}

/** The embedded store's data directory is held by another process. */
export class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError';
}
