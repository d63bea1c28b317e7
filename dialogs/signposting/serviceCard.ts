/**
 * A service or an entitlement as a hero card: what it is, who it's for, how to get in, open now, and buttons to act.
 */
import { ActionTypes, CardFactory, type Attachment, type CardAction } from 'botbuilder';
import { ageFit } from '../../content/directory';
import type { SupportedLocale, Translate } from '../../content/i18n';
import type { ContactMethod, LocalOfferEntitlement, Service, Source } from '../../content/schema';
import { contactLink } from '../crisis/crisisLines';
import type { IsOpenAt } from '../deps';

const MAX_BUTTONS = 4;

/**
 * Whether a fact should be shown with care: a person marked it "to check", or its source is older than this year.
 * @example
 * needsChecking({ document: 'x', locator: 'y', checked: '2026-11-30', sourceDate: '2015' }, new Date('2026-11-30'))
 * // true
 */
export function needsChecking(source: Source, now: Date): boolean {
  return (
    Boolean(source.toCheck) ||
    (source.sourceDate !== undefined && Number(source.sourceDate.slice(0, 4)) < now.getUTCFullYear())
  );
}

/**
 * One line per set of hours: open now, closed now, always open, or "ask your PA" when none are listed.
 * @example hoursLines(service, new Date(), isOpenAt, t, 'en-GB') // ["Open 24 hours, every day (App and website)."]
 */
export function hoursLines(
  service: Service,
  now: Date,
  isOpenAt: IsOpenAt,
  t: Translate,
  locale: SupportedLocale,
): string[] {
  if (service.hours.length === 0) return [t(locale, 'card.hoursUnknown')];
  const labels = service.translations[locale]?.hoursLabels;
  return service.hours.map((hours, index) => {
    const label = labels?.[index] ?? hours.label;
    if (hours.alwaysOpen) return t(locale, 'card.alwaysOpen', { label });
    const open = isOpenAt(hours, now);
    if (open === 'unknown')
      return hours.note && locale === 'en-GB'
        ? `${label}: ${hours.note}`
        : `${label}: ${t(locale, 'card.hoursUnknown')}`;
    return t(locale, open ? 'card.openNow' : 'card.closedNow', { label });
  });
}

function contactButton(
  contact: ContactMethod,
  label: string | undefined,
  t: Translate,
  locale: SupportedLocale,
): CardAction | undefined {
  if (contact.kind === 'via-pa')
    return {
      type: ActionTypes.ImBack,
      title: t(locale, 'card.via-pa'),
      value: t(locale, 'topics.leaving-care-support.button'),
    };
  const link = contact.kind === 'email' && contact.value ? `mailto:${contact.value}` : contactLink(contact);
  if (!link) return undefined;
  const shown = label ?? contact.label;
  const title =
    contact.value && shown.includes(contact.value)
      ? shown
      : `${shown}${contact.value && ['phone', 'text'].includes(contact.kind) ? `: ${contact.value}` : ''}`;
  return { type: ActionTypes.OpenUrl, title, value: link };
}

/** Buttons for the contacts, direct routes first and the PA last, without repeats. */
function contactButtons(
  contacts: ContactMethod[],
  labels: string[] | undefined,
  t: Translate,
  locale: SupportedLocale,
): CardAction[] {
  const seen = new Set<string>();
  const direct = contacts
    .map((contact, index) => ({ contact, label: labels?.[index] }))
    .sort((a, b) => Number(a.contact.kind === 'via-pa') - Number(b.contact.kind === 'via-pa'));
  return direct
    .map(({ contact, label }) => contactButton(contact, label, t, locale))
    .filter((button): button is CardAction => {
      if (!button || seen.has(String(button.value))) return false;
      seen.add(String(button.value));
      return true;
    })
    .slice(0, MAX_BUTTONS);
}

/** Places to go in person ("4 Clover Street, Chatham") have no link; they are written on the card instead. */
const placeLines = (contacts: ContactMethod[], labels: string[] | undefined): string[] =>
  contacts.flatMap((contact, index) =>
    contact.kind === 'in-person' && contact.value ? [`📍 ${labels?.[index] ?? contact.label}`] : [],
  );

/**
 * Builds a service's card; text that has a translation in the person's language uses it.
 * @example serviceCard(service, { t, locale: 'en-GB', now: new Date(), isOpenAt, age: 22 })
 */
export function serviceCard(
  service: Service,
  args: { t: Translate; locale: SupportedLocale; now: Date; isOpenAt: IsOpenAt; age?: number },
): Attachment {
  const { t, locale, now } = args;
  const translation = service.translations[locale];
  const lines = [
    t(locale, 'card.forWho', { text: translation?.forWho ?? service.forWho.text }),
    t(locale, 'card.howToGetIn', { text: translation?.howToGetIn ?? service.howToGetIn.text }),
    ...hoursLines(service, now, args.isOpenAt, t, locale),
    ...placeLines(service.contacts, translation?.contactLabels),
  ];
  const ages = service.forWho.ages;
  if (ages?.extendedTo && args.age !== undefined && ageFit(ages, args.age) === 'conditional')
    lines.unshift(
      t(locale, 'card.ageCondition', {
        age: args.age,
        condition: translation?.ageCondition ?? ages.extendedTo.condition,
      }),
    );
  const buttons = contactButtons(service.contacts, translation?.contactLabels, t, locale);
  const direct = buttons.some((button) => button.type === ActionTypes.OpenUrl);
  if (!direct && service.noDirectRoute)
    lines.push(t(locale, 'card.noDirectRoute', { text: translation?.noDirectRoute ?? service.noDirectRoute }));
  const facts = [
    ...service.contacts.map((c) => c.source),
    ...service.hours.map((h) => h.source),
    ...(ages ? [ages.source] : []),
  ];
  if (facts.some((source) => needsChecking(source, now))) lines.push(t(locale, 'card.toCheck'));
  return CardFactory.heroCard(translation?.name ?? service.name, lines.join('\n\n'), undefined, buttons, {
    subtitle: translation?.summary ?? service.summary,
  });
}

/**
 * Builds an entitlement's card: what it is, who for, how much, how to get it, and one or two contacts.
 * @example entitlementCard(directory.entitlements()[0], { t, locale: 'en-GB', now: new Date() })
 */
export function entitlementCard(
  entitlement: LocalOfferEntitlement,
  args: { t: Translate; locale: SupportedLocale; now: Date },
): Attachment {
  const { t, locale, now } = args;
  const translation = entitlement.translations[locale];
  const forWho = translation?.forWho ?? entitlement.forWho;
  const howMuch = translation?.howMuch ?? entitlement.howMuch;
  const howToGet = translation?.howToGet ?? entitlement.howToGet;
  // What it is goes in the body, not the subtitle: a long subtitle is cut to one line on a phone.
  const lines = [
    translation?.text ?? entitlement.text,
    ...(forWho ? [t(locale, 'card.forWho', { text: forWho })] : []),
    ...(howMuch ? [t(locale, 'card.howMuch', { text: howMuch })] : []),
    ...(howToGet ? [t(locale, 'card.howToGet', { text: howToGet })] : []),
    ...placeLines(entitlement.contacts, translation?.contactLabels),
  ];
  const facts = [
    entitlement.source,
    ...entitlement.contacts.map((c) => c.source),
    ...(entitlement.ages ? [entitlement.ages.source] : []),
  ];
  if (facts.some((source) => needsChecking(source, now))) lines.push(t(locale, 'card.toCheck'));
  const buttons = contactButtons(entitlement.contacts, translation?.contactLabels, t, locale);
  return CardFactory.heroCard(translation?.title ?? entitlement.title, lines.join('\n\n'), undefined, buttons);
}
