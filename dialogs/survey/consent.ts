/** Asking for consent before a survey, and reading the reply: a tapped button, a yes or no, or something else. */
import { ActionTypes, MessageFactory, type Activity } from 'botbuilder';
import type { SupportedLocale, Translate } from '../../content/i18n';
import { normalise } from '../understanding/normalise';
import { controlWord } from './answerParser';
import { yesOrNo } from './plainAnswers';

const READY = /^(?:start|go|let us|lets|begin|okay|fine|alright|sound|why not|do it|ready|happy|yes please)\b/;

/**
 * The consent question with its two buttons.
 * @example await context.sendActivity(consentActivity(t, 'en-GB', survey.consent['en-GB']));
 */
export function consentActivity(t: Translate, locale: SupportedLocale, text: string): Partial<Activity> {
  const button = (key: string) => ({ type: ActionTypes.ImBack, title: t(locale, key), value: t(locale, key) });
  return MessageFactory.suggestedActions([button('survey.consentYes'), button('survey.consentNo')], text);
}

/**
 * 'yes', 'no' ("stop" and "not now" too), 'elsewhere' when they are doing something else ("what changed?", a need,
 * anything longer than two words), or 'unclear' (ask again).
 * @example readConsent('lets go', t, 'en-GB', 0) // 'yes'
 */
export function readConsent(
  text: string,
  t: Translate,
  locale: SupportedLocale,
  needsInMessage: number,
): 'yes' | 'no' | 'elsewhere' | 'unclear' {
  const folded = text.trim().toLowerCase();
  const words = normalise(text);
  const saidNo =
    folded === t(locale, 'survey.consentNo').toLowerCase() || yesOrNo(text) === 'no' || controlWord(text) === 'pause';
  if (saidNo) return 'no';
  const saidYes =
    folded === t(locale, 'survey.consentYes').toLowerCase() || READY.test(words) || yesOrNo(text) === 'yes';
  if (saidYes) return 'yes';
  return words.split(' ').length > 2 || needsInMessage > 0 ? 'elsewhere' : 'unclear';
}
