/**
 * Gets a trained Understander: from the model cache when the corpora have not changed since it was trained,
 * otherwise by training (a few seconds) and caching the result. `npm run build` trains ahead, so start-up only loads.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { corpusFingerprint, loadCorpus } from '../../content/understanding/corpus';
import { Understander, type UnderstandingModelsJSON } from './understand';

/** Bumped when features or training change, so an old cached model is not used with new code. */
const MODEL_FORMAT = 'softmax-stems-letters-v1';

/** node_modules/.cache is where tools keep rebuildable caches; it is never committed. */
export const MODEL_CACHE_DIR = path.resolve(__dirname.includes(`${path.sep}dist${path.sep}`) ? path.join(__dirname, '..', '..', '..') : path.join(__dirname, '..', '..'), 'node_modules', '.cache', 'care-leavers-bot');

export function modelCachePath(dir = MODEL_CACHE_DIR): string {
  return path.join(dir, `understanding-${corpusFingerprint(undefined, MODEL_FORMAT)}.json`);
}

/**
 * Loads the cached model for the current corpora, or trains and caches one.
 * @example const understander = await loadUnderstander();
 */
export async function loadUnderstander(cacheDir = MODEL_CACHE_DIR): Promise<Understander> {
  const file = modelCachePath(cacheDir);
  try {
    return Understander.fromJSON(JSON.parse(readFileSync(file, 'utf8')) as UnderstandingModelsJSON);
  } catch {
    // No cached model for these corpora yet (or a torn one): train and cache.
  }
  const understander = Understander.train(loadCorpus());
  try {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(understander.toJSON()));
    renameSync(partial, file);
  } catch {
    // A read-only install still works; it trains at each start instead.
  }
  return understander;
}

let shared: Promise<Understander> | undefined;

/** One Understander per process, loaded on first use. */
export function sharedUnderstander(): Promise<Understander> {
  shared ??= loadUnderstander();
  return shared;
}
