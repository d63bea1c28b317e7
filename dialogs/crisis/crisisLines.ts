/** Renders the crisis lines from content data (never from code) as short text and as call/text buttons. */
import { ActionTypes, CardFactory, type Attachment, type CardAction } from 'botbuilder';
import type { SupportedLocale } from '../../content/i18n';
import type { ContactMethod, CrisisLine } from '../../content/schema';
import type { RiskKind } from '../../content/topics';

/** A crisis reply lists at most this many lines, so the first ones stay in view on a phone. */
const MAX_LINES = 6;

/**
 * Lines that fit the person and the risk: those meant for these kinds of risk, in the content's order (999 first), and
 * none whose age limit leaves them out. With no kind known, or too few fitting lines, the general lines fill in.
 * @example
 * orderCrisisLines(lines, ['abuse'], 22).map((l) => l.id)
 * // ['emergency-999', 'shout', 'national-domestic-abuse-helpline', ...]
 */
export function orderCrisisLines(lines: CrisisLine[], kinds: RiskKind[], age?: number): CrisisLine[] {
  const fits = (line: CrisisLine) =>
    age === undefined || ((line.ages?.min ?? 0) <= age && age <= (line.ages?.max ?? Number.POSITIVE_INFINITY));
  const open = lines.filter(fits);
  const meant = open.filter((line) => line.bestFor.some((kind) => kinds.includes(kind)));
  const general = open.filter((line) => !meant.includes(line) && line.bestFor.includes('suicide'));
  return (meant.length >= 3 ? meant : [...meant, ...general]).slice(0, MAX_LINES);
}

function contactPhrase(contact: ContactMethod, label = contact.label): string {
  if (!contact.value || label.includes(contact.value)) return label;
  return `${label} ${contact.value}`;
}

/** The line's name and contact labels in the person's language, where translated. */
function inLanguage(line: CrisisLine, locale?: SupportedLocale): { name: string; contacts: string[] } {
  const translation = locale ? line.translations[locale] : undefined;
  return {
    name: translation?.name ?? line.name,
    contacts: line.contacts.map((contact, i) => contactPhrase(contact, translation?.contactLabels?.[i])),
  };
}

/**
 * One line per crisis line: "• Samaritans: Call 116 123. Any time, day or night, to talk about anything."
 * @example crisisLinesText(directory.crisisLines(), 'en-GB')
 */
export function crisisLinesText(lines: CrisisLine[], locale: SupportedLocale): string {
  return lines
    .map((line) => {
      const when = line.translations[locale]?.when ?? line.when;
      const { name, contacts } = inLanguage(line, locale);
      return `• **${name}**: ${contacts.join(' / ')}. ${when}`;
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
  if (
    (contact.kind === 'website' || contact.kind === 'webchat' || contact.kind === 'app') &&
    /^https:\/\//.test(contact.value)
  )
    return contact.value;
  return undefined;
}

/**
 * A card of call/text buttons for the first few lines, so help is one tap away.
 * @example crisisButtonsCard(lines.slice(0, 4), 'Get help now')
 */
export function crisisButtonsCard(
  lines: CrisisLine[],
  title: string,
  locale?: SupportedLocale,
): Attachment | undefined {
  const buttons: CardAction[] = [];
  for (const line of lines) {
    const { name, contacts } = inLanguage(line, locale);
    line.contacts.forEach((contact, i) => {
      const link = contactLink(contact);
      if (link && buttons.length < 6)
        buttons.push({ type: ActionTypes.OpenUrl, title: `${name}: ${contacts[i]}`, value: link });
    });
  }
  return buttons.length ? CardFactory.heroCard(title, undefined, buttons) : undefined;
}

/** Lines for the compact "need help now?" sentence: the emergency line and the first one open to anyone at any age. */
const COMPACT_LINES = 2;

/**
 * One short line of urgent help, for the welcome and the fallback (a crisis reply lists every line that fits).
 * @example compactCrisisLine(directory.crisisLines()) // "Emergency services: Call 999 · Samaritans: Call 116 123"
 */
export function compactCrisisLine(lines: CrisisLine[], locale?: SupportedLocale): string {
  return lines
    .filter((line) => !line.ages)
    .slice(0, COMPACT_LINES)
    .map((line) => inLanguage(line, locale))
    .map(({ name, contacts }) => `**${name}**: ${contacts.join(' / ')}`)
    .join(' · ');
}
