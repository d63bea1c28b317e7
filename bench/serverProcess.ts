/**
 * A server under test in its own process (`node dist/bench/serverProcess.js echo|survey`), so the bench's load
 * generator does not share its event loop: it reports its URL over IPC and, told to stop, how many responses it stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../bot/app';
import { startEchoBot } from './echoBot';
import { BENCH_SURVEY, type ServerMessage } from './protocol';

interface Running {
  url: string;
  /** Responses stored for the bench survey (null for the echo bot), then the server closed. */
  stop(): Promise<number | null>;
}

async function startSurveyServer(): Promise<Running> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-bench-'));
  const app = await startApp({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' });
  await app.services.surveys.catalogue.setStatus(BENCH_SURVEY, 'open');
  return {
    url: app.url,
    async stop() {
      const stored = await app.store.collection('responses').countDocuments({ surveyId: BENCH_SURVEY });
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      return stored;
    },
  };
}

async function main(kind: string | undefined): Promise<void> {
  process.noDeprecation = true;
  const server: Running =
    kind === 'survey'
      ? await startSurveyServer()
      : await startEchoBot().then((echo) => ({ ...echo, stop: () => echo.close().then(() => null) }));
  const send = (message: ServerMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()));
  process.on('message', (message) => {
    if (message !== 'stop') return;
    void server.stop().then(async (stored) => {
      await send({ kind: 'stopped', stored });
      process.disconnect();
    });
  });
  await send({ kind: 'ready', url: server.url });
}

if (require.main === module) {
  main(process.argv[2]).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
