/** Wires the HTTP server on the services app/services builds: bot, adapter and routes; and closes it gracefully. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import type pino from 'pino';
import { createRateLimiter } from './rateLimit';
import { createSignInLimit, NO_SIGN_IN_LIMIT } from '../staff/signIn/signInLimit';
import { createTranslator } from '../content/i18n';
import { isOpenAt } from '../content/openingHours';
import { createBot } from '../dialogs/createBot';
import { StoreBotStorage } from '../store/botStorage';
import type { DocumentStore } from '../store/port';
import { scrub } from '../surveys/anonymise/scrubber';
import { registerStaffRoutes } from './staffHttp/mount';
import { createStaffToolsFeature } from '../dialogs/staffTools/staffToolsFeature';
import { publishedSurveyCounts } from '../surveys/results';
import { teamsStaffRole } from './teams/staffIdentity';
import { teamsButtons } from './teams/teamsButtons';
import { registerDirectLine } from './directline/index';
import { createAdapter } from './adapter';
import { loadConfig, type Config, type Env } from '../app/config';
import { createLogger, type Logger } from './logger';
import { registerMessagesRoute } from './messagesRoute';
import { openServices, type Services } from '../app/services';
import { createHttpServer } from './server';
import { registerWebChatPage } from './web/index';

export interface RunningApp {
  url: string;
  config: Config;
  logger: Logger;
  store: DocumentStore;
  /** The services the server runs on (the same ones the command line builds), for tests and the bench. */
  services: Services;
  server: Server;
  /** Stops accepting requests, lets turns in flight finish, flushes and releases the store. */
  close(): Promise<void>;
}

/**
 * Starts the bot server from environment variables (PORT '0' picks a free port).
 * @example
 * const app = await startApp({ PORT: '0', DATA_DIR: tmp });
 * await fetch(`${app.url}/healthz`);
 * await app.close();
 */
export async function startApp(
  env: Env,
  options: { logDestination?: pino.DestinationStream } = {},
): Promise<RunningApp> {
  const config = loadConfig(env);
  const logger = createLogger(config.LOG_LEVEL, options.logDestination);
  const services = await openServices(config, {
    // Straight after a crash (kill -9) the old lock is stale within 5 s: wait for it rather than fail the restart.
    waitForLockMs: 7000,
    onWarning: (message) => logger.warn(message),
    preloadUnderstanding: true,
  });
  const { store, surveys, staff, clock, keys } = services;
  try {
    const storage = new StoreBotStorage(store.collection('botstate'), { singleWriter: store.kind === 'embedded' });
    const scrubText = (text: string) => scrub(text).text;
    const content = await services.content();
    const directory = content.directory;
    const staffTools = createStaffToolsFeature({
      roleOf: teamsStaffRole(config.TEAMS_STAFF ?? []),
      threshold: config.SUPPRESSION_THRESHOLD,
      resultsUrl: config.PUBLIC_URL
        ? (surveyId) => `${config.PUBLIC_URL!.replace(/\/$/, '')}/cicc/surveys/${surveyId}`
        : undefined,
      surveyCounts: () => publishedSurveyCounts(surveys.catalogue, surveys.tallies, config.SUPPRESSION_THRESHOLD),
    });
    // Loaded before listening (from the model cache npm run build fills), so the first message is answered at once.
    const understander = await services.understander();
    const assembled = createBot({
      storage,
      services: { directory, isOpenAt, t: createTranslator(), clock },
      scrub: scrubText,
      surveys,
      staffTools,
      understander: async () => understander,
    });
    const adapter = createAdapter(config, logger, assembled.onTurnError);
    for (const middleware of assembled.middleware) adapter.use(middleware);
    adapter.use(teamsButtons());

    const server = createHttpServer(logger, { hsts: Boolean(config.PUBLIC_URL?.startsWith('https://')) });
    const inFlight = { count: 0 };
    const limiter = createRateLimiter(config.RATE_LIMIT_PER_MINUTE);
    registerMessagesRoute(server, { config, adapter, logic: assembled.logic, logger, inFlight, limiter });
    server.get('/healthz', async (_req, res) => {
      try {
        await store.ping();
        // Reachable is not enough: a full or read-only disk shows only when something is written.
        await store.collection('health').updateOne({ _id: 'probe' }, { $set: { at: clock() } }, { upsert: true });
        res.json({ status: 'ok' });
      } catch (error) {
        logger.warn(
          { err: { name: (error as Error).name, message: (error as Error).message } },
          'health check: the store cannot write',
        );
        res.status(503);
        res.json({ status: 'unavailable' });
      }
    });
    await registerDirectLine(server, {
      store,
      runTurn: async (activity) => {
        inFlight.count += 1;
        try {
          return await adapter.runExpectReplies(activity, assembled.logic);
        } finally {
          inFlight.count -= 1;
        }
      },
      tokenSecret: keys.directLine,
      clock,
      logger,
      botId: config.MICROSOFT_APP_ID ?? 'care-leavers-bot',
      botName: 'Care leavers chat',
      scrubText,
      limiter,
    });
    registerWebChatPage(server, { directLineSecret: config.DIRECTLINE_SECRET, logger });
    registerStaffRoutes(server, {
      surveys,
      content,
      clock,
      staff,
      signInLimit: config.RATE_LIMIT_PER_MINUTE > 0 ? createSignInLimit() : NO_SIGN_IN_LIMIT,
      threshold: config.SUPPRESSION_THRESHOLD,
      publicUrl: config.PUBLIC_URL,
      logger,
    });

    await new Promise<void>((resolve, reject) => {
      // restify re-emits the listen error on its own server: both are handled, so a busy port is one clear line.
      server.server.once('error', reject);
      server.once('error', reject);
      server.listen(config.PORT, config.HOST, () => resolve());
    });
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = `http://${host}:${address.port}`;
    logger.info({ url, store: store.kind, localMode: config.localMode }, 'listening');

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.server.closeIdleConnections();
        const deadline = Date.now() + config.SHUTDOWN_TIMEOUT_MS;
        while (inFlight.count > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
        server.server.closeAllConnections();
        await closed;
        await services.close();
        logger.info({ unfinishedTurns: inFlight.count }, 'stopped');
      })());
    return { url, config, logger, store, services, server, close };
  } catch (error) {
    await services.close();
    throw error;
  }
}
