/**
 * Understands a typed or tapped survey answer: numbers, yes/no, choices by number or words (recognizers-text for
 * English, a small table for Arabic).
 */
import { Culture, recognizeOrdinal } from '@microsoft/recognizers-text-number';
import type { SupportedLocale } from '../../content/i18n';
import type { AnswerValue, Choice, Question } from '../../surveys/schema';
import { surveyControl, type SurveyControl } from '../controlWords';
import { firstNumber, fold, yesOrNo } from './plainAnswers';

export { firstNumber, yesOrNo } from './plainAnswers';

export type ParsedAnswer =
  | { kind: 'answer'; value: AnswerValue }
  | { kind: SurveyControl }
  /** One choice of a multiple-choice question, to add to the ones picked so far. */
  | { kind: 'pick'; choiceId: string }
  | { kind: 'unclear'; reason: 'notUnderstood' | 'outOfRange' | 'tooLong' | 'empty' };

/**
 * Whether a message is a control word (skip, back, pause, done) rather than an answer; the words are in controlWords.
 * @example controlWord('finish later') // 'pause'
 */
export function controlWord(text: string): SurveyControl | undefined {
  return surveyControl(fold(text.trim()));
}

/** A choice's id and labels, folded once per choice (definitions do not change while the process runs). */
const LABELS = new WeakMap<Choice, string[]>();
function labelsOf(choice: Choice): string[] {
  let labels = LABELS.get(choice);
  if (!labels)
    LABELS.set(
      choice,
      (labels = [
        choice.id.replace(/_/g, ' '),
        choice.label['en-GB'],
        choice.label.ar,
        ...(choice.synonyms?.['en-GB'] ?? []),
        ...(choice.synonyms?.ar ?? []),
      ].map(fold)),
    );
  return labels;
}

/** Words too common to tell choices apart. */
const STOPWORDS = new Set(
  [
    'i a an the my me am is are was it its to of in on at for and or with have has had do did not no yes',
    'something else what that this than just like really so very be been im ive',
    'you your we they them there here right now',
  ]
    .join(' ')
    .split(' '),
);
/** A rough stem, so "working" meets "work" and "bills" meets "bill". */
const stem = (word: string) => word.replace(/(?:ing|ed|es|s)$/, '') || word;
const contentWords = (text: string) =>
  text
    .split(' ')
    .filter((word) => word.length > 1 && !STOPWORDS.has(word))
    .map(stem);

/** The one choice sharing the most content words with the text (labels and synonyms); undefined for none or a tie. */
function bestWordOverlap(choices: Choice[], folded: string): { choice: Choice; score: number } | undefined {
  const words = new Set(contentWords(folded));
  if (words.size === 0) return undefined;
  const scored = choices
    .map((choice) => ({
      choice,
      score: Math.max(...labelsOf(choice).map((label) => contentWords(label).filter((word) => words.has(word)).length)),
    }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
  return scored.length > 0 && (scored.length === 1 || scored[0].score > scored[1].score) ? scored[0] : undefined;
}

/** Words that can make an ordinal ("second", "3rd", "the last one"); recognizers-text is asked only if one is there. */
const ORDINAL_HINT = /\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\b/;

/**
 * Finds which choice a piece of text names: its number, its label in either language, or an age that falls in a
 * "16 to 17" label.
 */
function matchChoice(choices: Choice[], part: string): Choice | undefined {
  const folded = fold(part);
  if (!folded) return undefined;
  const exact = choices.find((choice) => labelsOf(choice).includes(folded));
  if (exact) return exact;
  const ordinal = ORDINAL_HINT.test(folded)
    ? (recognizeOrdinal(folded, Culture.English)[0]?.resolution as { value?: string } | undefined)
    : undefined;
  const position = ordinal ? Number(ordinal.value) : /^\d+$/.test(folded) ? Number(folded) : undefined;
  if (position !== undefined && position >= 1 && position <= choices.length) return choices[position - 1];
  const number = firstNumber(part, folded);
  if (number !== undefined) {
    const inRange = choices.find((choice) => {
      const range = /(\d+)\D+(\d+)/.exec(choice.label['en-GB']);
      return range ? number >= Number(range[1]) && number <= Number(range[2]) : false;
    });
    if (inRange) return inRange;
  }
  // Words: the choice whose label appears whole in the text; the longest wins ("strongly agree" over "agree").
  const padded = ` ${folded} `;
  const hits = choices
    .map((choice) => ({
      choice,
      length: Math.max(...labelsOf(choice).map((label) => (label && padded.includes(` ${label} `) ? label.length : 0))),
    }))
    .filter((hit) => hit.length > 0)
    .sort((a, b) => b.length - a.length);
  if (hits.length > 0 && (hits.length === 1 || hits[0].length > hits[1].length)) return hits[0].choice;
  // Two or more shared words ("never heard of it" -> "never heard") beat a bare yes or no; one shared word does not.
  const overlap = bestWordOverlap(choices, folded);
  if (overlap && overlap.score >= 2) return overlap.choice;
  const yesNo = yesOrNo(part, folded);
  return (yesNo ? choices.find((choice) => choice.id === yesNo) : undefined) ?? overlap?.choice;
}

/** Scale points as choices, so "agree" or "strongly agree" work like labels and numbers like positions. */
function scalePoints(question: Extract<Question, { type: 'scale' }>): Choice[] {
  const labels = question.pointLabels ?? [];
  return labels.map((label, index) => ({ id: `p${question.min + index}`, label }));
}

const STRONG = /\b(?:strongly|totally|completely|fully|really|absolutely|definitely|100|so much|massively|very much)\b/;
const NEGATED_AGREE = /\b(?:not|never|dont|do not|does not|cannot)\s+(?:\w+\s+)?agree\b/;
const MIDDLE = new RegExp(
  [
    String.raw`\b(?:not sure|unsure|dunno|do not know|neither|in between|in the middle|so so|maybe|idk|sometimes|`,
    String.raw`kind of|sort of|50 50|its okay|it is okay|okay|ok|alright|fine|meh)\b`,
  ].join(''),
);
/** "not at all", "not worried at all": the bottom of a scale. */
const NOT_AT_ALL = /\bnot\b(?:\s+\w+){0,3}\s+at all\b|^not at all\b/;

/**
 * On an agree/disagree scale, reads "don't agree", "totally agree", "not really", "unsure", "yeah" and "nah".
 * Returns the point, or undefined when the labels are not an agree scale or the words say nothing about it.
 */
function agreeScalePoint(
  question: Extract<Question, { type: 'scale' }>,
  text: string,
  folded: string,
): number | undefined {
  const labels = question.pointLabels?.map((label) => label['en-GB'].toLowerCase());
  const at = (label: string) => labels?.indexOf(label) ?? -1;
  if (!labels || at('agree') < 0 || at('disagree') < 0) return undefined;
  const strong = STRONG.test(folded) && !/\bnot really\b/.test(folded);
  let side: 'agree' | 'disagree' | 'middle' | undefined;
  if (NOT_AT_ALL.test(folded) || /\b(?:never|nobody|no one|noone|nobody ever)\b/.test(folded))
    return question.min + at(at('strongly disagree') >= 0 ? 'strongly disagree' : 'disagree');
  if (/\b(?:always|every time|all the time)\b/.test(folded))
    return question.min + at(at('strongly agree') >= 0 ? 'strongly agree' : 'agree');
  if (/\bdisagree\b/.test(folded) || NEGATED_AGREE.test(folded) || /^not really\b/.test(folded)) side = 'disagree';
  else if (/\bagree\b/.test(folded)) side = 'agree';
  else if (MIDDLE.test(folded)) side = 'middle';
  else {
    const yesNo = yesOrNo(text, folded);
    side = yesNo === 'yes' ? 'agree' : yesNo === 'no' ? 'disagree' : undefined;
  }
  if (!side) return undefined;
  const index =
    side === 'middle' ? at('not sure') : at(strong && at(`strongly ${side}`) >= 0 ? `strongly ${side}` : side);
  return index >= 0 ? question.min + index : undefined;
}

function parseScale(question: Extract<Question, { type: 'scale' }>, text: string, folded: string): ParsedAnswer {
  if (!/^\d+$/.test(folded)) {
    const point = agreeScalePoint(question, text, folded);
    if (point !== undefined) return { kind: 'answer', value: point };
  }
  if (question.pointLabels) {
    const point = matchChoice(scalePoints(question), text);
    if (point && !/^\d+$/.test(folded)) return { kind: 'answer', value: Number(point.id.slice(1)) };
  }
  const number = firstNumber(text, folded);
  if (number !== undefined)
    return number >= question.min && number <= question.max
      ? { kind: 'answer', value: number }
      : { kind: 'unclear', reason: 'outOfRange' };
  if (NOT_AT_ALL.test(folded)) return { kind: 'answer', value: question.min };
  if ([question.minLabel['en-GB'], question.minLabel.ar].map(fold).includes(folded))
    return { kind: 'answer', value: question.min };
  if ([question.maxLabel['en-GB'], question.maxLabel.ar].map(fold).includes(folded))
    return { kind: 'answer', value: question.max };
  return { kind: 'unclear', reason: 'notUnderstood' };
}

function parseMultiple(choices: Choice[], text: string): ParsedAnswer {
  if (/^(?:all|all of them|all of it|all of those|everything|every one|the lot|كلها|الكل)$/.test(fold(text))) {
    return { kind: 'answer', value: choices.filter((choice) => !choice.exclusive).map((choice) => choice.id) };
  }
  const whole = matchChoice(choices, text);
  if (whole && fold(text) === fold(whole.label['en-GB'])) return { kind: 'pick', choiceId: whole.id };
  const parts = text.split(/\s*(?:,|;|\/|&|\+|\band\b|\bو\b|،)\s*|\s+(?=\d+(?:\s|$))/i).filter((part) => part.trim());
  const picked = [
    ...new Set(parts.map((part) => matchChoice(choices, part)?.id).filter((id): id is string => Boolean(id))),
  ];
  if (picked.length === 0)
    return whole ? { kind: 'pick', choiceId: whole.id } : { kind: 'unclear', reason: 'notUnderstood' };
  if (picked.length === 1 && parts.length === 1) return { kind: 'pick', choiceId: picked[0] };
  // "bills and nothing else": a "none of these" choice only counts on its own.
  const exclusive = new Set(choices.filter((choice) => choice.exclusive).map((choice) => choice.id));
  const chosen = picked.some((id) => !exclusive.has(id)) ? picked.filter((id) => !exclusive.has(id)) : picked;
  return { kind: 'answer', value: chosen };
}

/**
 * Reads one message as an answer to a question (or a control word such as skip, back or pause).
 * @example parseAnswer(scaleQuestion, 'about 8 out of 10', 'en-GB') // { kind: 'answer', value: 8 }
 * @example parseAnswer(yesNoQuestion, 'nah', 'en-GB') // { kind: 'answer', value: 'no' }
 */
export function parseAnswer(question: Question, text: string, _locale: SupportedLocale): ParsedAnswer {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'unclear', reason: 'empty' };
  const folded = fold(trimmed);
  const control = surveyControl(folded);
  if (control && (control !== 'done' || question.type === 'multipleChoice')) return { kind: control };
  switch (question.type) {
    case 'yesNo': {
      const value = yesOrNo(trimmed, folded);
      return value ? { kind: 'answer', value } : { kind: 'unclear', reason: 'notUnderstood' };
    }
    case 'scale':
      return parseScale(question, trimmed, folded);
    case 'number': {
      const number = firstNumber(trimmed, folded);
      if (number === undefined) return { kind: 'unclear', reason: 'notUnderstood' };
      return number >= question.min && number <= question.max
        ? { kind: 'answer', value: number }
        : { kind: 'unclear', reason: 'outOfRange' };
    }
    case 'singleChoice': {
      const choice = matchChoice(question.choices, trimmed);
      return choice ? { kind: 'answer', value: choice.id } : { kind: 'unclear', reason: 'notUnderstood' };
    }
    case 'multipleChoice':
      return parseMultiple(question.choices, trimmed);
    case 'freeText':
      return trimmed.length > question.maxLength
        ? { kind: 'unclear', reason: 'tooLong' }
        : { kind: 'answer', value: trimmed };
  }
}
