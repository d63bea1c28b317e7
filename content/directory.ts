/**
 * Loads the service directory, crisis lines and local offer, validates them with zod, and answers "what helps with
 * this?".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { projectPath } from '../lib/paths';
import {
  CrisisLines,
  LocalOffer,
  ServiceDirectory,
  type AgeLimit,
  type CrisisLine,
  type LocalOfferEntitlement,
  type Service,
} from './schema';
import type { SubjectId, ThriveGrouping, TopicId } from './topics';

/** A content file failed validation; the message names the file and the failing path. */
export class ContentValidationError extends Error {
  override readonly name = 'ContentValidationError';
}

function loadJson<S extends z.ZodType>(dir: string, file: string, schema: S): z.infer<S> {
  const raw: unknown = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ContentValidationError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}

/** Whether an age fits: yes, no, or only on the limit's condition ("up to 25 if you have SEN"). */
export type AgeFit = 'yes' | 'conditional' | 'no';

/**
 * @example ageFit({ min: 5, max: 19, extendedTo: { max: 25, condition: 'with SEN' }, source }, 22) // 'conditional'
 */
export function ageFit(
  ages: Pick<AgeLimit, 'min' | 'max' | 'extendedTo'> | undefined,
  age: number | undefined,
): AgeFit {
  if (age === undefined || !ages) return 'yes';
  if (age < (ages.min ?? 0)) return 'no';
  if (age <= (ages.max ?? Number.POSITIVE_INFINITY)) return 'yes';
  return ages.extendedTo && age <= ages.extendedTo.max ? 'conditional' : 'no';
}
const fitsAge = (ages: Pick<AgeLimit, 'min' | 'max' | 'extendedTo'> | undefined, age: number | undefined): boolean =>
  ageFit(ages, age) !== 'no';

export interface ServiceDirectoryApi {
  services(): Service[];
  getService(id: string): Service | undefined;
  /**
   * Services for the needs, best first: those for a specific subject lead, those that fit only on a condition come
   * last.
   */
  findServicesForNeed(
    topics: TopicId[],
    options?: { age?: number; thrive?: ThriveGrouping; subjects?: SubjectId[] },
  ): Service[];
  servicesInGrouping(grouping: ThriveGrouping, age?: number): Service[];
  crisisLines(): CrisisLine[];
  entitlementsFor(topics: TopicId[], age?: number): LocalOfferEntitlement[];
  /** What someone can get for these specific subjects ("council-tax"), in the order of the subjects. */
  entitlementsForSubjects(subjects: SubjectId[], age?: number): LocalOfferEntitlement[];
  entitlements(): LocalOfferEntitlement[];
}

/**
 * Builds the query functions over validated content.
 * @example createDirectory(loaded).findServicesForNeed(['drugs-alcohol'], { age: 19 })[0].id // 'open-road'
 */
export function createDirectory(content: {
  services: Service[];
  crisisLines: CrisisLine[];
  entitlements: LocalOfferEntitlement[];
}): ServiceDirectoryApi {
  const byId = new Map(content.services.map((service) => [service.id, service]));
  const rank = (service: Service, topics: TopicId[], subjects: SubjectId[], age?: number): number => {
    // A service for the specific subject asked about leads; earlier topics count more; a service whose own first
    // topic is the need ranks above a general one; one that fits this age only on a condition comes last.
    let score = subjects.some((subject) => service.subjects.includes(subject)) ? 1000 : 0;
    if (ageFit(service.forWho.ages, age) === 'conditional') score -= 2000;
    topics.forEach((topic, index) => {
      const position = service.topics.indexOf(topic);
      if (position >= 0) score += (topics.length - index) * 10 - position;
    });
    return score;
  };
  return {
    services: () => content.services,
    getService: (id) => byId.get(id),
    findServicesForNeed(topics, options = {}) {
      const matching = content.services
        .filter(
          (service) =>
            topics.some((topic) => service.topics.includes(topic)) ||
            (options.subjects ?? []).some((subject) => service.subjects.includes(subject)),
        )
        .filter((service) => fitsAge(service.forWho.ages, options.age))
        .filter((service) => !options.thrive || service.thrive.includes(options.thrive))
        .sort(
          (a, b) =>
            rank(b, topics, options.subjects ?? [], options.age) - rank(a, topics, options.subjects ?? [], options.age),
        );
      if (matching.length > 0 || topics.length === 0) return matching;
      // Nothing fits: the personal adviser can always help find the right service.
      const fallback = byId.get('leaving-care-team');
      return fallback && fitsAge(fallback.forWho.ages, options.age) ? [fallback] : [];
    },
    servicesInGrouping: (grouping, age) =>
      content.services.filter((service) => service.thrive.includes(grouping) && fitsAge(service.forWho.ages, age)),
    crisisLines: () => content.crisisLines,
    entitlementsFor: (topics, age) =>
      content.entitlements.filter(
        (entitlement) => topics.some((topic) => entitlement.topics.includes(topic)) && fitsAge(entitlement.ages, age),
      ),
    entitlementsForSubjects: (subjects, age) =>
      subjects
        .flatMap((subject) =>
          content.entitlements.filter(
            (entitlement) => entitlement.subjects.includes(subject) && fitsAge(entitlement.ages, age),
          ),
        )
        .filter((e, i, all) => all.indexOf(e) === i),
    entitlements: () => content.entitlements,
  };
}

/** Where the shipped content files are (in the source tree, also when running from dist/). */
const CONTENT_DIR = projectPath('content');

/**
 * Reads and validates content/services.json, crisis.json and localOffer.json.
 * @example shippedContent().services.length
 */
export function shippedContent(dir = CONTENT_DIR): {
  services: Service[];
  crisisLines: CrisisLine[];
  entitlements: LocalOfferEntitlement[];
} {
  return {
    services: loadJson(dir, 'services.json', ServiceDirectory).services,
    crisisLines: loadJson(dir, 'crisis.json', CrisisLines).lines,
    entitlements: loadJson(dir, 'localOffer.json', LocalOffer).entitlements,
  };
}

/**
 * A directory over the shipped content files (tests and tools; the server uses the published version in the store).
 * @example const directory = loadDirectory();
 */
export function loadDirectory(dir = CONTENT_DIR): ServiceDirectoryApi {
  return createDirectory(shippedContent(dir));
}
