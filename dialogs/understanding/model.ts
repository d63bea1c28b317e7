/**
 * Gets a trained Understander: from the model cache when the corpora have not changed since it was trained,
 * otherwise by training (a few seconds) and caching the result. `npm run build` trains ahead, so start-up only loads.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import {
  batchExamples,
  corpusFiles,
  jsonFiles,
  loadAllBatches,
  loadCorpus,
  UNDERSTANDING_DIR,
  type Example,
} from '../../content/understanding/corpus';
import { DEFINITIONS_DIR as SURVEY_DEFINITIONS_DIR } from '../../surveys/catalogue';
import { projectPath } from '../../lib/paths';
import { normalise } from './normalise';
import { TRAINING } from './classifier';
import { CONTROL_WORDS } from '../controlWords';
import { interfaceExamples } from './interfaceWords';
import { decodeModel, encodeModel, MODEL_FILE_FORMAT } from './modelFile';
import { Understander } from './understand';

/**
 * Bumped when the features or the training sets change (v6: text speak such as "tkn" and "lyf"; the risk model also
 * learns each sentence of a harmless message alone); the training settings are part of it, so an old cached model is
 * never used with new code.
 */
const MODEL_FORMAT = [
  `softmax-stems-letters-v7 ${MODEL_FILE_FORMAT} ${JSON.stringify(TRAINING)}`,
  // The control words are learned as "not a risk" (interfaceWords.ts) but live in code, not in a content file.
  JSON.stringify(CONTROL_WORDS),
].join(' ');

/** node_modules/.cache is where tools keep rebuildable caches; it is never committed. */
export const MODEL_CACHE_DIR = projectPath('node_modules', '.cache', 'care-leavers-bot');

/**
 * Everything the models learn from: the corpora, the bot's own buttons and survey answers as "not a risk", and the
 * batches trained on after their first run. Batches kept for measuring play no part, so adding one never changes the
 * model; a message one of them shares word for word with these ("what is this", "kms") is left out of its figures
 * instead (see `withoutSeen`), so the bot keeps learning from the short messages people type most.
 */
export function trainingExamples(dir = UNDERSTANDING_DIR): Example[] {
  const trainedBatches = loadAllBatches(dir).filter((batch) => batch.trainedOn);
  return [...loadCorpus(dir), ...interfaceExamples(), ...trainedBatches.flatMap(batchExamples)];
}

/** The training messages, normalised, to leave out of measured figures. @example seenTexts().has('what is this') */
export function seenTexts(examples = trainingExamples()): Set<string> {
  return new Set(examples.map((example) => normalise(example.text)));
}

/** Every file the training examples come from: corpora, measured batches, locale buttons, survey answers. */
function sourceFiles(): string[] {
  const contentDir = path.resolve(UNDERSTANDING_DIR, '..');
  return [
    ...corpusFiles(),
    ...jsonFiles(path.join(UNDERSTANDING_DIR, 'fresh')),
    ...jsonFiles(path.join(UNDERSTANDING_DIR, 'everyday')),
    ...jsonFiles(path.join(contentDir, 'locales')),
    ...jsonFiles(SURVEY_DEFINITIONS_DIR),
  ];
}

/**
 * The cache file for the current sources (and this model format), found from the files' bytes alone, so that
 * start-up need not read and check fourteen thousand examples just to find the model.
 */
export function modelCachePath(dir = MODEL_CACHE_DIR): string {
  const hash = createHash('sha256').update(MODEL_FORMAT);
  for (const file of sourceFiles()) hash.update(path.basename(file)).update(readFileSync(file));
  return path.join(dir, `understanding-${hash.digest('hex').slice(0, 16)}.model`);
}

/**
 * Loads the cached model for the current corpora, or trains and caches one.
 * @example const understander = await loadUnderstander();
 */
export async function loadUnderstander(cacheDir = MODEL_CACHE_DIR): Promise<Understander> {
  const file = modelCachePath(cacheDir);
  try {
    return Understander.fromParts(decodeModel(await readFile(file)));
  } catch {
    // No cached model for these corpora yet (or a torn one): train and cache.
  }
  const understander = Understander.train(trainingExamples());
  try {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, encodeModel(understander.parts()));
    renameSync(partial, file);
    // Models for corpora that have since changed are of no more use.
    for (const name of readdirSync(cacheDir))
      if (/^understanding-[0-9a-f]+\.(json|model)$/.test(name) && path.join(cacheDir, name) !== file)
        rmSync(path.join(cacheDir, name), { force: true });
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
