/**
 * zod schemas for the service directory, crisis lines and local offer: every contact detail and age limit carries its
 * source.
 */
import { z } from 'zod';
import { RiskKind, SubjectId, ThriveGrouping, TopicId } from './topics';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Where a fact came from: a seed document (file name), the page or section in it, and when we checked it. */
export const Source = z.object({
  document: z.string().min(1),
  locator: z.string().min(1), // page number or section heading, e.g. "p.5, 4.6 Kooth"
  checked: isoDate,
  url: z.string().url().optional(), // when the source is a public web page rather than a seed document
  /** The source's own words that hold the fact (a number, an address, an age), so a reviewer can find it. */
  quote: z.string().min(1).optional(),
  /** The date the source itself carries (published or updated), as YYYY, YYYY-MM or YYYY-MM-DD, when it shows one. */
  sourceDate: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .optional(),
  /** Why a person must confirm this before it is relied on (an old directory, a pilot that may have ended...). */
  toCheck: z.string().min(1).optional(),
});
export type Source = z.infer<typeof Source>;

export const ContactMethod = z.object({
  kind: z.enum(['phone', 'text', 'website', 'email', 'app', 'webchat', 'via-pa', 'in-person']),
  /** The number, address or URL exactly as the source gives it; omitted for via-pa / in-person. */
  value: z.string().min(1).optional(),
  /** Short plain-English label, e.g. "Call", "Text SHOUT to 85258". */
  label: z.string().min(1),
  source: Source,
});
export type ContactMethod = z.infer<typeof ContactMethod>;

const Day = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time as HH:MM (24-hour)');

/** Opening hours in Europe/London time, so "is it open now?" can be answered. */
export const OpeningHours = z.object({
  /** What these hours are for, e.g. "Chat with a counsellor". */
  label: z.string().min(1),
  alwaysOpen: z.boolean().default(false),
  slots: z.array(z.object({ days: z.array(Day).min(1), opens: time, closes: time })).default([]),
  /** Said as it is when the hours are not regular ("term time only", "by appointment"). */
  note: z.string().optional(),
  source: Source,
});
export type OpeningHours = z.infer<typeof OpeningHours>;

export const AgeLimit = z.object({
  min: z.number().int().min(0).optional(),
  max: z.number().int().max(120).optional(),
  /** An older upper age that applies only on a condition, e.g. up to 25 only with special educational needs. */
  extendedTo: z.object({ max: z.number().int().max(120), condition: z.string().min(1) }).optional(),
  source: Source,
});
export type AgeLimit = z.infer<typeof AgeLimit>;

export const AccessRoute = z.enum([
  'self-referral',
  'referral-with-consent',
  'via-pa',
  'via-social-worker',
  'via-gp',
  'via-school-or-college',
  'drop-in',
  'automatic',
]);

/** Text a person has not reviewed is marked so, per language. */
export const ServiceTranslation = z.object({
  name: z.string().min(1).optional(),
  summary: z.string().min(1),
  forWho: z.string().min(1).optional(),
  howToGetIn: z.string().min(1).optional(),
  noDirectRoute: z.string().min(1).optional(),
  ageCondition: z.string().min(1).optional(),
  hoursLabels: z.array(z.string().min(1)).optional(),
  contactLabels: z.array(z.string().min(1)).optional(),
  reviewed: z.boolean(),
});

export const Service = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** One line, plain English, reading age 9 to 11. */
  summary: z.string().min(1).max(160),
  forWho: z.object({
    text: z.string().min(1),
    ages: AgeLimit.optional(),
    careLeaversOnly: z.boolean().default(false),
    area: z.string().min(1),
  }),
  howToGetIn: z.object({ routes: z.array(AccessRoute).min(1), text: z.string().min(1) }),
  hours: z.array(OpeningHours).default([]),
  contacts: z.array(ContactMethod).min(1),
  /** When no way to contact the service yourself is published: why, and what to do instead. */
  noDirectRoute: z.string().min(1).optional(),
  thrive: z.array(ThriveGrouping).min(1),
  topics: z.array(TopicId).min(1),
  /** Specific questions this service answers first ("dentist", "council-tax"). */
  subjects: z.array(SubjectId).default([]),
  /** Where the service as a whole is described. */
  sources: z.array(Source).min(1),
  translations: z.record(z.string(), ServiceTranslation).default({}),
});
export type Service = z.infer<typeof Service>;

export const ServiceDirectory = z.object({ services: z.array(Service).min(1) });

export const CrisisLine = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** When to use it, in plain English. */
  when: z.string().min(1),
  ages: AgeLimit.optional(),
  hours: z.array(OpeningHours).min(1),
  contacts: z.array(ContactMethod).min(1),
  /** Which kinds of risk it fits best (all lines are shown for every risk; these come first). */
  bestFor: z.array(RiskKind).default([]),
  translations: z
    .record(
      z.string(),
      z.object({
        name: z.string().min(1).optional(),
        when: z.string().min(1),
        contactLabels: z.array(z.string().min(1)).optional(),
        reviewed: z.boolean(),
      }),
    )
    .default({}),
});
export type CrisisLine = z.infer<typeof CrisisLine>;

export const CrisisLines = z.object({ lines: z.array(CrisisLine).min(1) });

export const EntitlementTranslation = z.object({
  title: z.string().min(1),
  text: z.string().min(1),
  forWho: z.string().min(1).optional(),
  howMuch: z.string().min(1).optional(),
  howToGet: z.string().min(1).optional(),
  contactLabels: z.array(z.string().min(1)).optional(),
  reviewed: z.boolean(),
});

/** Something a care leaver can get (from the council's local offer, or nationally), as a short card. */
export const LocalOfferEntitlement = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  /** Plain English: what it is. */
  text: z.string().min(1),
  /** Medway's local offer, or a national right or service anyone in England can use. */
  scope: z.enum(['medway', 'national']).default('medway'),
  forWho: z.string().min(1).optional(),
  howMuch: z.string().min(1).optional(),
  howToGet: z.string().min(1).optional(),
  contacts: z.array(ContactMethod).default([]),
  topics: z.array(TopicId).min(1),
  subjects: z.array(SubjectId).default([]),
  ages: AgeLimit.optional(),
  source: Source,
  translations: z.record(z.string(), EntitlementTranslation).default({}),
});
export type LocalOfferEntitlement = z.infer<typeof LocalOfferEntitlement>;

export const LocalOffer = z.object({ entitlements: z.array(LocalOfferEntitlement).min(1) });
