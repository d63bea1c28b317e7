/** A service as a hero card: what it is, who it's for, how to get in, whether it's open now, and buttons to reach it. */
import { ActionTypes, CardFactory, type Attachment, type CardAction } from 'botbuilder';
import type { SupportedLocale, Translate } from '../../content/i18n';
import type { ContactMethod, Service } from '../../content/schema';
import { contactLink } from '../crisis/crisisLines';
import type { IsOpenAt } from '../deps';

/**
 * One line per set of hours: open now, closed now, always open, or "ask your PA" when none are listed.
 * @example hoursLines(service, new Date(), isOpenAt, t, 'en-GB') // ["Open 24 hours, every day (App and website)."]
 */
export function hoursLines(service: Service, now: Date, isOpenAt: IsOpenAt, t: Translate, locale: SupportedLocale): string[] {
  if (service.hours.length === 0) return [t(locale, 'card.hoursUnknown')];
  return service.hours.map((hours) => {
    if (hours.alwaysOpen) return t(locale, 'card.alwaysOpen', { label: hours.label });
    const open = isOpenAt(hours, now);
    if (open === 'unknown') return hours.note ? `${hours.label}: ${hours.note}` : t(locale, 'card.hoursUnknown');
    return t(locale, open ? 'card.openNow' : 'card.closedNow', { label: hours.label });
  });
}

function contactButton(contact: ContactMethod, t: Translate, locale: SupportedLocale): CardAction | undefined {
  if (contact.kind === 'via-pa') return { type: ActionTypes.ImBack, title: t(locale, 'card.via-pa'), value: t(locale, 'topics.leaving-care-support.button') };
  const link = contact.kind === 'email' && contact.value ? `mailto:${contact.value}` : contactLink(contact);
  if (!link) return undefined;
  const title = contact.value && contact.label.includes(contact.value) ? contact.label : `${t(locale, `card.${contact.kind}`)}${contact.value && contact.kind !== 'website' && contact.kind !== 'app' ? ` ${contact.value}` : ''}`;
  return { type: ActionTypes.OpenUrl, title, value: link };
}

/**
 * Builds the card; text that has a translation in the person's language uses it.
 * @example serviceCard(service, { t, locale: 'en-GB', now: new Date(), isOpenAt })
 */
export function serviceCard(service: Service, args: { t: Translate; locale: SupportedLocale; now: Date; isOpenAt: IsOpenAt }): Attachment {
  const { t, locale } = args;
  const translation = service.translations[locale];
  const lines = [
    t(locale, 'card.forWho', { text: translation?.forWho ?? service.forWho.text }),
    t(locale, 'card.howToGetIn', { text: translation?.howToGetIn ?? service.howToGetIn.text }),
    ...hoursLines(service, args.now, args.isOpenAt, t, locale),
  ];
  const seen = new Set<string>();
  const buttons = service.contacts
    .map((contact) => contactButton(contact, t, locale))
    .filter((button): button is CardAction => {
      if (!button || seen.has(String(button.value))) return false;
      seen.add(String(button.value));
      return true;
    })
    .slice(0, 4);
  return CardFactory.heroCard(service.name, lines.join('\n\n'), undefined, buttons, { subtitle: translation?.summary ?? service.summary });
}
