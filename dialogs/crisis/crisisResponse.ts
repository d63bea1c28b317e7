/** The crisis reply: a calm acknowledgement for the kind of risk, who can act, that the bot is not a service, and the lines. */
import { MessageFactory, type Activity } from 'botbuilder';
import type { SupportedLocale, Translate } from '../../content/i18n';
import type { CrisisLine } from '../../content/schema';
import type { RiskKind } from '../../content/topics';
import { crisisButtonsCard, crisisLinesText, orderCrisisLines } from './crisisLines';

const WHO_CAN_ACT: Partial<Record<RiskKind, string>> = {
  abuse: 'crisis.abuseWhoCanAct',
  exploitation: 'crisis.exploitationWhoCanAct',
  missing: 'crisis.missingWhoCanAct',
};

/**
 * Builds the crisis response activities for the kinds of risk found, most serious first.
 * @example crisisResponse({ t, lines, locale: 'en-GB', kinds: ['suicide'] })
 */
export function crisisResponse(args: { t: Translate; lines: CrisisLine[]; locale: SupportedLocale; kinds: RiskKind[]; age?: number }): Partial<Activity>[] {
  const { t, locale, kinds } = args;
  const primary = kinds[0] ?? 'immediate-danger';
  const acknowledgement = [t(locale, `crisis.${primary}`)];
  const whoCanAct = kinds.map((kind) => WHO_CAN_ACT[kind]).find(Boolean);
  if (whoCanAct) acknowledgement.push(t(locale, whoCanAct));
  const lines = orderCrisisLines(args.lines, kinds, args.age);
  const card = crisisButtonsCard(lines.slice(0, 4), t(locale, 'crisis.notAService'));
  const activities: Partial<Activity>[] = [
    MessageFactory.text(acknowledgement.join(' ')),
    MessageFactory.text(`${t(locale, 'crisis.notAService')}\n\n${crisisLinesText(lines, locale)}`),
  ];
  if (card) activities.push(MessageFactory.attachment(card));
  activities.push(MessageFactory.text(t(locale, 'crisis.carryOn')));
  return activities;
}
