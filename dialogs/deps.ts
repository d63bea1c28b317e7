/** The services dialogs are given (never imported from HTTP or a store): directory, translator, clock. */
import type { Translate } from '../content/i18n';
import type { CrisisLine, LocalOfferEntitlement, OpeningHours, Service } from '../content/schema';
import type { ThriveGrouping, TopicId } from '../content/topics';

/** What the dialogs need from the service directory. */
export interface Directory {
  findServicesForNeed(topics: TopicId[], options?: { age?: number; thrive?: ThriveGrouping }): Service[];
  getService(id: string): Service | undefined;
  crisisLines(): CrisisLine[];
  entitlementsFor(topics: TopicId[], age?: number): LocalOfferEntitlement[];
}

/** Whether one set of opening hours is open at an instant (Europe/London); 'unknown' when no regular hours are given. */
export type IsOpenAt = (hours: OpeningHours, now: Date) => boolean | 'unknown';

export interface DialogServices {
  directory: Directory;
  isOpenAt: IsOpenAt;
  t: Translate;
  clock: () => Date;
}
