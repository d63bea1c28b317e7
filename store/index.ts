/** Chooses the store: MongoDB when MONGODB_URI is set, the embedded store under DATA_DIR otherwise. */
import { openEmbeddedStore } from './embedded/embeddedStore';
import type { DocumentStore } from './port';

/**
 * @example const store = await openStore({ mongodbUri: config.MONGODB_URI, dataDir: config.DATA_DIR });
 */
export async function openStore(options: {
  mongodbUri?: string;
  dataDir: string;
  dbName?: string;
  waitForLockMs?: number;
  onWarning?: (message: string) => void;
}): Promise<DocumentStore> {
  if (options.mongodbUri) {
    // The MongoDB driver takes a quarter of a second to load: only a server that uses it pays for it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose (see above)
    const { connectMongoStore } = require('./mongo/mongoStore') as typeof import('./mongo/mongoStore');
    return connectMongoStore(options.mongodbUri, { dbName: options.dbName });
  }
  return openEmbeddedStore(options.dataDir, { waitForLockMs: options.waitForLockMs, onWarning: options.onWarning });
}
