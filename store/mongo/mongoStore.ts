/** The MongoDB adapter: the official driver, collections one to one, aggregation pipelines run in the database. */
import { MongoClient, MongoServerError, type Db, type Document } from 'mongodb';
import {
  DuplicateKeyError,
  type Collection,
  type DocumentStore,
  type Filter,
  type FindOptions,
  type IndexSpec,
  type StoredDocument,
  type Update,
  type UpdateResult,
} from '../port';

function translate(error: unknown): never {
  if (error instanceof MongoServerError && error.code === 11000) throw new DuplicateKeyError(error.message);
  throw error;
}

class MongoCollection<T extends StoredDocument> implements Collection<T> {
  constructor(
    private readonly db: Db,
    private readonly name: string,
  ) {}

  private get raw() {
    return this.db.collection<Document>(this.name);
  }

  async insertOne(doc: T): Promise<void> {
    await this.raw.insertOne(doc as Document).catch(translate);
  }

  async insertMany(docs: T[]): Promise<void> {
    if (docs.length) await this.raw.insertMany(docs as Document[], { ordered: true }).catch(translate);
  }

  async findOne(filter: Filter): Promise<T | null> {
    return (await this.raw.findOne(filter)) as T | null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    let cursor = this.raw.find(filter, options.projection ? { projection: options.projection } : {});
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return (await cursor.toArray()) as unknown as T[];
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    return this.raw.countDocuments(filter);
  }

  async updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    const result = await this.raw.updateOne(filter, update, { upsert: options.upsert ?? false }).catch(translate);
    return {
      matchedCount: result.matchedCount,
      modifiedCount: result.modifiedCount,
      upsertedId: result.upsertedId ? String(result.upsertedId) : undefined,
    };
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    const result = await this.raw.updateMany(filter, update).catch(translate);
    return { matchedCount: result.matchedCount, modifiedCount: result.modifiedCount };
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<T | null> {
    return (await this.raw
      .findOneAndUpdate(filter, update, { upsert: options.upsert ?? false, returnDocument: 'after' })
      .catch(translate)) as T | null;
  }

  async replaceOne(filter: Filter, doc: T, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    const result = await this.raw
      .replaceOne(filter, doc as Document, { upsert: options.upsert ?? false })
      .catch(translate);
    return {
      matchedCount: result.matchedCount,
      modifiedCount: result.modifiedCount,
      upsertedId: result.upsertedId ? String(result.upsertedId) : undefined,
    };
  }

  async deleteOne(filter: Filter): Promise<number> {
    return (await this.raw.deleteOne(filter)).deletedCount;
  }

  async deleteMany(filter: Filter): Promise<number> {
    return (await this.raw.deleteMany(filter)).deletedCount;
  }

  async aggregate<R = Record<string, unknown>>(pipeline: Record<string, unknown>[]): Promise<R[]> {
    return (await this.raw.aggregate(pipeline, { allowDiskUse: true }).toArray()) as R[];
  }

  async ensureIndexes(specs: IndexSpec[]): Promise<void> {
    if (specs.length === 0) return;
    await this.raw.createIndexes(
      specs.map((spec) => ({
        key: spec.key,
        name: spec.name,
        unique: spec.unique,
        sparse: spec.sparse,
        ...(spec.expireAfterSeconds !== undefined ? { expireAfterSeconds: spec.expireAfterSeconds } : {}),
      })),
    );
  }
}

/**
 * Connects to MongoDB; the database is the one named in the URI unless `dbName` is given.
 * @example const store = await connectMongoStore(process.env.MONGODB_URI!);
 */
export async function connectMongoStore(uri: string, options: { dbName?: string } = {}): Promise<DocumentStore> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000, appName: 'care-leavers-bot' });
  await client.connect();
  const db = client.db(options.dbName);
  let closed = false;
  return {
    kind: 'mongodb',
    collection: <T extends StoredDocument>(name: string) => new MongoCollection<T>(db, name),
    async ping() {
      await db.command({ ping: 1 });
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}
