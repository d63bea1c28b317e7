import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createHttpServer } from '../../bot/server';
import { removeDir, startTestApp } from '../helpers/app';

describe('errors never show internal text', () => {
  it('answers a failing handler with a plain 500 and no message, stack or path', async () => {
    const server = createHttpServer(pino({ level: 'silent' }));
    server.get('/boom', async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'length') at /work/main/bot/web/index.ts:131");
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/boom`);
      expect(response.status).toBe(500);
      const body = await response.text();
      expect(body).toBe('{"error":{"code":"Internal","message":"Something went wrong."}}');
    } finally {
      server.close();
    }
  });

  it('answers /assets/constructor and /assets/__proto__ with 404, not 500', async () => {
    const app = await startTestApp();
    try {
      for (const name of ['constructor', '__proto__', 'toString'])
        expect((await fetch(`${app.url}/assets/${name}`)).status).toBe(404);
    } finally {
      await app.stop();
      removeDir(app.dataDir);
    }
  });
});

describe('a torn line in a small data file', () => {
  it('is skipped with one logged warning and the server starts', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-torn-'));
    mkdirSync(path.join(dataDir, 'db'), { recursive: true });
    // Three actions written, the last cut off by a crash: a third of the file is unreadable.
    writeFileSync(
      path.join(dataDir, 'db', 'actions.db'),
      '{"_id":"a1","theme":"money"}\n{"_id":"a2","theme":"housing"}\n{"_id":"a3","the',
    );
    const app = await startTestApp({}, dataDir);
    try {
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      expect(await app.store.collection('actions').countDocuments({ _id: { $in: ['a1', 'a2'] } })).toBe(2);
      expect(app.logs.filter((line) => /unreadable line/.test(line))).toHaveLength(1);
    } finally {
      await app.stop();
      removeDir(dataDir);
    }
  });
});

describe('slow clients', () => {
  it('are given 20 s for their headers and 30 s for the whole request (Node closes the connection after that)', () => {
    const server = createHttpServer(pino({ level: 'silent' }));
    expect(server.server.headersTimeout).toBe(20_000);
    expect(server.server.requestTimeout).toBe(30_000);
  });
});
