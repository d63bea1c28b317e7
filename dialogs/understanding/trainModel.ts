/**
 * Run by `npm run build`: trains the understanding models from content/understanding into the model cache, once per
 * corpus change.
 */
import { existsSync, utimesSync } from 'node:fs';
import { loadUnderstander, modelCachePath } from './model';

const started = Date.now();
// Already trained for these corpora: nothing to do (loading the model just to check would cost a second a start).
// The file is touched, so `npm start`'s quick check (scripts/buildIfChanged.js) sees a model newer than the build.
const touch = () => utimesSync(modelCachePath(), new Date(), new Date());
const ready = existsSync(modelCachePath()) ? Promise.resolve(touch()) : loadUnderstander().then(() => undefined);
ready
  .then(() =>
    console.error(`understanding model ready (${((Date.now() - started) / 1000).toFixed(1)} s): ${modelCachePath()}`),
  )
  .catch((error: unknown) => {
    console.error(`could not train the understanding model: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
