/**
 * The model cache's file format: a length, a small JSON header (labels, biases, sizes) and then binary sections: for
 * each model its weights as raw 32-bit floats and its feature table (featureIndex.ts); the "seen" messages as a table
 * of the same kind with a label for each row; and the texts (both vocabularies, the seen messages) as UTF-8, read only
 * if the model is saved again. A start loads every section as a view on the file's bytes, so nothing is parsed or
 * built per feature or per message (parsing 7 MB of JSON and building the Maps took a quarter of a second of every
 * start). Typed arrays are little-endian on every machine Node runs on here (x64, arm64); the file is a rebuildable
 * cache, never shipped between machines.
 */
import { z } from 'zod';
import { Label } from '../../content/understanding/labels';
import type { SoftmaxModelParts } from './softmaxModel';
import type { UnderstandingModelParts } from './understand';

/** Part of the cache file's name (model.ts), so a new format never meets an old file. */
export const MODEL_FILE_FORMAT = 'CLB-MODEL-5';

const Count = z.number().int().nonnegative();
const ModelHeader = z.object({
  labels: z.array(z.string()),
  bias: z.array(z.number()),
  features: Count,
  /** Slots in the feature table (a power of two). */
  slots: Count,
  /** Bytes of the vocabulary's text (features one per line: a feature never holds a line break). */
  vocabularyBytes: Count,
});
const SeenHeader = z.object({
  /** Every label a seen message has, once; each row of the table holds an index into it. */
  labels: z.array(Label),
  count: Count,
  slots: Count,
  /** Bytes of the seen messages' text, one per line (normalised text never holds a line break). */
  textBytes: Count,
});
const Header = z.object({
  format: z.literal(MODEL_FILE_FORMAT),
  risk: ModelHeader,
  intent: ModelHeader,
  seen: SeenHeader,
});

const paddedTo4 = (length: number) => Math.ceil(length / 4) * 4;
type Section = Float32Array | Int32Array | Uint32Array | Buffer;

function modelSections(parts: SoftmaxModelParts): { header: z.infer<typeof ModelHeader>; sections: Section[] } {
  const { table } = parts;
  const vocabulary = Buffer.from(parts.vocabulary().join('\n'));
  return {
    header: {
      labels: parts.labels,
      bias: parts.bias,
      features: parts.features,
      slots: table.rows.length,
      vocabularyBytes: vocabulary.length,
    },
    sections: [parts.weights, table.rows, table.checks, vocabulary],
  };
}

/** @example writeFileSync(file, encodeModel(understander.parts())) */
export function encodeModel(parts: UnderstandingModelParts): Buffer {
  const risk = modelSections(parts.risk);
  const intent = modelSections(parts.intent);
  const { table: seenTable, labels } = parts.seenTable;
  const seenLabels = [...new Set(labels)];
  const seenRows = Int32Array.from(labels, (label) => seenLabels.indexOf(label));
  const seenText = Buffer.from(
    parts
      .seen()
      .map(([text]) => text)
      .join('\n'),
  );
  const json = Buffer.from(
    JSON.stringify({
      format: MODEL_FILE_FORMAT,
      risk: risk.header,
      intent: intent.header,
      seen: { labels: seenLabels, count: labels.length, slots: seenTable.rows.length, textBytes: seenText.length },
    }),
  );
  const sections: Section[] = [
    ...risk.sections,
    ...intent.sections,
    seenTable.rows,
    seenTable.checks,
    seenRows,
    seenText,
  ];
  const start = paddedTo4(4 + json.length);
  const file = Buffer.alloc(start + sections.reduce((sum, section) => sum + paddedTo4(section.byteLength), 0));
  file.writeUInt32LE(json.length, 0);
  json.copy(file, 4);
  let at = start;
  for (const section of sections) {
    Buffer.from(section.buffer, section.byteOffset, section.byteLength).copy(file, at);
    at += paddedTo4(section.byteLength);
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
  const header = Header.parse(JSON.parse(file.toString('utf8', 4, 4 + length)));
  let at = paddedTo4(4 + length);
  const take = (bytes: number): { offset: number; aligned: boolean } => {
    if (at + bytes > file.length) throw new Error('The model file is cut short');
    const offset = file.byteOffset + at;
    at += paddedTo4(bytes);
    return { offset, aligned: offset % 4 === 0 };
  };
  // Views when the bytes are aligned (a file read on its own always is), copies otherwise.
  const words = <T>(count: number, make: (buffer: ArrayBufferLike, offset: number, count: number) => T): T => {
    const { offset, aligned } = take(count * 4);
    return aligned ? make(file.buffer, offset, count) : make(file.buffer.slice(offset, offset + count * 4), 0, count);
  };
  const floats = (count: number) => words(count, (b, o, n) => new Float32Array(b, o, n));
  const ints = (count: number) => words(count, (b, o, n) => new Int32Array(b, o, n));
  const unsigned = (count: number) => words(count, (b, o, n) => new Uint32Array(b, o, n));
  const lines = (bytes: number): (() => string[]) => {
    const { offset } = take(bytes);
    const start = offset - file.byteOffset;
    let read: string[] | undefined;
    return () => (read ??= bytes ? file.toString('utf8', start, start + bytes).split('\n') : []);
  };
  const model = (model: z.infer<typeof ModelHeader>): SoftmaxModelParts => ({
    labels: model.labels,
    bias: model.bias,
    features: model.features,
    weights: floats(model.features * model.labels.length),
    table: { rows: ints(model.slots), checks: unsigned(model.slots) },
    vocabulary: lines(model.vocabularyBytes),
  });
  const risk = model(header.risk);
  const intent = model(header.intent);
  const seenTable = { rows: ints(header.seen.slots), checks: unsigned(header.seen.slots) };
  const seenRows = ints(header.seen.count);
  const seenTexts = lines(header.seen.textBytes);
  if (at !== file.length) throw new Error('The model file has bytes left over');
  const labelOf = (row: number): Label => {
    const label = header.seen.labels[seenRows[row]];
    if (label === undefined) throw new Error('The model file is damaged: a seen message has no label');
    return label as Label;
  };
  return {
    risk,
    intent,
    seenTable: { table: seenTable, labels: Array.from(seenRows, (_, row) => labelOf(row)) },
    seen: () => seenTexts().map((text, row): [string, Label] => [text, labelOf(row)]),
  };
}
