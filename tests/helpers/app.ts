/** Starts the real app on a random loopback port with a fresh data directory, and talks to it with expectReplies. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Activity } from 'botbuilder';
import { startApp, type RunningApp } from '../../bot/app';
import { readable } from './bot';

export interface TestApp extends RunningApp {
  dataDir: string;
  logs: string[];
  stop(): Promise<void>;
}

/** Starts the app; `logs` collects every log line so tests can check what was written. */
export async function startTestApp(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-')),
): Promise<TestApp> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  // Tests send far faster than a person; the limits have their own tests, which set RATE_LIMIT_PER_MINUTE.
  const app = await startApp(
    { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', ...env },
    { logDestination: sink },
  );
  return {
    ...app,
    dataDir,
    logs,
    async stop() {
      await app.close();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

let counter = 0;

/** Sends one activity with deliveryMode expectReplies and returns the bot's replies. */
export async function say(
  url: string,
  text: string,
  options: {
    conversationId?: string;
    userId?: string;
    locale?: string;
    type?: string;
    name?: string;
    value?: unknown;
  } = {},
) {
  counter += 1;
  const activity = {
    type: options.type ?? 'message',
    text: options.type && options.type !== 'message' ? undefined : text,
    name: options.name,
    value: options.value,
    id: `a${counter}`,
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    locale: options.locale ?? 'en-GB',
    from: { id: options.userId ?? 'user-1', role: 'user' },
    recipient: { id: 'bot' },
    conversation: { id: options.conversationId ?? 'conv-1' },
  };
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const body = (await response.json().catch(() => ({}))) as {
    activities?: Array<{
      type: string;
      text?: string;
      attachments?: Array<{ contentType: string; content: Record<string, unknown> }>;
      suggestedActions?: { actions: Array<{ title: string }> };
    }>;
  };
  return { status: response.status, activities: body.activities ?? [] };
}

/** Everything a person would read in the replies (the same reading as the dialog tests use). */
export function visibleText(activities: Awaited<ReturnType<typeof say>>['activities']): string {
  return readable(activities as unknown as Partial<Activity>[]);
}
