/** The services dialogs are given (never imported from HTTP or a store): directory, translator, clock. */
import type { Translate } from '../content/i18n';
import type { ServiceDirectoryApi } from '../content/directory';
import type { OpeningHours } from '../content/schema';

/** What the dialogs need from the service directory. */
export type Directory = Pick<
  ServiceDirectoryApi,
  'findServicesForNeed' | 'getService' | 'crisisLines' | 'entitlementsFor' | 'entitlementsForSubjects'
>;

/**
 * Whether one set of opening hours is open at an instant (Europe/London); 'unknown' when no regular hours are given.
 */
export type IsOpenAt = (hours: OpeningHours, now: Date) => boolean | 'unknown';

export interface DialogServices {
  directory: Directory;
  isOpenAt: IsOpenAt;
  t: Translate;
  clock: () => Date;
}
