/** Entry point for `npm start`: checks the config before anything loads, starts the server, stops on SIGTERM/SIGINT. */
import { ConfigError, loadConfig } from '../app/config';
import { prepareProcess } from '../app/process';

async function main(): Promise<void> {
  try {
    prepareProcess(process.env);
    loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  // Loaded only after the config is known good, so a bad variable gives exactly one line.
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily on purpose (see above) */
  const { startApp } = require('./app') as typeof import('./app');
  const { StoreLockedError } = require('../store/port') as typeof import('../store/port');
  /* eslint-enable @typescript-eslint/no-require-imports */
  let app: Awaited<ReturnType<typeof startApp>>;
  try {
    app = await startApp(process.env);
  } catch (error) {
    if (error instanceof StoreLockedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      const { PORT, HOST } = loadConfig(process.env);
      process.stderr.write(
        code === 'EADDRINUSE'
          ? `Port ${PORT} on ${HOST} is already in use: stop the other program, or set PORT to a free port.\n`
          : `Not allowed to listen on port ${PORT}: choose a port above 1023 with PORT.\n`,
      );
      process.exit(1);
    }
    throw error;
  }
  process.stdout.write(
    `Care leavers chatbot is running: open ${app.url}/ in your browser (${app.store.kind} store).\n`,
  );
  // A bug in one turn must not take the whole service down: log it (no message text) and keep serving.
  process.on('unhandledRejection', (reason) =>
    app.logger.error(
      { err: reason instanceof Error ? { name: reason.name, message: reason.message } : String(reason) },
      'unhandled rejection',
    ),
  );
  const stop = (signal: string) => {
    app.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), app.config.SHUTDOWN_TIMEOUT_MS + 1500);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: Error) => {
        app.logger.error({ err: { name: error.name, message: error.message } }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: Error) => {
  process.stderr.write(`Could not start: ${error.message}\n`);
  process.exit(1);
});
