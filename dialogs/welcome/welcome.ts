/** The welcome, short enough for a phone: what the bot is and is not, urgent help in one line, and a menu of six. */
import { MessageFactory, type Activity } from 'botbuilder';
import type { SupportedLocale, Translate } from '../../content/i18n';
import type { CrisisLine } from '../../content/schema';
import { compactCrisisLine } from '../crisis/crisisLines';
import { menuActions } from '../menu/menu';

/**
 * The welcome messages, in order.
 * @example await context.sendActivities(welcomeActivities({ t, lines: directory.crisisLines(), locale: 'en-GB' }))
 */
export function welcomeActivities(args: {
  t: Translate;
  lines: CrisisLine[];
  locale: SupportedLocale;
}): Partial<Activity>[] {
  const { t, locale } = args;
  const urgent = t(locale, 'welcome.urgentShort', { lines: compactCrisisLine(args.lines, locale) });
  return [
    MessageFactory.text(t(locale, 'welcome.short')),
    MessageFactory.suggestedActions(menuActions(t, locale), `${urgent}\n\n${t(locale, 'welcome.askAway')}`),
  ];
}
