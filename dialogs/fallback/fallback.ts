/**
 * No dead ends: when the bot cannot place a message it offers its best guesses, a way to say it again, and urgent help.
 */
import { MessageFactory, type Activity } from 'botbuilder';
import type { SupportedLocale, Translate } from '../../content/i18n';
import type { CrisisLine } from '../../content/schema';
import type { TopicId } from '../../content/topics';
import { compactCrisisLine } from '../crisis/crisisLines';
import { topicActions } from '../menu/menu';

/** Offered when the models have no guess at all: the needs people ask about most. */
const DEFAULT_GUESSES: TopicId[] = ['feeling-low', 'housing', 'money'];
const GUESSES = 3;

/**
 * One short reply with up to three likely topics as buttons, the menu, and one line of urgent help.
 * @example fallbackActivity({ t, lines, locale: 'en-GB', likelyTopics: ['money', 'housing'] })
 */
export function fallbackActivity(args: {
  t: Translate;
  lines: CrisisLine[];
  locale: SupportedLocale;
  likelyTopics: TopicId[];
}): Partial<Activity> {
  const { t, locale } = args;
  const guesses = [...new Set([...args.likelyTopics, ...DEFAULT_GUESSES])].slice(0, GUESSES);
  const urgent = t(locale, 'fallback.urgent', { lines: compactCrisisLine(args.lines, locale) });
  const text = `${t(locale, 'fallback.notSure')}\n\n${urgent}`;
  return MessageFactory.suggestedActions(topicActions(t, locale, guesses), text);
}
