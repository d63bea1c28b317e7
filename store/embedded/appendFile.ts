/** Keeps a nedb datastore's appends cheap: one open file for its appends instead of an open, write and close each. */
import { closeSync, fstatSync, openSync, statSync, writeSync, type Stats } from 'node:fs';
import type Datastore from '@seald-io/nedb';

/** The parts of nedb's (untyped) persistence layer this module takes over. */
interface NedbPersistence {
  filename: string;
  inMemoryOnly: boolean;
  modes: { fileMode: number };
  persistNewStateAsync(docs: unknown[]): Promise<void>;
  persistCachedDatabaseAsync(): Promise<void>;
}

// nedb's own line format, so the file stays one nedb can load; the package ships no types for its internals.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serialize } = require('@seald-io/nedb/lib/model.js') as { serialize: (doc: unknown) => string };

/** How often an append checks that its open file is still the one at the path. */
const CHECK_PATH_EVERY_MS = 250;

function sameFile(opened: Stats, filename: string): boolean {
  const atPath = statSync(filename, { throwIfNoEntry: false });
  return atPath !== undefined && atPath.ino === opened.ino && atPath.dev === opened.dev;
}

/**
 * Replaces nedb's append (fs.promises.appendFile: open, write and close, three trips through the thread pool for
 * every write, while nedb holds every other write to the collection until it is done) with one synchronous write to
 * a file kept open. A write of a few hundred bytes to the page cache takes microseconds, and it is in the file before
 * the write resolves, as before: a killed process loses nothing that was acknowledged (neither version calls fsync).
 * Compaction replaces the file with a new one (write, then rename), so the handle is closed first and reopened on
 * the next append.
 * `checkPath()` checks at once (the store's ping does, so /healthz never waits for the next check).
 * @example const appends = appendThroughOpenFile(db); ...; appends.close();
 */
export function appendThroughOpenFile<T>(db: Datastore<T>): { close(): void; checkPath(): void } {
  const persistence = db.persistence as unknown as NedbPersistence;
  let fd: number | undefined;
  let opened: Stats | undefined;
  let checkedAt = 0;
  const close = () => {
    if (fd === undefined) return;
    const open = fd;
    fd = undefined;
    try {
      closeSync(open);
    } catch {
      // Already gone (a failed write): nothing to release.
    }
  };
  const checkPath = () => {
    checkedAt = Date.now();
    if (fd !== undefined && !sameFile(opened!, persistence.filename)) close();
  };
  const rewrite = persistence.persistCachedDatabaseAsync.bind(persistence);
  persistence.persistCachedDatabaseAsync = async () => {
    close();
    await rewrite();
  };
  persistence.persistNewStateAsync = async (docs: unknown[]) => {
    if (persistence.inMemoryOnly || docs.length === 0) return;
    const bytes = Buffer.from(docs.map((doc) => `${serialize(doc)}\n`).join(''), 'utf8');
    try {
      // Still the file at the path? A data folder moved or replaced underneath must fail here as appendFile would
      // (and show on /healthz), not carry on writing to a file nobody will load. Checked at most every
      // CHECK_PATH_EVERY_MS: a stat on every write of a busy chat was a tenth of the store's time.
      if (Math.abs(Date.now() - checkedAt) >= CHECK_PATH_EVERY_MS) checkPath();
      if (fd === undefined) {
        fd = openSync(persistence.filename, 'a', persistence.modes.fileMode);
        opened = fstatSync(fd);
        checkedAt = Date.now();
      }
      for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
    } catch (error) {
      // A full disk or a file moved away: start from a fresh handle next time.
      close();
      throw error;
    }
  };
  return { close, checkPath };
}
