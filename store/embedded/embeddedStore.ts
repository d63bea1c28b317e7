/** The default store: one nedb file per collection under DATA_DIR, held by one process at a time (proper-lockfile). */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Datastore from '@seald-io/nedb';
import lockfile from 'proper-lockfile';
import { StoreLockedError, type Collection, type DocumentStore, type StoredDocument } from '../port';
import { appendThroughOpenFile } from './appendFile';
import { EmbeddedCollection } from './embeddedCollection';

const COMPACT_EVERY_MS = 15 * 60 * 1000;
/** Expired documents are deleted this often (reads already skip them in between). */
const SWEEP_EVERY_MS = 5 * 60 * 1000;

/**
 * Opens (and locks) the embedded store in a directory.
 * @example
 * const store = await openEmbeddedStore('./data');
 * await store.collection('responses').insertOne({ _id: 'r1' });
 */
/** Whether a process with this id is running on this machine. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The process named in store.pid, if it is another one and still running: its lock is not stale however old it looks.
 */
function liveHolder(pidFile: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function openEmbeddedStore(
  dataDir: string,
  options: { waitForLockMs?: number; onWarning?: (message: string) => void } = {},
): Promise<DocumentStore> {
  const directory = path.resolve(dataDir);
  mkdirSync(path.join(directory, 'db'), { recursive: true });
  const warn = options.onWarning ?? ((message: string) => process.emitWarning(message));
  const lockfilePath = path.join(directory, 'store.lock');
  const pidFile = path.join(directory, 'store.pid');
  const locked = () =>
    new StoreLockedError(
      `The data directory ${dataDir} is in use by another process (is the bot server running?). ` +
        'Stop it, or use the staff pages.',
    );
  // A lock whose holder is still running is never taken over, even when it looks stale because that process was
  // paused (a debugger, a full machine); a lock left by a process that was killed goes stale after 5 s.
  const deadline = Date.now() + (options.waitForLockMs ?? 0);
  while (existsSync(lockfilePath) && liveHolder(pidFile)) {
    if (Date.now() >= deadline) throw locked();
    await sleep(500);
  }
  const lockOptions = {
    lockfilePath,
    stale: 5_000,
    update: 1_000,
    realpath: false,
    // After a long pause the lock's refresh is late and proper-lockfile calls it compromised; nobody else can have
    // taken it while this process lives (see liveHolder), so say so in the log and take it back rather than crash.
    onCompromised: (error: Error) => {
      warn(`The data directory lock was late to refresh (${error.message}); taking it back.`);
      lockfile.lock(directory, { ...lockOptions, retries: 0 }).then(
        (again) => (release = again),
        () => warn('Could not take the data directory lock back; stop the other process that holds it.'),
      );
    },
  };
  let release: () => Promise<void>;
  try {
    const retries = options.waitForLockMs
      ? { retries: Math.ceil(options.waitForLockMs / 1000), minTimeout: 1000, maxTimeout: 1000 }
      : 0;
    release = await lockfile.lock(directory, { ...lockOptions, retries });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw locked();
    throw error;
  }
  writeFileSync(pidFile, String(process.pid));
  const releaseAll = async () => {
    rmSync(pidFile, { force: true });
    await release();
  };
  return new EmbeddedStore(path.join(directory, 'db'), releaseAll, warn);
}

class EmbeddedStore implements DocumentStore {
  readonly kind = 'embedded' as const;
  private readonly datastores = new Map<
    string,
    {
      db: Datastore<StoredDocument>;
      loaded: Promise<void>;
      collection: EmbeddedCollection<StoredDocument>;
      appends: { close(): void; checkPath(): void };
    }
  >();
  private closed = false;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly dbDir: string,
    private readonly release: () => Promise<void>,
    private readonly warn: (message: string) => void,
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
      const filename = path.join(this.dbDir, `${name}.db`);
      const db = new Datastore<StoredDocument>({ filename, corruptAlertThreshold: 0.1 });
      const appends = appendThroughOpenFile(db);
      // A small file with a torn line (a crash mid-write) is more than a tenth corrupt, and nedb then refuses it:
      // the lines that cannot be read are dropped, with one warning, and start-up carries on with the rest.
      const loaded = db.loadDatabaseAsync().catch(async (error: Error) => {
        if (!/corrupt/i.test(error.message)) throw error;
        const lines = readFileSync(filename, 'utf8').split('\n');
        const good = lines.filter((line) => {
          if (!line.trim()) return false;
          try {
            JSON.parse(line);
            return true;
          } catch {
            return false;
          }
        });
        const partial = `${filename}.repair`;
        writeFileSync(partial, good.length ? `${good.join('\n')}\n` : '');
        renameSync(partial, filename);
        this.warn(
          `The data file ${name}.db had ${lines.filter((line) => line.trim()).length - good.length} unreadable ` +
            'line(s), probably from a crash mid-write; they were skipped.',
        );
        await db.loadDatabaseAsync();
      });
      // One collection object per name, so its write queue is shared by every caller.
      entry = { db, loaded, collection: new EmbeddedCollection(db, loaded), appends };
      db.setAutocompactionInterval(COMPACT_EVERY_MS);
      this.datastores.set(name, entry);
    }
    return entry.collection as unknown as Collection<T>;
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('The store is closed.');
    await Promise.all([...this.datastores.values()].map((entry) => entry.loaded));
    // A data folder moved or replaced since the last write shows on the very next write, not a moment later.
    for (const { appends } of this.datastores.values()) appends.checkPath();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweeper);
    for (const { db, loaded, appends } of this.datastores.values()) {
      await loaded.catch(() => undefined);
      db.stopAutocompaction();
      await db.compactDatafileAsync().catch(() => undefined);
      appends.close();
    }
    await this.release().catch(() => undefined);
  }
}
