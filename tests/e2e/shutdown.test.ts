import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeDir, say } from '../helpers/app';

const root = path.resolve(__dirname, '../..');

function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string; ready: Promise<string> } {
  const child = spawn(process.execPath, ['-r', './tests/helpers/swcRegister.js', 'bot/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20000);
    child.stdout!.on('data', () => {
      const url = /open (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`server exited: ${output}`));
    });
  });
  ready.catch(() => undefined); // a test that expects the server to refuse to start never awaits it
  return { child, output: () => output, ready };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('the server process', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-proc-'));
  afterAll(() => removeDir(dataDir));

  it('finishes, flushes and exits 0 within 10 seconds of SIGTERM', async () => {
    const server = startServer({ DATA_DIR: dataDir });
    const url = await server.ready;
    const reply = await say(url, 'hi', { conversationId: 'term-1' });
    expect(reply.activities.length).toBeGreaterThan(0);
    const started = Date.now();
    const exit = exited(server.child);
    server.child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(Date.now() - started).toBeLessThan(10000);
  });

  it('stops before listening with one clear line when a variable is bad', async () => {
    const server = startServer({ DATA_DIR: dataDir, HOST: '0.0.0.0' });
    const code = await exited(server.child);
    expect(code).not.toBe(0);
    const lines = server.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid HOST \(got "0.0.0.0"\): must be a loopback address/);
  });
});
