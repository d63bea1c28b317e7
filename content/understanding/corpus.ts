/** Loads the labelled example messages (the corpora the classifiers learn from) and the batches kept for measuring. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectPath } from '../../lib/paths';
import { RiskKind, SubjectId, TopicId } from '../topics';
import { Label } from './labels';

/** The folder with corpus/ and fresh/ (in the source tree, also when running from dist/). */
export const UNDERSTANDING_DIR = projectPath('content', 'understanding');

export const CorpusLanguage = z.enum(['en', 'ar']);
export type CorpusLanguage = z.infer<typeof CorpusLanguage>;

const ARABIC = /[\u0600-\u06FF]/;

/** The language a message is written in, by its script. @example languageOf('بدي انتحر') // 'ar' */
export function languageOf(text: string): CorpusLanguage {
  return ARABIC.test(text) ? 'ar' : 'en';
}

const Message = z.string().trim().min(1).max(1000);

/** One corpus file: example messages per label, in one language. */
export const CorpusFile = z.object({
  locale: z.enum(['en-GB', 'ar']),
  about: z.string().min(1),
  intents: z.partialRecord(Label, z.array(Message).min(1)),
});

export interface Example {
  text: string;
  label: Label;
  language: CorpusLanguage;
}

/** First-run figures, written down once, before the batch or anything after it was trained on. */
export const FirstRun = z.object({
  measured: z.string(),
  riskCaught: z.string(),
  safeFlagged: z.string(),
  needsRight: z.string(),
  subjectsRight: z.string().optional(),
  arabicRiskCaught: z.string().optional(),
  note: z.string().optional(),
});

export const FreshKind = z.union([
  RiskKind,
  z.enum(['concern', 'sexual-exploitation', 'criminal-exploitation', 'danger']),
]);

/** A batch written by someone who had not seen the corpora, never trained on while it stays in fresh/. */
export const FreshBatch = z
  .object({
    name: z.string().min(1),
    written: z.string(),
    author: z.string().min(1),
    risk: z.array(z.object({ text: Message, kind: FreshKind.optional() })),
    safe: z.array(Message),
    needs: z.array(z.object({ text: Message, topic: z.union([TopicId, SubjectId, z.enum(['about-bot', 'human'])]) })),
    arabicRisk: z.array(Message).default([]),
    firstRun: FirstRun.optional(),
    /** The day it joined the training data, after its first run was written down; from then on it is not fresh. */
    trainedOn: z.string().optional(),
  })
  // Once trained on, a batch's later figures flatter the model: only the first run stays an honest measure.
  .refine((batch) => !batch.trainedOn || batch.firstRun, {
    path: ['firstRun'],
    message: 'a batch trained on must keep the figures of its first run',
  });
export type FreshBatch = z.infer<typeof FreshBatch>;

/** A data file failed validation; the message names the file and the failing path. */
export class CorpusValidationError extends Error {
  override readonly name = 'CorpusValidationError';
}

function parseFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const result = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new CorpusValidationError(`${path.basename(file)}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}

/** The JSON files in a folder, in name order; none when the folder is missing. */
export const jsonFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => path.join(dir, name))
    : [];

/** Every corpus file, per language folder (corpus/en, corpus/ar). */
export function corpusFiles(dir = UNDERSTANDING_DIR): string[] {
  return CorpusLanguage.options.flatMap((language) => jsonFiles(path.join(dir, 'corpus', language)));
}

/**
 * All labelled examples, validated, duplicates (same language, same words) kept once.
 * @example loadCorpus().filter((example) => example.label === 'risk.overdose')
 */
export function loadCorpus(dir = UNDERSTANDING_DIR): Example[] {
  const seen = new Set<string>();
  const examples: Example[] = [];
  for (const file of corpusFiles(dir)) {
    const corpus = parseFile(file, CorpusFile);
    const language: CorpusLanguage = corpus.locale === 'ar' ? 'ar' : 'en';
    for (const [label, texts] of Object.entries(corpus.intents) as Array<[Label, string[]]>) {
      for (const text of texts) {
        const key = `${language}\u0000${text.toLowerCase()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        examples.push({ text, label, language });
      }
    }
  }
  return examples;
}

/** Every batch written for measuring, oldest first: fresh ones and those trained on after their first run. */
export function loadAllBatches(dir = UNDERSTANDING_DIR): FreshBatch[] {
  return jsonFiles(path.join(dir, 'fresh')).map((file) => parseFile(file, FreshBatch));
}

/**
 * Everyday messages with feeling ("my mum only rings when she wants money…"), in the corpus file shape (one label,
 * none.everyday), kept in `everyday/` for measuring only: never trained on, and every one should see no risk.
 * @example loadEverydaySets().map((set) => set.messages.length)
 */
export function loadEverydaySets(dir = UNDERSTANDING_DIR): Array<{ name: string; messages: string[] }> {
  return jsonFiles(path.join(dir, 'everyday')).map((file) => ({
    name: path.basename(file, '.json'),
    messages: parseFile(file, CorpusFile).intents['none.everyday'] ?? [],
  }));
}

/** The fresh batches: never trained on. */
export function loadFreshBatches(dir = UNDERSTANDING_DIR): FreshBatch[] {
  return loadAllBatches(dir).filter((batch) => !batch.trainedOn);
}

const RISK_LABEL_OF_KIND: Record<string, Label> = {
  concern: 'concern.hopeless',
  danger: 'risk.danger',
  'immediate-danger': 'risk.danger',
  exploitation: 'risk.criminal-exploitation',
};

/** Every message in a measured batch, whatever its section. @example batchTexts(loadFreshBatches()[0]).length */
export const batchTexts = (batch: FreshBatch): string[] => [
  ...batch.risk.map((r) => r.text),
  ...batch.safe,
  ...batch.needs.map((n) => n.text),
  ...batch.arabicRisk,
];

/**
 * A measured batch as training examples (its Arabic risk messages carry no kind, so they are left out).
 * @example batchExamples(loadAllBatches()[1]).length
 */
export function batchExamples(batch: FreshBatch): Example[] {
  const example = (text: string, label: string): Example => ({
    text,
    label: label as Label,
    language: languageOf(text),
  });
  return [
    ...batch.risk.filter((r) => r.kind).map((r) => example(r.text, RISK_LABEL_OF_KIND[r.kind!] ?? `risk.${r.kind}`)),
    ...batch.safe.map((text) => example(text, 'none.near-miss')),
    ...batch.needs.map((n) =>
      example(n.text, n.topic === 'about-bot' ? 'bot.about' : n.topic === 'human' ? 'bot.human' : `need.${n.topic}`),
    ),
  ];
}
