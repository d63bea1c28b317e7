import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeDir, say } from '../helpers/app';
import { exited, startServer } from '../helpers/serverProcess';

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
