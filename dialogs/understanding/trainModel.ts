/**
 * Run by `npm run build`: trains the understanding models from content/understanding into the model cache, once per
 * corpus change.
 */
import { existsSync } from 'node:fs';
import { loadUnderstander, modelCachePath } from './model';

const started = Date.now();
// Already trained for these corpora: nothing to do (loading the model just to check would cost a second a start).
const ready = existsSync(modelCachePath()) ? Promise.resolve() : loadUnderstander().then(() => undefined);
ready
  .then(() =>
    console.error(`understanding model ready (${((Date.now() - started) / 1000).toFixed(1)} s): ${modelCachePath()}`),
  )
  .catch((error: unknown) => {
    console.error(`could not train the understanding model: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
