import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { removeDir, say, startTestApp, visibleText, type TestApp } from '../helpers/app';

describe('a store that cannot write, on the real server', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop().catch(() => undefined);
    if (app) removeDir(app.dataDir);
  });

  it('reports 503 on /healthz with the reason in the log only, and still gives crisis help', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    await say(app.url, 'hi', { conversationId: 'faulty-1' });
    // The data files' folder becomes a plain file: every append now fails, as on a broken or read-only disk.
    const db = path.join(app.dataDir, 'db');
    renameSync(db, `${db}-moved`);
    writeFileSync(db, 'not a folder');
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(503);
    const body = await health.text();
    expect(body).not.toMatch(/ENOTDIR|\/tmp|db/);
    expect(app.logs.join('')).toMatch(/the store cannot write/);
    const crisis = visibleText(
      (await say(app.url, 'i want to kill myself tonight', { conversationId: 'faulty-1' })).activities,
    );
    expect(crisis).toMatch(/Samaritans[\s\S]*116 123/);
    rmSync(db);
    renameSync(`${db}-moved`, db);
    mkdirSync(db, { recursive: true });
  });
});
