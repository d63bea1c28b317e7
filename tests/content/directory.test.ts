import { loadDirectory } from '../../content/directory';
import { isOpenAt } from '../../content/openingHours';

const directory = loadDirectory();
const ids = (services: Array<{ id: string }>) => services.map((service) => service.id);

describe('the service directory', () => {
  it.each([
    [['drugs-alcohol'], 'open-road'],
    [['feeling-low'], 'qwell'],
    [['behaviour-neurodiversity'], 'small-steps'],
    [['housing'], 'staying-put'],
    [['health'], 'care-leavers-health-offer'],
    [['leaving-care-support'], 'leaving-care-team'],
  ] as const)('offers the right service for %j', (topics, expected) => {
    expect(ids(directory.findServicesForNeed([...topics]))).toContain(expected);
  });

  it('leaves out NELFT for a 22 year old (it is for people up to 19)', () => {
    expect(ids(directory.findServicesForNeed(['feeling-low'], { age: 19 }))).toContain('nelft-mypws');
    expect(ids(directory.findServicesForNeed(['feeling-low'], { age: 22 }))).not.toContain('nelft-mypws');
  });

  it('leaves out Childline for a 19 year old', () => {
    const childline = directory.crisisLines().find((line) => line.id === 'childline')!;
    expect(childline.ages?.max).toBe(18);
  });

  it('falls back to the personal adviser when nothing else fits', () => {
    expect(ids(directory.findServicesForNeed(['parenting'], { age: 24 }))).toEqual(['leaving-care-team']);
  });

  it('only shows services in the chosen i-THRIVE grouping', () => {
    for (const service of directory.findServicesForNeed(['feeling-low'], { thrive: 'getting-more-help' }))
      expect(service.thrive).toContain('getting-more-help');
  });

  it('lists local offer entitlements for health', () => {
    expect(directory.entitlementsFor(['health']).map((e) => e.id)).toEqual(
      expect.arrayContaining(['health-history', 'register-gp', 'nhs-dentist', 'prescriptions']),
    );
  });
});

describe('opening hours in Europe/London time', () => {
  const chat = loadDirectory()
    .getService('qwell')!
    .hours.find((hours) => !hours.alwaysOpen)!;

  it.each([
    ['2026-11-24T03:00:00Z', false, 'a Tuesday at 3am (GMT)'],
    ['2026-11-24T12:30:00Z', true, 'a Tuesday at 12:30pm (GMT)'],
    ['2026-11-24T21:59:00Z', true, 'a Tuesday at 9:59pm (GMT)'],
    ['2026-11-24T22:00:00Z', false, 'a Tuesday at 10pm (GMT)'],
    ['2026-11-28T14:00:00Z', false, 'a Saturday at 2pm (GMT)'],
    ['2026-11-28T19:00:00Z', true, 'a Saturday at 7pm (GMT)'],
    ['2026-07-14T20:30:00Z', true, 'a Tuesday at 9:30pm (BST)'],
    ['2026-07-14T21:30:00Z', false, 'a Tuesday at 10:30pm (BST), 9:30pm in UTC'],
    ['2026-07-14T10:30:00Z', false, 'a Tuesday at 11:30am (BST)'],
  ])('QWELL live chat at %s is open: %s (%s)', (instant, expected) => {
    expect(isOpenAt(chat, new Date(instant))).toBe(expected);
  });

  it('says "unknown" for hours given only as a note', () => {
    expect(
      isOpenAt(
        { label: 'Drop-in', alwaysOpen: false, slots: [], note: 'Ask your PA', source: chat.source },
        new Date(),
      ),
    ).toBe('unknown');
  });
});
