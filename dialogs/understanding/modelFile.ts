/**
 * The model cache's file format: a length, a JSON header (labels, vocabularies, biases, the "seen" messages) and then,
 * for each model, its weights as raw 32-bit floats and its feature table (featureIndex.ts), which load as views on
 * the file's bytes: nothing is parsed per feature at start-up (the vocabulary is split only if the model is saved
 * again). Typed arrays are little-endian on every machine Node runs on here (x64, arm64); the file is a rebuildable
 * cache, never shipped between machines.
 */
import { z } from 'zod';
import { Label } from '../../content/understanding/labels';
import type { SoftmaxModelParts } from './softmaxModel';
import type { UnderstandingModelParts } from './understand';

/** Part of the cache file's name (model.ts), so a new format never meets an old file. */
export const MODEL_FILE_FORMAT = 'CLB-MODEL-4';
// Checked element by element with plain loops: zod's per-element checks over 140,000 features took 70 ms a start.
const labels = new Set<string>(Label.options);
const Seen = z.custom<Array<[string, Label]>>(
  (value) =>
    Array.isArray(value) &&
    value.every(
      (pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && labels.has(pair[1]),
    ),
  'seen must be [message, label] pairs',
);
const ModelHeader = z.object({
  labels: z.array(z.string()),
  /** The features, one per line (a feature never holds a line break): one string parses far faster than an array. */
  vocabulary: z.string(),
  features: z.number().int().nonnegative(),
  /** Slots in the feature table (a power of two). */
  slots: z.number().int().positive(),
  bias: z.array(z.number()),
});
const Header = z.object({ format: z.literal(MODEL_FILE_FORMAT), risk: ModelHeader, intent: ModelHeader, seen: Seen });

const header = ({ labels, vocabulary, features, table, bias }: SoftmaxModelParts) => ({
  labels,
  vocabulary: vocabulary().join('\n'),
  features,
  slots: table!.rows.length,
  bias,
});

/** Each model's arrays, in file order. */
const arraysOf = (parts: SoftmaxModelParts) => [parts.weights, parts.table!.rows, parts.table!.checks];
const paddedTo4 = (length: number) => Math.ceil(length / 4) * 4;

/** @example writeFileSync(file, encodeModel(understander.parts())) */
export function encodeModel(parts: UnderstandingModelParts): Buffer {
  if (!parts.risk.table || !parts.intent.table) throw new Error('A model to save needs its feature table');
  const json = Buffer.from(
    JSON.stringify({
      format: MODEL_FILE_FORMAT,
      risk: header(parts.risk),
      intent: header(parts.intent),
      seen: parts.seen,
    }),
  );
  const start = paddedTo4(4 + json.length);
  const arrays = [...arraysOf(parts.risk), ...arraysOf(parts.intent)];
  const file = Buffer.alloc(start + arrays.reduce((sum, array) => sum + array.byteLength, 0));
  file.writeUInt32LE(json.length, 0);
  json.copy(file, 4);
  let at = start;
  for (const array of arrays) {
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(file, at);
    at += array.byteLength;
  }
  return file;
}

/**
 * Reads a file encodeModel wrote; throws if it is torn or of another format (the caller then trains afresh).
 * @example Understander.fromParts(decodeModel(readFileSync(file)))
 */
export function decodeModel(file: Buffer): UnderstandingModelParts {
  if (file.length < 4) throw new Error('The model file is empty');
  const length = file.readUInt32LE(0);
  if (4 + length > file.length) throw new Error('The model file is cut short');
  const { risk, intent, seen } = Header.parse(JSON.parse(file.toString('utf8', 4, 4 + length)));
  let at = paddedTo4(4 + length);
  // Views when the bytes are aligned (a file read on its own always is), copies otherwise.
  const next = <T>(count: number, make: (buffer: ArrayBufferLike, offset: number, count: number) => T): T => {
    if (at + count * 4 > file.length) throw new Error('The model file is cut short');
    const offset = file.byteOffset + at;
    at += count * 4;
    return offset % 4 === 0
      ? make(file.buffer, offset, count)
      : make(file.buffer.slice(offset, offset + count * 4), 0, count);
  };
  const model = (header: z.infer<typeof ModelHeader>): SoftmaxModelParts => {
    let vocabulary: string[] | undefined;
    return {
      labels: header.labels,
      vocabulary: () => (vocabulary ??= header.vocabulary ? header.vocabulary.split('\n') : []),
      features: header.features,
      bias: header.bias,
      weights: next(header.features * header.labels.length, (b, o, n) => new Float32Array(b, o, n)),
      table: {
        rows: next(header.slots, (b, o, n) => new Int32Array(b, o, n)),
        checks: next(header.slots, (b, o, n) => new Uint32Array(b, o, n)),
      },
    };
  };
  const parts = { risk: model(risk), intent: model(intent), seen };
  if (at !== file.length) throw new Error('The model file has bytes left over');
  return parts;
}
