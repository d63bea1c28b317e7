/** Renders the crisis lines from content data (never from code) as short text and as call/text buttons. */
import { ActionTypes, CardFactory, type Attachment, type CardAction } from 'botbuilder';
import type { SupportedLocale } from '../../content/i18n';
import type { ContactMethod, CrisisLine } from '../../content/schema';
import type { RiskKind } from '../../content/topics';

/** Lines that fit the person: best fits for these risks first, and none whose age limit leaves them out. */
export function orderCrisisLines(lines: CrisisLine[], kinds: RiskKind[], age?: number): CrisisLine[] {
  const fits = (line: CrisisLine) =>
    age === undefined || ((line.ages?.min ?? 0) <= age && age <= (line.ages?.max ?? Number.POSITIVE_INFINITY));
  const rank = (line: CrisisLine) => (line.bestFor.some((kind) => kinds.includes(kind)) ? 0 : 1);
  return lines.filter(fits).sort((a, b) => rank(a) - rank(b));
}

function contactPhrase(contact: ContactMethod): string {
  if (!contact.value || contact.label.includes(contact.value)) return contact.label;
  return `${contact.label} ${contact.value}`;
}

/**
 * One line per crisis line: "• Samaritans: Call 116 123. Any time, day or night, to talk about anything."
 * @example crisisLinesText(directory.crisisLines(), 'en-GB')
 */
export function crisisLinesText(lines: CrisisLine[], locale: SupportedLocale): string {
  return lines
    .map((line) => {
      const when = line.translations[locale]?.when ?? line.when;
      const how = line.contacts.map(contactPhrase).join(' / ');
      return `• **${line.name}**: ${how}. ${when}`;
    })
    .join('\n\n');
}

/** A tel: or sms: link for a phone or text contact, if it has a number. */
export function contactLink(contact: ContactMethod): string | undefined {
  if (!contact.value) return undefined;
  const digits = contact.value.replace(/[^\d+]/g, '');
  if (contact.kind === 'phone' && digits) return `tel:${digits}`;
  if (contact.kind === 'text' && digits) {
    const keyword = /text\s+([A-Z]{2,})\b/.exec(contact.label)?.[1];
    return keyword ? `sms:${digits}?body=${encodeURIComponent(keyword)}` : `sms:${digits}`;
  }
  if ((contact.kind === 'website' || contact.kind === 'webchat' || contact.kind === 'app') && /^https:\/\//.test(contact.value)) return contact.value;
  return undefined;
}

/**
 * A card of call/text buttons for the first few lines, so help is one tap away.
 * @example crisisButtonsCard(lines.slice(0, 4), 'Get help now')
 */
export function crisisButtonsCard(lines: CrisisLine[], title: string): Attachment | undefined {
  const buttons: CardAction[] = [];
  for (const line of lines) {
    for (const contact of line.contacts) {
      const link = contactLink(contact);
      if (link && buttons.length < 6) buttons.push({ type: ActionTypes.OpenUrl, title: `${line.name}: ${contactPhrase(contact)}`, value: link });
    }
  }
  return buttons.length ? CardFactory.heroCard(title, undefined, buttons) : undefined;
}

/** Lines for the compact "need help now?" sentence: the emergency line and the first one open to anyone at any age. */
const COMPACT_LINES = 2;

/**
 * One short line of urgent help, for the welcome and the fallback (a crisis reply lists every line that fits).
 * @example compactCrisisLine(directory.crisisLines()) // "Emergency services: Call 999 · Samaritans: Call 116 123"
 */
export function compactCrisisLine(lines: CrisisLine[]): string {
  return lines
    .filter((line) => !line.ages)
    .slice(0, COMPACT_LINES)
    .map((line) => `**${line.name}**: ${line.contacts.map(contactPhrase).join(' / ')}`)
    .join(' · ');
}
