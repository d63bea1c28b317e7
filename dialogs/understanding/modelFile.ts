/**
 * The model cache's file format: a length, a JSON header (labels, vocabularies, biases, the "seen" messages) and then
 * the weights as raw 32-bit floats, which load as a view on the file's bytes instead of 18 MB of base64 text to parse
 * and decode (that took a third of a second of every start). Float32Array is little-endian on every machine Node
 * runs on here (x64, arm64); the file is a rebuildable cache, never shipped between machines.
 */
import { z } from 'zod';
import { Label } from '../../content/understanding/labels';
import type { SoftmaxModelParts } from './softmaxModel';
import type { UnderstandingModelParts } from './understand';

/** Part of the cache file's name (model.ts), so a new format never meets an old file. */
export const MODEL_FILE_FORMAT = 'CLB-MODEL-3';
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
  bias: z.array(z.number()),
});
const Header = z.object({ format: z.literal(MODEL_FILE_FORMAT), risk: ModelHeader, intent: ModelHeader, seen: Seen });

const header = ({ labels, vocabulary, bias }: SoftmaxModelParts) => ({
  labels,
  vocabulary: vocabulary.join('\n'),
  bias,
});
const paddedTo4 = (length: number) => Math.ceil(length / 4) * 4;

/** @example writeFileSync(file, encodeModel(understander.parts())) */
export function encodeModel(parts: UnderstandingModelParts): Buffer {
  const json = Buffer.from(
    JSON.stringify({
      format: MODEL_FILE_FORMAT,
      risk: header(parts.risk),
      intent: header(parts.intent),
      seen: parts.seen,
    }),
  );
  const start = paddedTo4(4 + json.length);
  const weights = [parts.risk.weights, parts.intent.weights];
  const file = Buffer.alloc(start + weights.reduce((sum, array) => sum + array.byteLength, 0));
  file.writeUInt32LE(json.length, 0);
  json.copy(file, 4);
  let at = start;
  for (const array of weights) {
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
  const weightsFor = (vocabulary: string[], model: z.infer<typeof ModelHeader>): Float32Array => {
    const count = vocabulary.length * model.labels.length;
    if (at + count * 4 > file.length) throw new Error('The model file is cut short');
    // A view when the bytes are aligned (a file read on its own always is), a copy otherwise.
    const offset = file.byteOffset + at;
    const weights =
      offset % 4 === 0
        ? new Float32Array(file.buffer, offset, count)
        : new Float32Array(file.buffer.slice(offset, offset + count * 4));
    at += count * 4;
    return weights;
  };
  const model = (header: z.infer<typeof ModelHeader>): SoftmaxModelParts => {
    const vocabulary = header.vocabulary ? header.vocabulary.split('\n') : [];
    return { labels: header.labels, vocabulary, bias: header.bias, weights: weightsFor(vocabulary, header) };
  };
  const parts = { risk: model(risk), intent: model(intent), seen };
  if (at !== file.length) throw new Error('The model file has bytes left over');
  return parts;
}
