import { createTranslator, LOCALE_RESOURCES, resolveLocale, SUPPORTED_LOCALES } from '../../content/i18n';

function keysOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    keysOf(child, prefix ? `${prefix}.${key}` : key),
  );
}

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
}

describe('locales', () => {
  const english = LOCALE_RESOURCES['en-GB'];
  const englishKeys = keysOf(english).sort();

  it.each(SUPPORTED_LOCALES.filter((locale) => locale !== 'en-GB'))('%s has exactly the keys en-GB has', (locale) => {
    expect(keysOf(LOCALE_RESOURCES[locale]).sort()).toEqual(englishKeys);
  });

  it.each(SUPPORTED_LOCALES)('%s uses the same {{placeholders}} as en-GB in every string', (locale) => {
    const t = createTranslator();
    for (const key of englishKeys.filter((k) => !k.startsWith('meta.'))) {
      expect([key, placeholdersOf(t(locale, key))]).toEqual([key, placeholdersOf(t('en-GB', key))]);
    }
  });

  it('marks translations that no person has reviewed', () => {
    expect((LOCALE_RESOURCES.ar as { meta: { reviewedByPerson: boolean } }).meta.reviewedByPerson).toBe(false);
  });

  it('writes Arabic right to left and English left to right', () => {
    expect((LOCALE_RESOURCES.ar as { meta: { dir: string } }).meta.dir).toBe('rtl');
    expect((LOCALE_RESOURCES['en-GB'] as { meta: { dir: string } }).meta.dir).toBe('ltr');
  });

  it('has no empty strings', () => {
    const t = createTranslator();
    for (const locale of SUPPORTED_LOCALES)
      for (const key of englishKeys.filter((k) => !k.startsWith('meta.')))
        expect([locale, key, t(locale, key).trim().length > 0]).toEqual([locale, key, true]);
  });

  it.each([
    [undefined, 'ar-EG', 'ar'],
    [undefined, 'ar', 'ar'],
    [undefined, 'en-US', 'en-GB'],
    [undefined, 'fr-FR', 'en-GB'],
    [undefined, undefined, 'en-GB'],
    ['ar', 'en-GB', 'ar'],
    ['en-GB', 'ar-SA', 'en-GB'],
  ])('chooses a language from preference %s and activity locale %s: %s', (preference, activityLocale, expected) => {
    expect(resolveLocale(preference, activityLocale)).toBe(expected);
  });
});
