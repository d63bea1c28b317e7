/** The check-in after a survey ("How are you feeling after that?"): a tapped button or the person's own words. */
import type { SupportedLocale, Translate } from '../../content/i18n';

const OK_WORDS = /^(?:i'?m |im )?(?:ok|okay|fine|good|great|alright|not bad|all good|yeah|yes|grand|sound)\b/;
const LOW_WORDS = new RegExp(
  [
    String.raw`\b(?:not (?:great|good|ok|okay|fine)|bad|sad|low|rubbish|upset|down|meh|worse|awful|shit|crap|`,
    String.raw`support|help|talk)\b|لست بخير|دعم|حزين`,
  ].join(''),
);

/** The check-in buttons, by locale key. */
export const CHECK_IN_KEYS = ['survey.feelOk', 'survey.feelNotGreat', 'survey.feelSupport'] as const;

/**
 * How someone says they feel: 'support' (show who can help), 'ok', or 'other' (a new message for the rest of the bot).
 * @example readCheckIn('not great tbh', t, 'en-GB') // 'support'
 */
export function readCheckIn(text: string, t: Translate, locale: SupportedLocale): 'support' | 'ok' | 'other' {
  const folded = text.trim().toLowerCase();
  const isLabel = (key: (typeof CHECK_IN_KEYS)[number]) => folded === t(locale, key).toLowerCase();
  if (isLabel('survey.feelSupport') || isLabel('survey.feelNotGreat') || LOW_WORDS.test(folded)) return 'support';
  if (isLabel('survey.feelOk') || OK_WORDS.test(folded)) return 'ok';
  return 'other';
}
