#!/usr/bin/env node
/**
 * Compiles the TypeScript only when a source file is newer than the last build, so `npm start` and `npm run admin`
 * on an unchanged tree start at once (tsc itself takes several seconds even when there is nothing to do).
 */
'use strict';
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const SOURCES = ['bot', 'cli', 'bench', 'app', 'staff', 'dialogs', 'content', 'surveys', 'store', 'lib', 'types'];
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
// Written after every successful compile (tsc leaves its own build info untouched when nothing changed).
const stamp = path.join(root, 'dist', '.compiled-at');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = Math.max(
  ...SOURCES.map((dir) => newest(path.join(root, dir))),
  ...CONFIGS.map((file) => (existsSync(path.join(root, file)) ? statSync(path.join(root, file)).mtimeMs : 0)),
);
if (changed > built) {
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  writeFileSync(stamp, new Date().toISOString());
}
