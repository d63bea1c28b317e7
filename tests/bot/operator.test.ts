import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadDotEnv } from '../../app/dotenv';

describe('operator papercuts', () => {
  it('reads .env values, and real environment variables win', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'clb-env-'));
    const file = path.join(dir, '.env');
    writeFileSync(file, '# a comment\nPORT=4100\nLOG_LEVEL="warn"\n');
    const env: Record<string, string | undefined> = { LOG_LEVEL: 'error' };
    expect(loadDotEnv(env, file)).toEqual(['PORT']);
    expect(env).toEqual({ PORT: '4100', LOG_LEVEL: 'error' });
    expect(loadDotEnv(env, path.join(dir, 'missing.env'))).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('says in one line that the port is in use, and keeps data files private', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-port-'));
    const child = spawn(process.execPath, ['-r', './tests/helpers/swcRegister.js', 'bot/main.ts'], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    blocker.close();
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      `Port ${port} on 127.0.0.1 is already in use: stop the other program, or set PORT to a free port.`,
    ]);
    // What it wrote before giving up (the store) is for this user only.
    expect(statSync(path.join(dataDir, 'db')).mode & 0o077).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  }, 60000);
});
