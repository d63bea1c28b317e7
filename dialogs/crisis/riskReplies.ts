/**
 * The interruptions that come before anything else, on every message and inside any dialog: a crisis gets the urgent
 * lines at once; a warning sign gets the straight question "are you safe?".
 */
import type { SupportedLocale } from '../../content/i18n';
import { SAFETY_CHECK_DIALOG, SURVEY_DIALOG } from '../ids';
import type { Message } from '../root/message';
import { crisisResponse } from './crisisResponse';
import type { SafetyCheckOptions } from './safetyCheckDialog';

/** Risk is answered in the language it was written in, whatever the page language. */
function riskLocale(message: Message): SupportedLocale {
  return message.understood.language === 'ar' ? 'ar' : message.locale;
}

/** A survey pauses (answers kept, same question later) so the next message is not taken as an answer. */
async function pauseSurvey(message: Message, locale: SupportedLocale): Promise<void> {
  if (message.dialogs.activeDialog?.id !== SURVEY_DIALOG) return;
  await message.dialogs.cancelAllDialogs();
  await message.context.sendActivity(message.services.t(locale, 'survey.crisisPaused'));
}

/**
 * A clear statement, plan, means or act: the crisis reply first, before any welcome or dialog.
 * @example row('crisis', (m) => m.understood.risk.level === 'crisis', answerCrisis)
 */
export async function answerCrisis(message: Message): Promise<void> {
  const locale = riskLocale(message);
  const { t, directory } = message.services;
  message.conversation.welcomed = true;
  await message.context.sendActivities(
    crisisResponse({
      t,
      lines: directory.crisisLines(),
      locale,
      kinds: message.understood.risk.kinds,
      age: message.user.age,
    }),
  );
  await pauseSurvey(message, locale);
  // A safety question that was waiting has been answered by this message.
  if (message.dialogs.activeDialog?.id === SAFETY_CHECK_DIALOG) await message.dialogs.cancelAllDialogs();
}

/**
 * A warning sign without a clear statement: whatever was going on stops, and the safety check asks.
 * @example row('concern', (m) => m.understood.risk.level === 'concern', askIfSafe)
 */
export async function askIfSafe(message: Message): Promise<void> {
  const locale = riskLocale(message);
  message.conversation.welcomed = true;
  await pauseSurvey(message, locale);
  await message.dialogs.cancelAllDialogs();
  await message.dialogs.beginDialog(SAFETY_CHECK_DIALOG, {
    locale,
    age: message.user.age,
    topics: message.understood.topics,
  } satisfies SafetyCheckOptions);
}
