/**
 * Turns needs into replies: matching services as cards (filtered by age), local-offer entitlements, and "is it open
 * now?".
 */
import { MessageFactory, type Activity } from 'botbuilder';
import type { SupportedLocale } from '../../content/i18n';
import type { Service } from '../../content/schema';
import type { SubjectId, ThriveGrouping, TopicId } from '../../content/topics';
import type { DialogServices } from '../deps';
import { afterSignpostActions } from '../menu/menu';
import { entitlementCard, hoursLines, serviceCard } from './serviceCard';

const MAX_CARDS = 4;
/**
 * With a specific question ("I need a dentist"), its entitlement cards come first and the carousel may hold one more.
 */
const MAX_CARDS_WITH_SUBJECT = 5;
const MAX_ENTITLEMENTS = 3;

export interface SignpostResult {
  activities: Partial<Activity>[];
  shownServiceIds: string[];
}

/**
 * The reply to one or more needs: an intro, a carousel of services, what the local offer gives, and follow-up buttons.
 * @example signpost(services, { topics: ['housing'], locale: 'en-GB', age: 19 })
 */
export function signpost(
  services: DialogServices,
  request: {
    topics: TopicId[];
    subjects?: SubjectId[];
    locale: SupportedLocale;
    age?: number;
    thrive?: ThriveGrouping;
    intro?: string;
    note?: string;
  },
): SignpostResult {
  const { t, directory } = services;
  const { topics, locale, age } = request;
  const subjects = request.thrive ? [] : (request.subjects ?? []);
  const forSubjects = directory.entitlementsForSubjects(subjects, age).slice(0, 2);
  const found = directory
    .findServicesForNeed(topics, { age, thrive: request.thrive, subjects })
    .slice(0, (subjects.length ? MAX_CARDS_WITH_SUBJECT : MAX_CARDS) - forSubjects.length);
  const activities: Partial<Activity>[] = [];
  const topicName = (topic: TopicId) => t(locale, `topics.${topic}.name`);
  const intro =
    request.intro ??
    (topics.length > 1
      ? t(locale, 'signpost.introTwo', { topic: topicName(topics[0]), other: topicName(topics[1]) })
      : t(locale, 'signpost.intro', { topic: topicName(topics[0]) }));
  if (found.length === 0 && forSubjects.length === 0) {
    activities.push(
      MessageFactory.text(
        age === undefined ? t(locale, 'fallback.notSure') : t(locale, 'signpost.noneForAge', { age }),
      ),
    );
  } else {
    const now = services.clock();
    const cards = [
      ...forSubjects.map((entitlement) => entitlementCard(entitlement, { t, locale, now })),
      ...found.map((service) => serviceCard(service, { t, locale, now, isOpenAt: services.isOpenAt, age })),
    ];
    activities.push(MessageFactory.carousel(cards, intro));
  }
  const entitlements = directory
    .entitlementsFor(topics, age)
    .filter((e) => !forSubjects.includes(e) && e.scope === 'medway')
    .slice(0, MAX_ENTITLEMENTS);
  if (entitlements.length) {
    const list = entitlements
      .map((e) => `• **${e.translations[locale]?.title ?? e.title}**: ${e.translations[locale]?.text ?? e.text}`)
      .join('\n\n');
    activities.push(MessageFactory.text(`${t(locale, 'signpost.localOffer')}\n\n${list}`));
  }
  const more = request.note ? `${request.note}\n\n${t(locale, 'signpost.more')}` : t(locale, 'signpost.more');
  activities.push(MessageFactory.suggestedActions(afterSignpostActions(t, locale), more));
  return { activities, shownServiceIds: found.map((service) => service.id) };
}

/**
 * Answers "is it open now?" for the services shown last.
 * @example openNowReply(services, ['qwell'], 'en-GB')
 */
export function openNowReply(
  services: DialogServices,
  serviceIds: string[] | undefined,
  locale: SupportedLocale,
): Partial<Activity> {
  const { t } = services;
  const shown = (serviceIds ?? [])
    .map((id) => services.directory.getService(id))
    .filter((s): s is Service => Boolean(s));
  if (shown.length === 0) return MessageFactory.text(t(locale, 'open.noneShownYet'));
  const now = services.clock();
  const lines = shown.map(
    (service) => `• **${service.name}**: ${hoursLines(service, now, services.isOpenAt, t, locale).join(' ')}`,
  );
  return MessageFactory.suggestedActions(
    afterSignpostActions(t, locale),
    `${t(locale, 'open.intro')}\n\n${lines.join('\n\n')}`,
  );
}
