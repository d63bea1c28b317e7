/** All user-facing text goes through i18next; this module loads the locale files and picks a language for a turn. */
import i18next, { type i18n, type TOptions } from 'i18next';
import enGB from './locales/en-GB.json';
import ar from './locales/ar.json';

export const SUPPORTED_LOCALES = ['en-GB', 'ar'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: SupportedLocale = 'en-GB';

/** The raw resources, for tests that compare keys between languages. */
export const LOCALE_RESOURCES: Record<SupportedLocale, Record<string, unknown>> = { 'en-GB': enGB, ar };

export type Translate = (locale: SupportedLocale, key: string, options?: TOptions) => string;

/**
 * An isolated i18next instance over one namespace of bundled resources (so init is synchronous), in the languages the
 * bot speaks, falling back to English. Values are not escaped here: chat text is plain and the pages' views escape.
 * @example localeInstance({ 'en-GB': { hi: 'Hi' }, ar: { hi: 'مرحبا' } }, 'staff').getFixedT('ar', 'staff')('hi')
 */
export function localeInstance(resources: Record<SupportedLocale, Record<string, unknown>>, namespace: string): i18n {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, { [namespace]: resources[locale] }])),
    ns: [namespace],
    defaultNS: namespace,
    lng: DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...SUPPORTED_LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/**
 * Creates an isolated i18next instance (synchronous init: resources are bundled).
 * @example const t = createTranslator(); t('ar', 'menu.prompt')
 */
export function createTranslator(): Translate {
  const instance = localeInstance(LOCALE_RESOURCES, 'translation');
  // One bound translator per language, made once: getFixedT builds a new function on every call.
  const fixed = new Map(SUPPORTED_LOCALES.map((locale) => [locale, instance.getFixedT(locale)]));
  // Each string is looked up once; placeholders ({{n}}) are filled in here. Our locale files use no plurals,
  // contexts or nesting, so options with those still go through i18next itself.
  const templates = new Map<string, string>();
  const template = (locale: SupportedLocale, key: string) => {
    const cacheKey = `${locale}\u0000${key}`;
    let text = templates.get(cacheKey);
    if (text === undefined)
      templates.set(
        cacheKey,
        (text = (fixed.get(locale) ?? instance.getFixedT(locale))(key, {
          interpolation: { skipOnVariables: true },
          skipInterpolation: true,
        }) as string),
      );
    return text;
  };
  return (locale, key, options) => {
    if (options && ('count' in options || 'context' in options || 'lng' in options || 'defaultValue' in options))
      return (fixed.get(locale) ?? instance.getFixedT(locale))(key, options) as string;
    const text = template(locale, key);
    if (!options || !text.includes('{{')) return text;
    return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (placeholder, name: string) =>
      options[name] === undefined ? placeholder : String(options[name]),
    );
  };
}

/**
 * Picks a supported locale from a chosen preference or the activity's locale ("ar-EG" -> "ar"); English otherwise.
 * @example resolveLocale(undefined, 'ar-SA') // 'ar'
 */
export function resolveLocale(preference: string | undefined, activityLocale: string | undefined): SupportedLocale {
  for (const candidate of [preference, activityLocale]) {
    if (!candidate) continue;
    const lower = candidate.toLowerCase();
    if (lower === 'ar' || lower.startsWith('ar-')) return 'ar';
    if (lower.startsWith('en')) return 'en-GB';
  }
  return DEFAULT_LOCALE;
}

/** Text direction of a locale. @example directionOf('ar') // 'rtl' */
export function directionOf(locale: SupportedLocale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}
