/** The crisis reply: what to do first for this kind of risk, that the bot is not a service, and the lines that fit. */
import { MessageFactory, type Activity } from 'botbuilder';
import type { SupportedLocale, Translate } from '../../content/i18n';
import type { CrisisLine } from '../../content/schema';
import type { RiskKind } from '../../content/topics';
import { crisisButtonsCard, crisisLinesText, orderCrisisLines } from './crisisLines';

/**
 * For each kind: the calm first words, what to do first when that differs from the general line, and the title of
 * the call buttons (on a phone the buttons are what stays in view, so an urgent first step is repeated there).
 */
const REPLY: Record<RiskKind, { acknowledge: string; firstAction?: string; buttonsTitle?: string }> = {
  suicide: { acknowledge: 'crisis.suicide', firstAction: 'crisis.suicideFirst' },
  overdose: { acknowledge: 'crisis.overdose', buttonsTitle: 'crisis.callNowOverdose' },
  'self-harm': { acknowledge: 'crisis.self-harm', firstAction: 'crisis.self-harmFirst' },
  'immediate-danger': { acknowledge: 'crisis.immediate-danger' },
  'someone-else': { acknowledge: 'crisis.someone-else', buttonsTitle: 'crisis.callNowForThem' },
  abuse: { acknowledge: 'crisis.abuse', firstAction: 'crisis.abuseWhoCanAct' },
  'sexual-violence': { acknowledge: 'crisis.sexual-violence' },
  exploitation: { acknowledge: 'crisis.exploitation', firstAction: 'crisis.exploitationWhoCanAct' },
  missing: { acknowledge: 'crisis.missing', firstAction: 'crisis.missingWhoCanAct' },
};

/** Kinds whose first step is always 999 or A&E, so they lead whatever else the message suggests. */
const MOST_URGENT: RiskKind[] = ['overdose', 'someone-else', 'immediate-danger', 'self-harm', 'suicide'];

/** The kinds in the order the reply should address them: the most urgent first. */
export function orderKinds(kinds: RiskKind[]): RiskKind[] {
  const rank = (kind: RiskKind) => (MOST_URGENT.includes(kind) ? MOST_URGENT.indexOf(kind) : MOST_URGENT.length);
  return [...kinds].sort((a, b) => rank(a) - rank(b));
}

/**
 * Builds the crisis response activities for the kinds of risk found, most urgent first.
 * @example
 * crisisResponse({ t, lines, locale: 'en-GB', kinds: ['overdose'] })
 * // first words: "... call 999 or go to A&E now ..."
 */
export function crisisResponse(args: {
  t: Translate;
  lines: CrisisLine[];
  locale: SupportedLocale;
  kinds: RiskKind[];
  age?: number;
}): Partial<Activity>[] {
  const { t, locale } = args;
  const kinds = orderKinds(args.kinds.length ? args.kinds : ['immediate-danger']);
  const reply = REPLY[kinds[0]];
  const first = [t(locale, reply.acknowledge)];
  if (reply.firstAction) first.push(t(locale, reply.firstAction));
  const lines = orderCrisisLines(args.lines, kinds, args.age);
  const card = crisisButtonsCard(lines.slice(0, 4), t(locale, reply.buttonsTitle ?? 'crisis.callOrText'), locale);
  const activities: Partial<Activity>[] = [
    MessageFactory.text(first.join(' ')),
    MessageFactory.text(`${t(locale, 'crisis.notAService')}\n\n${crisisLinesText(lines, locale)}`),
  ];
  if (card) activities.push(MessageFactory.attachment(card));
  activities.push(MessageFactory.text(t(locale, 'crisis.carryOn')));
  return activities;
}
