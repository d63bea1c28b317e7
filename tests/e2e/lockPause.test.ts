import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { admin } from '../helpers/admin';
import { removeDir } from '../helpers/app';
import { exited, startServer } from '../helpers/serverProcess';

describe('the data directory lock', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-pause-'));
  afterAll(() => removeDir(dataDir));

  it('survives the server being paused for longer than the stale time, and the server carries on', async () => {
    const server = startServer({ DATA_DIR: dataDir });
    const url = await server.ready;
    server.child.kill('SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, 7000));
    const meanwhile = await admin(dataDir, 'surveys', 'list');
    server.child.kill('SIGCONT');
    expect(meanwhile.code).not.toBe(0);
    expect(meanwhile.err[0]).toMatch(/in use by the running server/);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
    // Stopped cleanly: the command line can use the store at once.
    expect((await admin(dataDir, 'surveys', 'list')).code).toBe(0);
  }, 60000);
});
