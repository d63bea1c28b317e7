/** The composition root: config, keys, the store and the services on it, built once by every entry point. */
import { openContentLibrary, type ContentLibrary } from '../content/contentLibrary';
import { shippedContent } from '../content/directory';
import type { Understander } from '../dialogs/understanding/understand';
import { openStaffServices, type StaffServices } from '../staff/index';
import { openStore } from '../store/index';
import type { DocumentStore } from '../store/port';
import { openSurveyServices, type SurveyServices } from '../surveys/index';
import { loadConfig, type Config, type Env } from './config';
import { keysFor, type Keys } from './secrets';

/** Everything the server, the command line, the bench and the tests work with, on one open store. */
export interface Services {
  config: Config;
  /** The one clock every service reads, so a test can fix the time for all of them. */
  clock: () => Date;
  store: DocumentStore;
  keys: Keys;
  surveys: SurveyServices;
  staff: StaffServices;
  /** The published content (the shipped files seed it), opened on first call: the command line seldom needs it. */
  content(): Promise<ContentLibrary>;
  /** The trained understanding models, loaded on first call (from the cache that `npm run build` fills). */
  understander(): Promise<Understander>;
  /** Releases the store (flushing the embedded one); the services are unusable afterwards. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  /** How long to wait for a lock a crashed process left behind (the server after a kill -9); by default none. */
  waitForLockMs?: number;
  /** Where the store's warnings go (the server's logger); by default they are dropped. */
  onWarning?: (message: string) => void;
  clock?: () => Date;
  /** Invitation and deletion codes (tests make them predictable). */
  newCode?: () => string;
  /** Start loading the models at once, while the store opens: the server answers its first message without a wait. */
  preloadUnderstanding?: boolean;
}

/** Runs `open` on the first call only; later calls share its promise. */
function once<T>(open: () => Promise<T>): () => Promise<T> {
  let opened: Promise<T> | undefined;
  return () => (opened ??= open());
}

const isConfig = (settings: Config | Env): settings is Config => typeof settings.localMode === 'boolean';

/**
 * Validates the configuration, opens the store it names and builds every service on it.
 * Throws ConfigError for a bad variable and StoreLockedError when another process holds the embedded store.
 * @example
 * const services = await openServices(process.env);
 * const surveys = await services.surveys.catalogue.list();
 * await services.close();
 */
export async function openServices(settings: Config | Env, options: ServiceOptions = {}): Promise<Services> {
  const config = isConfig(settings) ? settings : loadConfig(settings);
  const clock = options.clock ?? (() => new Date());
  const understander = once(async () => {
    // Required on first use: the models and the language libraries behind them take a second or more to load,
    // and the command line never needs them.
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily on purpose (see above) */
    const model = require('../dialogs/understanding/model') as typeof import('../dialogs/understanding/model');
    /* eslint-enable @typescript-eslint/no-require-imports */
    return model.sharedUnderstander();
  });
  // The model cache is the biggest file start-up reads; a failure shows where the models are awaited.
  if (options.preloadUnderstanding) understander().catch(() => undefined);
  const store = await openStore({
    mongodbUri: config.MONGODB_URI,
    dataDir: config.DATA_DIR,
    waitForLockMs: options.waitForLockMs,
    onWarning: options.onWarning,
  });
  try {
    const keys = keysFor(config);
    const surveys = await openSurveyServices(store, {
      key: keys.pseudonym,
      retentionDays: config.RETENTION_DAYS,
      clock,
      newCode: options.newCode,
    });
    const staff = await openStaffServices(store, clock);
    // What the bot says comes from the latest published version; staff edits show at once.
    const content = once(() => openContentLibrary(store, shippedContent(), clock));
    let closing: Promise<void> | undefined;
    const close = () => (closing ??= store.close());
    return { config, clock, store, keys, surveys, staff, content, understander, close };
  } catch (error) {
    await store.close();
    throw error;
  }
}
