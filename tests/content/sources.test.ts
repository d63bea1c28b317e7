import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadDirectory } from '../../content/directory';
import type { ContactMethod, Source } from '../../content/schema';
import { THRIVE_GROUPINGS, TOPIC_IDS } from '../../content/topics';

const SEEDS = path.resolve(__dirname, '../../../shared/seeds');
const directory = loadDirectory();
const seedText = new Map<string, string>();

function seed(document: string): string {
  if (!seedText.has(document)) {
    let text: string;
    try {
      text = readFileSync(path.join(SEEDS, document), 'utf8');
    } catch {
      throw new Error(
        `Seed document ${document} not found in ${SEEDS}: ` +
          'the repository must sit next to shared/ (as in CI) for sources to be checked.',
      );
    }
    seedText.set(document, text.replace(/\s+/g, ' '));
  }
  return seedText.get(document)!;
}

const isSeed = (source: Source) => /^\d{3}_[0-9a-f]+\.txt$/.test(source.document);

/** Every contact detail and age limit in the content, with where it claims to come from. */
function claims(): Array<{ where: string; value: string; source: Source }> {
  const out: Array<{ where: string; value: string; source: Source }> = [];
  const contact = (where: string, c: ContactMethod) => c.value && out.push({ where, value: c.value, source: c.source });
  for (const service of directory.services()) {
    service.contacts.forEach((c) => contact(service.id, c));
    const ages = service.forWho.ages;
    if (ages?.min !== undefined)
      out.push({ where: `${service.id} min age`, value: String(ages.min), source: ages.source });
    if (ages?.max !== undefined)
      out.push({ where: `${service.id} max age`, value: String(ages.max), source: ages.source });
    for (const hours of service.hours)
      for (const slot of hours.slots)
        out.push({ where: `${service.id} hours`, value: `${slot.opens}-${slot.closes}`, source: hours.source });
  }
  for (const line of directory.crisisLines()) line.contacts.forEach((c) => contact(line.id, c));
  return out;
}

describe('content never invents a contact detail, age limit or opening time', () => {
  it.each(
    claims()
      .filter((claim) => isSeed(claim.source))
      .map((claim) => [claim.where, claim.value, claim.source.document, claim]),
  )('%s: "%s" appears in %s', (_where, _value, _document, claim) => {
    const { value, source } = claim as { value: string; source: Source };
    const text = seed(source.document);
    if (/^\d{2}:\d{2}-\d{2}:\d{2}$/.test(value)) {
      // "12:00-22:00" must be written in the source as 12pm and 10pm (or 12:00 / 22:00).
      const hour = (hhmm: string) => Number(hhmm.slice(0, 2));
      const say = (h: number) => [
        `${h % 12 === 0 ? 12 : h % 12}${h < 12 || h === 24 ? 'am' : 'pm'}`,
        `${String(h).padStart(2, '0')}:00`,
      ];
      const [opens, closes] = value.split('-');
      expect(say(hour(opens)).some((form) => text.toLowerCase().includes(form))).toBe(true);
      expect(say(hour(closes)).some((form) => text.toLowerCase().includes(form))).toBe(true);
    } else if (/^\d+$/.test(value)) {
      expect(text).toMatch(new RegExp(`\\b${value}\\b`));
    } else {
      // A web address is cited as the source writes it ("www.kooth.com"), without the scheme the link needs.
      expect(text.replace(/\s/g, '')).toContain(
        value
          .replace(/^https?:\/\//, '')
          .replace(/\/$/, '')
          .replace(/\s/g, ''),
      );
    }
  });

  it.each(
    claims()
      .filter((claim) => !isSeed(claim.source))
      .map((claim) => [claim.where, claim.value, claim]),
  )('%s: "%s" cites a public web page, with a date checked', (_where, _value, claim) => {
    const { source } = claim as { source: Source };
    expect(source.url).toMatch(/^https?:\/\//);
    expect(source.quote).toBeDefined();
    expect(source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('names an existing seed document for every seed source', () => {
    const all: Source[] = [
      ...directory
        .services()
        .flatMap((s) => [...s.sources, ...s.contacts.map((c) => c.source), ...s.hours.map((h) => h.source)]),
      ...directory.crisisLines().flatMap((l) => l.contacts.map((c) => c.source)),
    ];
    for (const source of all.filter(isSeed)) expect(() => seed(source.document)).not.toThrow();
  });

  it('gives every service at least one way in and one source', () => {
    for (const service of directory.services()) {
      expect([service.id, service.contacts.length > 0, service.sources.length > 0]).toEqual([service.id, true, true]);
    }
  });

  it('covers every need in the menu with at least one service', () => {
    for (const topic of TOPIC_IDS)
      expect([topic, directory.findServicesForNeed([topic]).length > 0]).toEqual([topic, true]);
  });

  it('puts at least one service in every i-THRIVE grouping', () => {
    for (const grouping of THRIVE_GROUPINGS)
      expect([grouping, directory.servicesInGrouping(grouping).length > 0]).toEqual([grouping, true]);
  });

  it('marks every Arabic text that no person has reviewed', () => {
    for (const service of directory.services())
      if (service.translations.ar) expect(service.translations.ar.reviewed).toBe(false);
  });
});
