/** Honest measurement of understanding: k-fold cross-validation over the corpora and first runs on fresh batches. */
import { batchTexts, type Example, type FreshBatch } from '../../content/understanding/corpus';
import { SUBJECTS, type SubjectId, type TopicId } from '../../content/topics';
import {
  isCommandLabel,
  isNeedLabel,
  isRiskLabel,
  RISK_LABELS,
  subjectOf,
  topicOf,
  commandOf,
} from '../../content/understanding/labels';
import { scrub } from '../../surveys/anonymise/scrubber';
import { seededRandom } from '../../lib/seededRandom';
import { normalise } from './normalise';
import { Understander, withoutPersonalDetails, type Understanding } from './understand';

/** Understood as the bot understands a message on arrival: the models read it with personal details taken out. */
const asTheBotWould = (understander: Understander, text: string): Understanding =>
  understander.understand(text, undefined, {
    withoutPersonalDetails: withoutPersonalDetails(text, (piece) => scrub(piece).text),
  });

export interface Tally {
  hit: number;
  of: number;
}
const tally = (): Tally => ({ hit: 0, of: 0 });
const count = (t: Tally, hit: boolean) => {
  t.of += 1;
  if (hit) t.hit += 1;
};
export const pct = (t: Tally): string => `${t.hit}/${t.of} (${t.of ? ((100 * t.hit) / t.of).toFixed(1) : '-'}%)`;

export interface Figures {
  /** Risk messages that got crisis help or the safety question. */
  riskCaught: Tally;
  /** Crisis-level messages that got the crisis reply at once. */
  crisisAtOnce: Tally;
  /** Harmless messages that use risk words, flagged. */
  nearMissFlagged: Tally;
  /** Every other non-risk message (needs, commands, everyday), flagged. */
  otherFlagged: Tally;
  needTop1: Tally;
  needTop2: Tally;
  /** Examples labelled with a specific subject ("dentist") that had it recognised first. */
  subjectTop1: Tally;
  commands: Tally;
  misses: string[];
}

export const emptyFigures = (): Figures => ({
  riskCaught: tally(),
  crisisAtOnce: tally(),
  nearMissFlagged: tally(),
  otherFlagged: tally(),
  needTop1: tally(),
  needTop2: tally(),
  subjectTop1: tally(),
  commands: tally(),
  misses: [],
});

function score(figures: Figures, example: Example, understood: Understanding): void {
  const flagged = understood.risk.level !== 'none';
  if (isRiskLabel(example.label)) {
    count(figures.riskCaught, flagged);
    if (RISK_LABELS[example.label].level === 'crisis') count(figures.crisisAtOnce, understood.risk.level === 'crisis');
    if (!flagged) figures.misses.push(`missed ${example.label}: ${example.text}`);
    return;
  }
  if (example.label === 'none.near-miss') count(figures.nearMissFlagged, flagged);
  else count(figures.otherFlagged, flagged);
  if (flagged) figures.misses.push(`flagged ${example.label}: ${example.text}`);
  if (isNeedLabel(example.label)) {
    const topic = topicOf(example.label);
    count(figures.needTop1, understood.topics[0] === topic);
    count(
      figures.needTop2,
      understood.topics.slice(0, 2).includes(topic) ||
        (!understood.topics.length && understood.likelyTopics.slice(0, 2).includes(topic)),
    );
    const subject = subjectOf(example.label);
    if (subject) count(figures.subjectTop1, understood.subjects[0] === subject);
  }
  if (isCommandLabel(example.label)) count(figures.commands, understood.command === commandOf(example.label));
}

/** A fixed shuffle, so every run of the evaluation splits the folds the same way. */
function seededOrder<T>(items: T[], seed = 20261129): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * k-fold cross-validation: each example is understood by models trained without it.
 * @example const figures = await crossValidate(loadCorpus(), 5)
 */
export async function crossValidate(examples: Example[], k = 5): Promise<Figures> {
  const figures = emptyFigures();
  // Stratified: each label's examples are dealt round the folds.
  const folds: Example[][] = Array.from({ length: k }, () => []);
  const byLabel = new Map<string, Example[]>();
  for (const example of examples) byLabel.set(example.label, [...(byLabel.get(example.label) ?? []), example]);
  let next = 0;
  for (const group of byLabel.values()) for (const example of seededOrder(group)) folds[next++ % k].push(example);
  for (let i = 0; i < k; i += 1) {
    const understander = Understander.train(folds.filter((_, j) => j !== i).flat());
    for (const example of folds[i]) score(figures, example, asTheBotWould(understander, example.text));
  }
  return figures;
}

export interface BatchFigures {
  riskCaught: Tally;
  safeFlagged: Tally;
  needsRight: Tally;
  /** Of the needs labelled with a specific subject ("dentist"), how many had it recognised. */
  subjectsRight: Tally;
  arabicRiskCaught: Tally;
  misses: string[];
}

const FRESH_COMMANDS: Record<string, string> = { 'about-bot': 'about', human: 'human' };

/**
 * How many harmless messages (a batch's near misses, an everyday set) the bot reads as a risk, and which.
 * @example harmlessFlagged(understander, ['my battery is dying']).tally // { hit: 0, of: 1 }
 */
export function harmlessFlagged(understander: Understander, texts: string[]): { tally: Tally; flagged: string[] } {
  const flagged = texts.filter((text) => asTheBotWould(understander, text).risk.level !== 'none');
  return { tally: { hit: flagged.length, of: texts.length }, flagged };
}

/**
 * A measured batch without the messages the model was trained on word for word (two writers can both type "what is
 * this"), so its figures only count messages the model never saw; `left` says how many were kept.
 * @example withoutSeen(batch, seenTexts()).batch.risk.length
 */
export function withoutSeen(batch: FreshBatch, seen: Set<string>): { batch: FreshBatch; left: number; of: number } {
  const unseen = (text: string) => !seen.has(normalise(text));
  const kept: FreshBatch = {
    ...batch,
    risk: batch.risk.filter(({ text }) => unseen(text)),
    safe: batch.safe.filter(unseen),
    needs: batch.needs.filter(({ text }) => unseen(text)),
    arabicRisk: batch.arabicRisk.filter(unseen),
  };
  return { batch: kept, left: batchTexts(kept).length, of: batchTexts(batch).length };
}

/** Everyday messages the model was not trained on word for word. @example unseenMessages(set.messages, seenTexts()) */
export const unseenMessages = (texts: string[], seen: Set<string>): string[] =>
  texts.filter((text) => !seen.has(normalise(text)));

/**
 * How a trained understander does on a batch it never saw.
 * @example await evaluateBatch(understander, loadFreshBatches()[0])
 */
export async function evaluateBatch(understander: Understander, batch: FreshBatch): Promise<BatchFigures> {
  const figures: BatchFigures = {
    riskCaught: tally(),
    safeFlagged: tally(),
    needsRight: tally(),
    subjectsRight: tally(),
    arabicRiskCaught: tally(),
    misses: [],
  };
  for (const { text, kind } of batch.risk) {
    const flagged = asTheBotWould(understander, text).risk.level !== 'none';
    count(figures.riskCaught, flagged);
    if (!flagged) figures.misses.push(`missed ${kind}: ${text}`);
  }
  const safe = harmlessFlagged(understander, batch.safe);
  figures.safeFlagged = safe.tally;
  figures.misses.push(...safe.flagged.map((text) => `flagged: ${text}`));
  for (const { text, topic } of batch.needs) {
    const understood = asTheBotWould(understander, text);
    const subject = topic in SUBJECTS ? (topic as SubjectId) : undefined;
    const broad = subject ? SUBJECTS[subject] : topic;
    const right = FRESH_COMMANDS[topic]
      ? understood.command === FRESH_COMMANDS[topic]
      : understood.topics.slice(0, 2).includes(broad as TopicId);
    count(figures.needsRight, right);
    if (subject) count(figures.subjectsRight, understood.subjects.includes(subject));
    if (!right || (subject && !understood.subjects.includes(subject)))
      figures.misses.push(
        `need ${topic} -> ${understood.command ?? [...understood.topics, ...understood.subjects].join('+')} ` +
          `(${understood.risk.level}): ${text}`,
      );
  }
  for (const text of batch.arabicRisk) {
    const flagged = asTheBotWould(understander, text).risk.level !== 'none';
    count(figures.arabicRiskCaught, flagged);
    if (!flagged) figures.misses.push(`missed arabic: ${text}`);
  }
  return figures;
}
