/** What each label in the example corpora means: the risk it signals, or the need or command it asks for. */
import { z } from 'zod';
import { SUBJECT_IDS, SUBJECTS, TOPIC_IDS, type RiskKind, type SubjectId, type TopicId } from '../topics';

/** Crisis: a clear statement, plan, means at hand or act in progress. Concern: warning signs to ask about kindly. */
export type RiskLevel = 'crisis' | 'concern' | 'none';

/** Risk labels and the kind of crisis help each gets. */
export const RISK_LABELS = {
  'risk.suicide': { level: 'crisis', kind: 'suicide' },
  'risk.overdose': { level: 'crisis', kind: 'overdose' },
  'risk.self-harm': { level: 'crisis', kind: 'self-harm' },
  'risk.danger': { level: 'crisis', kind: 'immediate-danger' },
  'risk.someone-else': { level: 'crisis', kind: 'someone-else' },
  'risk.abuse': { level: 'crisis', kind: 'abuse' },
  'risk.sexual-violence': { level: 'crisis', kind: 'sexual-violence' },
  'risk.sexual-exploitation': { level: 'crisis', kind: 'exploitation' },
  'risk.criminal-exploitation': { level: 'crisis', kind: 'exploitation' },
  'risk.missing': { level: 'crisis', kind: 'missing' },
  'concern.hopeless': { level: 'concern', kind: 'suicide' },
} as const satisfies Record<string, { level: Exclude<RiskLevel, 'none'>; kind: RiskKind }>;
export type RiskLabel = keyof typeof RISK_LABELS;

/** The things people ask the bot itself to do or tell them. */
export const COMMANDS = [
  'greeting',
  'thanks',
  'bye',
  'menu',
  'about',
  'human',
  'privacy',
  'notSure',
  'surveys',
  'whatChanged',
  'openNow',
  'language',
] as const;
export type Command = (typeof COMMANDS)[number];

/** Not a risk: harmless messages that use risk words ("my battery's about to die") and everyday chat. */
export const NONE_LABELS = ['none.near-miss', 'none.everyday'] as const;

/** A need is a broad topic ("need.money") or a specific subject inside one ("need.council-tax"). */
export const NEED_LABELS = [...TOPIC_IDS, ...SUBJECT_IDS].map((need) => `need.${need}` as const);
export const COMMAND_LABELS = COMMANDS.map((command) => `bot.${command}` as const);
export type NeedLabel = (typeof NEED_LABELS)[number];
export type CommandLabel = (typeof COMMAND_LABELS)[number];

export const LABELS = [
  ...(Object.keys(RISK_LABELS) as RiskLabel[]),
  ...NONE_LABELS,
  ...NEED_LABELS,
  ...COMMAND_LABELS,
] as const;
export const Label = z.enum(LABELS as unknown as [string, ...string[]]);
export type Label = (typeof LABELS)[number];

export const isRiskLabel = (label: string): label is RiskLabel => label in RISK_LABELS;
export const isNeedLabel = (label: string): label is NeedLabel => label.startsWith('need.');
export const isCommandLabel = (label: string): label is CommandLabel => label.startsWith('bot.');
const needOf = (label: NeedLabel): TopicId | SubjectId => label.slice('need.'.length) as TopicId | SubjectId;
const isSubject = (need: string): need is SubjectId => Object.hasOwn(SUBJECTS, need);
const topicOfNeed = (need: TopicId | SubjectId): TopicId => (isSubject(need) ? SUBJECTS[need] : need);
// Worked out once per label: understanding asks for every label's topic on every message.
const TOPIC_OF = new Map<string, TopicId>(NEED_LABELS.map((label) => [label, topicOfNeed(needOf(label))]));
/** The broad topic a need label belongs to. @example topicOf('need.dentist') // 'health' */
export const topicOf = (label: NeedLabel): TopicId => TOPIC_OF.get(label) ?? topicOfNeed(needOf(label));
/** The specific subject of a need label, if it has one. @example subjectOf('need.dentist') // 'dentist' */
export const subjectOf = (label: NeedLabel): SubjectId | undefined => {
  const need = needOf(label);
  return isSubject(need) ? need : undefined;
};
export const commandOf = (label: CommandLabel): Command => label.slice('bot.'.length) as Command;
