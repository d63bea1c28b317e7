/** Chooses the store: MongoDB when MONGODB_URI is set, the embedded store under DATA_DIR otherwise. */
import { openEmbeddedStore } from './embedded/embeddedStore';
import { connectMongoStore } from './mongo/mongoStore';
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
  return options.mongodbUri
    ? connectMongoStore(options.mongodbUri, { dbName: options.dbName })
    : openEmbeddedStore(options.dataDir, { waitForLockMs: options.waitForLockMs, onWarning: options.onWarning });
}
