/** One collection of the embedded store: a nedb datastore file, with mingo for aggregation pipelines. */
import Datastore from '@seald-io/nedb';
import {
  DuplicateKeyError,
  type Collection,
  type Filter,
  type FindOptions,
  type IndexSpec,
  type StoredDocument,
  type Update,
  type UpdateResult,
} from '../port';

type NedbError = Error & { errorType?: string; key?: unknown };

function translateError(error: unknown): never {
  const err = error as NedbError;
  if (err?.errorType === 'uniqueViolated') throw new DuplicateKeyError(`Duplicate key: ${String(err.key)}`);
  throw error;
}

/**
 * nedb's matcher takes most of MongoDB's query language; the one form our queries use that it reads differently,
 * `{ $regex: 'pattern', $options: 'i' }`, is turned into the RegExp nedb expects.
 */
function toNedbFilter(filter: Filter): Filter {
  const convert = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(convert);
    if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return value;
    const entries = Object.entries(value as Record<string, unknown>);
    const record = Object.fromEntries(
      entries.filter(([key]) => key !== '$options').map(([key, child]) => [key, convert(child)]),
    );
    if (typeof record.$regex === 'string')
      record.$regex = new RegExp(record.$regex, String((value as { $options?: string }).$options ?? ''));
    return record;
  };
  return convert(filter) as Filter;
}

/** Plain equality fields of a filter, used to build the document an upsert inserts. */
function equalityFields(filter: Filter): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filter).filter(
      ([key, value]) => !key.startsWith('$') && (value === null || typeof value !== 'object' || value instanceof Date),
    ),
  );
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}

/** A nedb-backed collection. Writes resolve only after nedb appended them to the file. */
export class EmbeddedCollection<T extends StoredDocument> implements Collection<T> {
  /** Serialises the read-then-write upsert path so two upserts of one key cannot both insert. */
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Expiry rules (field -> seconds after the Date in it), held here because nedb neither keeps them across restarts
   * nor re-applies them to an index it already has. Reads never return an expired document; sweeps delete them.
   */
  private readonly expiry = new Map<string, number>();

  /** @param ready resolves once nedb has loaded the file; every operation waits for it. */
  constructor(
    private readonly db: Datastore<T>,
    private readonly ready: Promise<void>,
  ) {}

  /**
   * The filter, narrowed to documents that have not expired. The filter's own fields stay at the top level: nedb
   * looks only there for a field it can answer from an index (`_id`, `{ $in }`), and scans every document otherwise.
   */
  private live(filter: Filter): Filter {
    const converted = toNedbFilter(filter);
    if (this.expiry.size === 0) return converted;
    const now = Date.now();
    const unexpired = [...this.expiry].map(([field, seconds]) => ({
      $or: [{ [field]: { $exists: false } }, { [field]: { $gte: new Date(now - seconds * 1000) } }],
    }));
    const own = Array.isArray(converted.$and) ? (converted.$and as Filter[]) : [];
    return { ...converted, $and: [...own, ...unexpired] };
  }

  /** Deletes every expired document now; returns how many went. Runs at start (ensureIndexes) and on a schedule. */
  async sweepExpired(): Promise<number> {
    let removed = 0;
    for (const [field, seconds] of this.expiry) {
      const cutoff = new Date(Date.now() - seconds * 1000);
      removed += await this.exclusive(() => this.db.removeAsync({ [field]: { $lt: cutoff } }, { multi: true }));
    }
    // nedb only appends "deleted" marks; rewriting the file now takes the expired text off the disk at once.
    if (removed > 0) await this.exclusive(() => this.db.compactDatafileAsync());
    return removed;
  }

  private exclusive<R>(work: () => Promise<R>): Promise<R> {
    const run = this.queue.then(() => this.ready).then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async insertOne(doc: T): Promise<void> {
    await this.exclusive(() => this.db.insertAsync(doc).catch(translateError));
  }

  async insertMany(docs: T[]): Promise<void> {
    if (docs.length) await this.exclusive(() => this.db.insertAsync(docs).catch(translateError));
  }

  async findOne(filter: Filter): Promise<T | null> {
    await this.ready;
    return ((await this.db.findOneAsync(this.live(filter))) as T | null) ?? null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    await this.ready;
    let cursor = this.db.findAsync(this.live(filter), options.projection ?? {});
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return (await cursor) as unknown as T[];
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    await this.ready;
    return (await this.db.countAsync(this.live(filter))) as unknown as number;
  }

  async updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return this.exclusive(() => this.updateUnlocked(filter, update, options.upsert ?? false).then((r) => r.result));
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    const { $setOnInsert: _ignored, ...rest } = update;
    return this.exclusive(async () => {
      const { numAffected } = await this.db
        .updateAsync(toNedbFilter(filter), rest, { multi: true })
        .catch(translateError);
      return { matchedCount: numAffected, modifiedCount: numAffected };
    });
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<T | null> {
    return this.exclusive(() => this.updateUnlocked(filter, update, options.upsert ?? false).then((r) => r.doc));
  }

  private async updateUnlocked(
    filter: Filter,
    update: Update,
    upsert: boolean,
  ): Promise<{ result: UpdateResult; doc: T | null }> {
    const { $setOnInsert: onInsert, ...rest } = update as Update & { $setOnInsert?: Record<string, unknown> };
    if (Object.keys(rest).length > 0) {
      // One nedb operation when the document is there (a turn's state write): nedb matches and updates in one go.
      const { numAffected, affectedDocuments } = await this.db
        .updateAsync(toNedbFilter(filter), rest, { returnUpdatedDocs: true, multi: false })
        .catch(translateError);
      if (numAffected > 0)
        return { result: { matchedCount: 1, modifiedCount: 1 }, doc: affectedDocuments as unknown as T };
    } else {
      const existing = (await this.db.findOneAsync(toNedbFilter(filter))) as T | null;
      if (existing) return { result: { matchedCount: 1, modifiedCount: 0 }, doc: existing };
    }
    if (!upsert) return { result: { matchedCount: 0, modifiedCount: 0 }, doc: null };
    const seed: Record<string, unknown> = { ...equalityFields(filter) };
    for (const [key, value] of Object.entries(onInsert ?? {})) setPath(seed, key, value);
    const inserted = (await this.db.insertAsync(seed as T).catch(translateError)) as unknown as T;
    const { affectedDocuments } = Object.keys(rest).length
      ? await this.db.updateAsync({ _id: inserted._id }, rest, { returnUpdatedDocs: true }).catch(translateError)
      : { affectedDocuments: inserted };
    return {
      result: { matchedCount: 0, modifiedCount: 0, upsertedId: inserted._id },
      doc: affectedDocuments as unknown as T,
    };
  }

  async replaceOne(filter: Filter, doc: T, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return this.exclusive(async () => {
      const existing = (await this.db.findOneAsync(toNedbFilter(filter))) as T | null;
      if (existing) {
        await this.db.updateAsync({ _id: existing._id }, { ...doc, _id: existing._id }, {}).catch(translateError);
        return { matchedCount: 1, modifiedCount: 1 };
      }
      if (!options.upsert) return { matchedCount: 0, modifiedCount: 0 };
      const inserted = (await this.db.insertAsync(doc).catch(translateError)) as unknown as T;
      return { matchedCount: 0, modifiedCount: 0, upsertedId: inserted._id };
    });
  }

  async deleteOne(filter: Filter): Promise<number> {
    return this.exclusive(() => this.db.removeAsync(toNedbFilter(filter), { multi: false }));
  }

  async deleteMany(filter: Filter): Promise<number> {
    return this.exclusive(() => this.db.removeAsync(toNedbFilter(filter), { multi: true }));
  }

  /** Runs the pipeline with mingo over the collection (nedb keeps every document in memory anyway). */
  async aggregate<R = Record<string, unknown>>(pipeline: Record<string, unknown>[]): Promise<R[]> {
    await this.ready;
    const all = (await this.db.findAsync(this.live({}))) as unknown as T[];
    // Loaded on first use: mingo is ~300 modules, and only reports aggregate, so the chat starts without it.
    const { Aggregator } = await import('mingo');
    return new Aggregator(pipeline).run(all) as R[];
  }

  async ensureIndexes(specs: IndexSpec[]): Promise<void> {
    await this.ready;
    for (const spec of specs) {
      const fields = Object.keys(spec.key);
      if (spec.expireAfterSeconds !== undefined && fields.length === 1 && !spec.unique) {
        // An expiry rule is kept here, not as a nedb index: reads already leave expired documents out and the sweep
        // deletes them (a scan every few minutes), while an index on a time that every write changes cost each
        // write a removal and an insertion in its tree, and nedb's own expiry re-checked every read. An index an
        // older version created is dropped.
        this.expiry.set(fields[0], spec.expireAfterSeconds);
        const indexes = (this.db as unknown as { indexes: Record<string, unknown> }).indexes;
        if (indexes[fields[0]]) await this.db.removeIndexAsync(fields[0]);
        continue;
      }
      await this.db.ensureIndexAsync({
        fieldName: fields.length === 1 ? fields[0] : fields,
        unique: spec.unique ?? false,
        sparse: spec.sparse ?? false,
      });
    }
    // Whatever expired while the server was stopped goes now, before anything is served.
    if (this.expiry.size) await this.sweepExpired();
  }
}
