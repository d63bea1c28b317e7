import { ActionTypes } from 'botbuilder';
import { ageFit, loadDirectory } from '../../content/directory';
import { createTranslator } from '../../content/i18n';
import type { Source } from '../../content/schema';
import { SUBJECT_IDS } from '../../content/topics';
import { entitlementCard, needsChecking, serviceCard } from '../../dialogs/signposting/serviceCard';

const directory = loadDirectory();
const t = createTranslator();
const NOW = new Date('2026-11-30T23:00:00Z');
const isOpenAt = () => false as const;
const ARABIC = /[\u0600-\u06FF]/;

/** Every public-page source with the words that hold a number, and the number it is cited for. */
function webClaims(): Array<[string, string, Source]> {
  const out: Array<[string, string, Source]> = [];
  for (const service of directory.services())
    for (const c of service.contacts)
      if (c.value && c.source.url && c.kind !== 'website') out.push([service.id, c.value, c.source]);
  for (const entitlement of directory.entitlements())
    for (const c of entitlement.contacts)
      if (c.value && c.source.url && c.kind !== 'website') out.push([entitlement.id, c.value, c.source]);
  for (const line of directory.crisisLines())
    for (const c of line.contacts)
      if (c.value && c.source.url && c.kind !== 'website') out.push([line.id, c.value, c.source]);
  return out;
}

describe('content a care leaver can act on at 11 pm', () => {
  it.each(directory.services().map((service) => [service.id, service]))(
    '%s: a card with a link to act on, or a plain reason why not',
    (_id, service) => {
      const card = serviceCard(service, { t, locale: 'en-GB', now: NOW, isOpenAt });
      const content = card.content as { buttons: Array<{ type: string; value: string }>; text: string };
      const direct = content.buttons.some(
        (button) => button.type === ActionTypes.OpenUrl && /^(tel:|sms:|mailto:|https:)/.test(button.value),
      );
      expect(direct || /No direct contact: .+/.test(content.text)).toBe(true);
    },
  );

  it.each(webClaims())('%s: "%s" is in the quoted words of its public source', (_id, value, source) => {
    expect(source.quote).toBeDefined();
    expect(source.quote!.replace(/\s/g, '')).toContain(value.replace(/\s/g, ''));
  });

  it('never lists free prescriptions as something care leavers get', () => {
    for (const entitlement of directory.entitlements())
      expect(`${entitlement.title} ${entitlement.text}`).not.toMatch(
        /^free prescriptions|care leavers (?:get|can get) free prescriptions/i,
      );
    expect(directory.entitlements().find((e) => e.id === 'prescriptions')?.text).toMatch(/not automatically free/);
  });

  it('has a card for every specific question people ask', () => {
    for (const subject of SUBJECT_IDS) {
      const cards =
        directory.entitlementsForSubjects([subject]).length +
        directory.findServicesForNeed([], { subjects: [subject] }).length;
      expect([subject, cards > 0]).toEqual([subject, true]);
    }
  });

  it('shows Small Steps to a 22-year-old only with its SEN condition', () => {
    const smallSteps = directory.getService('small-steps')!;
    expect(ageFit(smallSteps.forWho.ages, 22)).toBe('conditional');
    expect(ageFit(smallSteps.forWho.ages, 26)).toBe('no');
    const card = serviceCard(smallSteps, { t, locale: 'en-GB', now: NOW, isOpenAt, age: 22 });
    expect((card.content as { text: string }).text).toMatch(
      /At 22, only if you have special educational needs \(SEN\)/,
    );
    const found = directory.findServicesForNeed(['behaviour-neurodiversity'], { age: 22 });
    expect(found.at(-1)?.id).toBe('small-steps');
  });

  it('shows a fact from an older source, or one marked to check, with care', () => {
    const old: Source = { document: 'x', locator: 'y', checked: '2026-11-30', sourceDate: '2015-04-14' };
    expect(needsChecking(old, NOW)).toBe(true);
    expect(needsChecking({ ...old, sourceDate: '2026-01-26' }, NOW)).toBe(false);
    expect(needsChecking({ ...old, sourceDate: undefined, toCheck: 'A pilot: may have ended' }, NOW)).toBe(true);
    const interview = directory.entitlements().find((e) => e.id === 'interview-costs')!;
    expect((entitlementCard(interview, { t, locale: 'en-GB', now: NOW }).content as { text: string }).text).toMatch(
      /may have changed/,
    );
  });

  it('gives abuse and sexual violence specialist lines at any age, and Childline only under 19', () => {
    const lines = directory.crisisLines();
    const forAbuse = lines.filter((line) => line.bestFor.includes('abuse') && (line.ages?.max ?? 99) >= 22);
    expect(forAbuse.map((line) => line.id)).toContain('national-domestic-abuse-helpline');
    expect(
      lines
        .filter((line) => line.bestFor.includes('sexual-violence') && (line.ages?.max ?? 99) >= 22)
        .map((line) => line.id),
    ).toContain('rape-crisis-support-line');
    const childline = lines.find((line) => line.id === 'childline')!;
    expect(childline.ages?.max).toBe(18);
    expect(childline.hours[0].alwaysOpen).toBe(true);
  });

  it('has Arabic for every card field, marked as not reviewed', () => {
    for (const service of directory.services()) {
      const ar = service.translations.ar;
      expect([service.id, Boolean(ar?.summary && ar.forWho && ar.howToGetIn)]).toEqual([service.id, true]);
      expect([service.id, ar!.hoursLabels?.length ?? 0, ar!.contactLabels?.length ?? 0]).toEqual([
        service.id,
        service.hours.length,
        service.contacts.length,
      ]);
      expect(ar!.reviewed).toBe(false);
      for (const text of [ar!.summary, ar!.forWho!, ar!.howToGetIn!]) expect(text).toMatch(ARABIC);
    }
    for (const entitlement of directory.entitlements()) {
      const ar = entitlement.translations.ar;
      expect([entitlement.id, Boolean(ar?.title && ar.text)]).toEqual([entitlement.id, true]);
      if (entitlement.howToGet)
        expect([entitlement.id, ar!.howToGet]).toEqual([entitlement.id, expect.stringMatching(ARABIC)]);
    }
    for (const line of directory.crisisLines())
      expect([line.id, line.translations.ar?.when]).toEqual([line.id, expect.stringMatching(ARABIC)]);
  });

  it('shows an Arabic card with no English sentence in it (names and addresses aside)', () => {
    for (const service of directory.services()) {
      const card = serviceCard(service, { t, locale: 'ar', now: NOW, isOpenAt });
      const { text, subtitle } = card.content as { text: string; subtitle: string };
      // An English sentence: five or more Latin words in a row.
      for (const part of [text, subtitle])
        expect([service.id, /(?:\b[A-Za-z]+\b[\s,]+){5,}/.test(part.replace(/https?:\S+/g, ''))]).toEqual([
          service.id,
          false,
        ]);
    }
  });
});
