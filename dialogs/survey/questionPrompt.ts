/**
 * Renders a survey question as one short message: "Question n of m", the question, a hint, and buttons for every
 * choice plus skip, back and pause.
 */
import { ActionTypes, MessageFactory, type Activity, type CardAction } from 'botbuilder';
import type { SupportedLocale, Translate } from '../../content/i18n';
import { progressOf } from '../../surveys/engine';
import type { Answer, Choice, Question, SurveyDefinition } from '../../surveys/schema';

const imBack = (title: string): CardAction => ({ type: ActionTypes.ImBack, title, value: title });

/** The words a button shows for each answer a question takes. */
export function answerLabels(question: Question, locale: SupportedLocale, t: Translate): string[] {
  switch (question.type) {
    case 'yesNo':
      return [t(locale, 'survey.yes'), t(locale, 'survey.no')];
    case 'scale':
      if (question.pointLabels) return question.pointLabels.map((label) => label[locale]);
      return Array.from({ length: question.max - question.min + 1 }, (_, index) => String(question.min + index));
    case 'singleChoice':
    case 'multipleChoice':
      return question.choices.map((choice) => choice.label[locale]);
    default:
      return [];
  }
}

function hint(question: Question, locale: SupportedLocale, t: Translate): string | undefined {
  switch (question.type) {
    case 'scale':
      return question.pointLabels
        ? undefined
        : t(locale, 'survey.hintScale', {
            min: question.min,
            max: question.max,
            minLabel: question.minLabel[locale],
            maxLabel: question.maxLabel[locale],
          });
    case 'multipleChoice':
      return t(locale, 'survey.hintMultiple');
    case 'freeText':
      return t(locale, 'survey.hintFreeText', { max: question.maxLength });
    case 'number':
      return t(locale, 'survey.hintNumber', { min: question.min, max: question.max });
    default:
      return undefined;
  }
}

/** Skip, prefer not to say, back (when there is something to go back to) and pause: on every question. */
export function controlButtons(locale: SupportedLocale, t: Translate, canGoBack: boolean): CardAction[] {
  return [
    t(locale, 'survey.skip'),
    t(locale, 'survey.preferNot'),
    ...(canGoBack ? [t(locale, 'survey.back')] : []),
    t(locale, 'survey.pause'),
  ].map(imBack);
}

/**
 * The message that asks a question.
 * @example questionActivity({ survey, question, answers: [], locale: 'en-GB', t }) // text starts "Question 1 of 15"
 */
export function questionActivity(args: {
  survey: SurveyDefinition;
  question: Question;
  answers: Answer[];
  locale: SupportedLocale;
  t: Translate;
  lead?: string;
}): Partial<Activity> {
  const { survey, question, answers, locale, t } = args;
  const { n, m } = progressOf(survey, answers, question.id);
  const numbered =
    question.type === 'multipleChoice'
      ? question.choices.map((choice, index) => `${index + 1}. ${choice.label[locale]}`).join('\n')
      : undefined;
  const parts = [
    args.lead,
    `**${t(locale, 'survey.progress', { n, m })}**`,
    question.text[locale],
    numbered,
    hint(question, locale, t),
  ].filter(Boolean);
  const buttons = [
    ...answerLabels(question, locale, t).map(imBack),
    ...(question.type === 'multipleChoice' ? [imBack(t(locale, 'survey.done'))] : []),
    ...controlButtons(locale, t, answers.length > 0),
  ];
  const activity = MessageFactory.suggestedActions(buttons, parts.join('\n\n'));
  activity.speak = `${t(locale, 'survey.progress', { n, m })}. ${question.text[locale]}`;
  return activity;
}

/** Buttons for the choices not picked yet on a multiple-choice question, with Done. */
export function remainingChoicesActivity(args: {
  choices: Choice[];
  picked: string[];
  locale: SupportedLocale;
  t: Translate;
  canGoBack: boolean;
}): Partial<Activity> {
  const { choices, picked, locale, t } = args;
  const names = choices.filter((choice) => picked.includes(choice.id)).map((choice) => choice.label[locale]);
  const remaining = choices
    .filter((choice) => !picked.includes(choice.id))
    .map((choice) => imBack(choice.label[locale]));
  return MessageFactory.suggestedActions(
    [imBack(t(locale, 'survey.done')), ...remaining, ...controlButtons(locale, t, args.canGoBack)],
    t(locale, 'survey.picked', { choices: names.join(', ') }),
  );
}

/**
 * What to say before asking a question again after a reply that was not an answer: the range, the length limit, or
 * "I didn't get that" (said more plainly the second time).
 * @example unclearLead(t, 'en-GB', scaleQuestion, 'outOfRange', 1) // "Please pick a number from 0 to 10."
 */
export function unclearLead(
  t: Translate,
  locale: SupportedLocale,
  question: Question,
  reason: 'notUnderstood' | 'outOfRange' | 'tooLong' | 'empty',
  misses: number,
): string {
  const range =
    question.type === 'scale' || question.type === 'number'
      ? { min: question.min, max: question.max }
      : question.type === 'freeText'
        ? { max: question.maxLength }
        : {};
  const key =
    reason === 'outOfRange'
      ? 'survey.outOfRange'
      : reason === 'tooLong'
        ? 'survey.tooLong'
        : misses > 1
          ? 'survey.unclearAgain'
          : 'survey.unclear';
  return t(locale, key, range);
}
