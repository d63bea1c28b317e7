/** Runs the real server (bot/main.ts) as a child process, for SIGTERM and kill -9 tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** Debian's libfaketime; preloaded into the server itself (the faketime wrapper would not pass SIGTERM on). */
export const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1';

/** `options.faketime` (e.g. '+400d') runs the server with its clock moved, through Debian's libfaketime. */
export function startServer(
  env: Record<string, string>,
  options: { faketime?: string } = {},
): { child: ChildProcess; output: () => string; ready: Promise<string> } {
  const clock = options.faketime
    ? { LD_PRELOAD: LIBFAKETIME, FAKETIME: options.faketime, FAKETIME_DONT_FAKE_MONOTONIC: '1' }
    : {};
  const child = spawn(process.execPath, ['-r', './tests/helpers/swcRegister.js', 'bot/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env, ...clock },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const ready = new Promise<string>((resolve, reject) => {
    // From source (SWC compiles each module as it loads) on a busy 2-core machine, start-up can take far longer than
    // the 3 s a built tree takes; these tests are about what the server does once up, not how fast it starts.
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 45000);
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

export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
