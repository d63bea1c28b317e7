/** Run by `npm run build`: trains the understanding models from content/understanding into the model cache, once per corpus change. */
import { loadUnderstander, modelCachePath } from './model';

const started = Date.now();
loadUnderstander()
  .then(() => console.error(`understanding model ready (${((Date.now() - started) / 1000).toFixed(1)} s): ${modelCachePath()}`))
  .catch((error: unknown) => {
    console.error(`could not train the understanding model: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
