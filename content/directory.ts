/** Loads the service directory, crisis lines and local offer, validates them with zod, and answers "what helps with this?". */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { CrisisLines, LocalOffer, ServiceDirectory, type CrisisLine, type LocalOfferEntitlement, type Service } from './schema';
import type { ThriveGrouping, TopicId } from './topics';

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

const fitsAge = (ages: { min?: number; max?: number } | undefined, age: number | undefined): boolean =>
  age === undefined || !ages || ((ages.min ?? 0) <= age && age <= (ages.max ?? Number.POSITIVE_INFINITY));

export interface ServiceDirectoryApi {
  services(): Service[];
  getService(id: string): Service | undefined;
  findServicesForNeed(topics: TopicId[], options?: { age?: number; thrive?: ThriveGrouping }): Service[];
  servicesInGrouping(grouping: ThriveGrouping, age?: number): Service[];
  crisisLines(): CrisisLine[];
  entitlementsFor(topics: TopicId[], age?: number): LocalOfferEntitlement[];
}

/**
 * Builds the query functions over validated content.
 * @example createDirectory(loaded).findServicesForNeed(['drugs-alcohol'], { age: 19 })[0].id // 'open-road'
 */
export function createDirectory(content: { services: Service[]; crisisLines: CrisisLine[]; entitlements: LocalOfferEntitlement[] }): ServiceDirectoryApi {
  const byId = new Map(content.services.map((service) => [service.id, service]));
  const rank = (service: Service, topics: TopicId[]): number => {
    // Earlier topics count more; a service whose own first topic is the need ranks above a general one.
    let score = 0;
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
        .filter((service) => topics.some((topic) => service.topics.includes(topic)))
        .filter((service) => fitsAge(service.forWho.ages, options.age))
        .filter((service) => !options.thrive || service.thrive.includes(options.thrive))
        .sort((a, b) => rank(b, topics) - rank(a, topics));
      if (matching.length > 0 || topics.length === 0) return matching;
      // Nothing fits: the personal adviser can always help find the right service.
      const fallback = byId.get('leaving-care-team');
      return fallback && fitsAge(fallback.forWho.ages, options.age) ? [fallback] : [];
    },
    servicesInGrouping: (grouping, age) => content.services.filter((service) => service.thrive.includes(grouping) && fitsAge(service.forWho.ages, age)),
    crisisLines: () => content.crisisLines,
    entitlementsFor: (topics, age) => content.entitlements.filter((entitlement) => topics.some((topic) => entitlement.topics.includes(topic)) && fitsAge(entitlement.ages, age)),
  };
}

/**
 * Reads and validates content/services.json, crisis.json and localOffer.json.
 * @example const directory = loadDirectory();
 */
export function loadDirectory(dir = __dirname.includes(`${path.sep}dist${path.sep}`) ? path.resolve(__dirname, '..', '..', 'content') : __dirname): ServiceDirectoryApi {
  return createDirectory({
    services: loadJson(dir, 'services.json', ServiceDirectory).services,
    crisisLines: loadJson(dir, 'crisis.json', CrisisLines).lines,
    entitlements: loadJson(dir, 'localOffer.json', LocalOffer).entitlements,
  });
}
