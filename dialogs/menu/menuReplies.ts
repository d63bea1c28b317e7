/** The menu and language interruptions: they work anywhere, and a survey they interrupt is paused, not lost. */
import { MessageFactory } from 'botbuilder';
import type { SupportedLocale } from '../../content/i18n';
import { SURVEY_DIALOG } from '../ids';
import type { Message } from '../root/message';
import { languageActions, MENU_PAGES, menuActions } from './menu';

/**
 * Ends whatever dialog was running and shows a page of the menu, after a lead line when one is given.
 * @example await showMenu(message, t(locale, 'greeting.reply'));
 */
export async function showMenu(message: Message, lead?: string, page: keyof typeof MENU_PAGES = 'main'): Promise<void> {
  const { t } = message.services;
  const surveyPaused = message.dialogs.activeDialog?.id === SURVEY_DIALOG;
  await message.dialogs.cancelAllDialogs();
  const prompt = page === 'main' ? t(message.locale, 'menu.prompt') : t(message.locale, 'menu.morePrompt');
  const leads = [surveyPaused ? t(message.locale, 'survey.pausedByMenu') : undefined, lead, prompt].filter(Boolean);
  await message.context.sendActivity(
    MessageFactory.suggestedActions(menuActions(t, message.locale, page), leads.join('\n\n')),
  );
}

/** The menu after a line from the locale files ("Hi! I can help you find..."). @example menuAfter('greeting.reply') */
export const menuAfter =
  (key: string) =>
  (message: Message): Promise<void> =>
    showMenu(message, message.services.t(message.locale, key));

/** "More topics" or "More options": the next page of the menu. */
export function showMorePage(message: Message): Promise<void> {
  return showMenu(message, undefined, message.choice?.kind === 'more' ? 'more' : 'moreOptions');
}

/** A language button or its name typed ("arabic"): kept for this person, and the menu shown in it. */
export async function switchLanguage(message: Message): Promise<void> {
  const locale = (message.choice as { locale: SupportedLocale }).locale;
  message.user.locale = locale;
  message.locale = locale;
  await showMenu(message, message.services.t(locale, 'language.changed'));
}

/** "Change language": the language buttons. */
export async function showLanguages(message: Message): Promise<void> {
  const prompt = message.services.t(message.locale, 'language.choose');
  await message.context.sendActivity(MessageFactory.suggestedActions(languageActions(), prompt));
}
