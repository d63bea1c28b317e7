/** The welcome: what the bot is and is not, where to get urgent help, how anonymity works, and the menu. */
import { MessageFactory, type Activity } from 'botbuilder';
import type { SupportedLocale, Translate } from '../../content/i18n';
import type { CrisisLine } from '../../content/schema';
import { crisisLinesText } from '../crisis/crisisLines';
import { menuActions } from '../menu/menu';

/**
 * The welcome messages, in order.
 * @example await context.sendActivities(welcomeActivities({ t, lines: directory.crisisLines(), locale: 'en-GB' }))
 */
export function welcomeActivities(args: { t: Translate; lines: CrisisLine[]; locale: SupportedLocale }): Partial<Activity>[] {
  const { t, locale } = args;
  return [
    MessageFactory.text(`${t(locale, 'welcome.hello')} ${t(locale, 'welcome.whatIAm')}`),
    MessageFactory.text(`${t(locale, 'welcome.urgent')}\n\n${crisisLinesText(args.lines, locale)}`),
    MessageFactory.text(t(locale, 'welcome.anonymity')),
    MessageFactory.suggestedActions(menuActions(t, locale), t(locale, 'welcome.askAway')),
  ];
}
