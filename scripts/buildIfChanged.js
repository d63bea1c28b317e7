#!/usr/bin/env node
/**
 * Compiles the TypeScript only when a source file is newer than the last build, so `npm start` and `npm run admin`
 * on an unchanged tree start at once (tsc itself takes several seconds even when there is nothing to do).
 * Run it (`node scripts/buildIfChanged.js [--model]`) or require it: `scripts/start.js` checks in the same process as
 * the server, which saves starting Node twice.
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

function newest(dir, extension = '.ts') {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full, extension));
    else if (entry.name.endsWith(extension)) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

/** @param {{ model?: boolean }} options with model: also train the understanding model if its examples changed */
function buildIfChanged({ model = false } = {}) {
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

  // With --model (npm start): train the understanding model only when no cached model is newer than the code and the
  // examples it learns from. Checking file times costs milliseconds; loading the model code to check its hash costs
  // most of a second (the server still checks the hash, and trains if it must).
  if (model) {
    const cacheDir = path.join(root, 'node_modules', '.cache', 'care-leavers-bot');
    const models = existsSync(cacheDir)
      ? readdirSync(cacheDir).filter((name) => /^understanding-.*\.model$/.test(name))
      : [];
    const newestModel = Math.max(0, ...models.map((name) => statSync(path.join(cacheDir, name)).mtimeMs));
    const newestInput = Math.max(
      statSync(stamp).mtimeMs,
      newest(path.join(root, 'content'), '.json'),
      newest(path.join(root, 'surveys', 'definitions'), '.json'),
    );
    if (newestInput > newestModel) {
      const train = spawnSync(
        process.execPath,
        [path.join(root, 'dist', 'dialogs', 'understanding', 'trainModel.js')],
        {
          cwd: root,
          stdio: 'inherit',
        },
      );
      if (train.status !== 0) process.exit(train.status ?? 1);
    }
  }
}

if (require.main === module) buildIfChanged({ model: process.argv.includes('--model') });
module.exports = { buildIfChanged };
