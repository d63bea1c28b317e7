/**
 * How long `npm start` takes, on a built tree, until /healthz answers, and how long `npm run admin -- surveys list`
 * takes: each run several times in a fresh child process, median and worst printed (the machine is noisy).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectPath } from '../lib/paths';
import { percentile } from './load';

const RUNS = 5;
const PORT = 3979;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/** One `npm start` in a fresh data directory: seconds until /healthz answers (bounded at 60 s). */
async function timeOneStart(): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-bench-start-'));
  const started = performance.now();
  const child = spawn(npm, ['start', '--silent'], {
    cwd: projectPath(),
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (let waited = 0; waited < 60_000; waited += 10) {
      if (await healthy(`http://127.0.0.1:${PORT}/healthz`)) return (performance.now() - started) / 1000;
      await sleep(10);
    }
    throw new Error('npm start did not become healthy within 60 s');
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    await sleep(300);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function timeOneAdmin(): number {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-bench-admin-'));
  const started = performance.now();
  const run = spawnSync(npm, ['run', '--silent', 'admin', '--', 'surveys', 'list'], {
    cwd: projectPath(),
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  const seconds = (performance.now() - started) / 1000;
  rmSync(dataDir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`npm run admin -- surveys list failed (${run.status})`);
  return seconds;
}

const summary = (seconds: number[]) =>
  `median ${percentile(seconds, 50).toFixed(2)} s, worst ${Math.max(...seconds).toFixed(2)} s ` +
  `(runs: ${seconds.map((value) => value.toFixed(2)).join(', ')})`;

/** Prints start-up and CLI times (aim: both within 3 s). */
export async function startTimes(): Promise<void> {
  await timeOneStart(); // the first start after a build may train the model and fills the disk cache: not counted
  const starts: number[] = [];
  for (let run = 0; run < RUNS; run++) starts.push(await timeOneStart());
  const admin = Array.from({ length: RUNS }, timeOneAdmin);
  console.log(`\nStart-up on a built tree, ${RUNS} runs each (aim: within 3 s):`);
  console.log(`npm start until /healthz answers: ${summary(starts)}`);
  console.log(`npm run admin -- surveys list: ${summary(admin)}`);
}
