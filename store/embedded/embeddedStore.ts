/** The default store: one nedb file per collection under DATA_DIR, held by one process at a time (proper-lockfile). */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Datastore from '@seald-io/nedb';
import lockfile from 'proper-lockfile';
import { StoreLockedError, type Collection, type DocumentStore, type StoredDocument } from '../port';
import { EmbeddedCollection } from './embeddedCollection';

const COMPACT_EVERY_MS = 15 * 60 * 1000;
/** Expired documents are deleted this often (reads already skip them in between). */
const SWEEP_EVERY_MS = 5 * 60 * 1000;

/**
 * Opens (and locks) the embedded store in a directory.
 * @example const store = await openEmbeddedStore('./data'); await store.collection('responses').insertOne({ _id: 'r1' });
 */
export async function openEmbeddedStore(dataDir: string, options: { waitForLockMs?: number } = {}): Promise<DocumentStore> {
  const directory = path.resolve(dataDir);
  mkdirSync(path.join(directory, 'db'), { recursive: true });
  let release: () => Promise<void>;
  try {
    // A lock left by a process that was killed goes stale after 5 s; a server starting straight after a crash waits that out.
    const retries = options.waitForLockMs ? { retries: Math.ceil(options.waitForLockMs / 1000), minTimeout: 1000, maxTimeout: 1000 } : 0;
    release = await lockfile.lock(directory, { lockfilePath: path.join(directory, 'store.lock'), stale: 5_000, update: 1_000, retries, realpath: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new StoreLockedError(`The data directory ${dataDir} is in use by another process (is the bot server running?). Stop it, or use the staff pages.`);
    }
    throw error;
  }
  return new EmbeddedStore(path.join(directory, 'db'), release);
}

class EmbeddedStore implements DocumentStore {
  readonly kind = 'embedded' as const;
  private readonly datastores = new Map<string, { db: Datastore<StoredDocument>; loaded: Promise<void>; collection: EmbeddedCollection<StoredDocument> }>();
  private closed = false;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly dbDir: string,
    private readonly release: () => Promise<void>,
  ) {
    this.sweeper = setInterval(() => void this.sweepExpired().catch(() => undefined), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  /** Deletes expired documents in every open collection; returns how many went. */
  async sweepExpired(): Promise<number> {
    let removed = 0;
    for (const { collection } of this.datastores.values()) removed += await collection.sweepExpired();
    return removed;
  }

  collection<T extends StoredDocument = StoredDocument>(name: string): Collection<T> {
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(name)) throw new Error(`Invalid collection name: ${name}`);
    let entry = this.datastores.get(name);
    if (!entry) {
      // A torn last line after kill -9 is one bad line in thousands; refuse only when a tenth of the file is corrupt.
      const db = new Datastore<StoredDocument>({ filename: path.join(this.dbDir, `${name}.db`), corruptAlertThreshold: 0.1 });
      const loaded = db.loadDatabaseAsync();
      // One collection object per name, so its write queue is shared by every caller.
      entry = { db, loaded, collection: new EmbeddedCollection(db, loaded) };
      db.setAutocompactionInterval(COMPACT_EVERY_MS);
      this.datastores.set(name, entry);
    }
    return entry.collection as unknown as Collection<T>;
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('The store is closed.');
    await Promise.all([...this.datastores.values()].map((entry) => entry.loaded));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweeper);
    for (const { db, loaded } of this.datastores.values()) {
      await loaded.catch(() => undefined);
      db.stopAutocompaction();
      await db.compactDatafileAsync().catch(() => undefined);
    }
    await this.release().catch(() => undefined);
  }
}
