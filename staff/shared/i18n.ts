/** The staff and public pages' words: i18next over content/locales/staff, and the language a visitor asked for. */
import {
  directionOf,
  localeInstance,
  resolveLocale,
  SUPPORTED_LOCALES,
  type SupportedLocale,
} from '../../content/i18n';
import ar from '../../content/locales/staff/ar.json';
import enGB from '../../content/locales/staff/en-GB.json';

export type PageLocale = SupportedLocale;
/** A key in the staff locale files, e.g. 'errors.surveyNotFound'; the parity test keeps en-GB and ar in step. */
export type StaffKey = string;
export type StaffTranslate = (key: StaffKey, values?: Record<string, unknown>) => string;

/** The raw staff resources, for the parity test. */
export const STAFF_LOCALE_RESOURCES: Record<PageLocale, Record<string, unknown>> = { 'en-GB': enGB, ar };

// Nunjucks escapes what the views print; escaping in i18next too would show &amp; on the page.
const instance = localeInstance(STAFF_LOCALE_RESOURCES, 'staff');
const fixed = new Map(SUPPORTED_LOCALES.map((locale) => [locale, instance.getFixedT(locale, 'staff')]));

/**
 * A translator for one language of the staff namespace.
 * @example staffTranslator('ar')('public.title') // 'قلتم، ففعلنا'
 */
export function staffTranslator(locale: PageLocale): StaffTranslate {
  const t = fixed.get(locale) ?? instance.getFixedT(locale, 'staff');
  return (key, values) => t(key, values ?? {}) as string;
}

/**
 * The language of a page that can be read in Arabic: `?lang=` first, then the browser's Accept-Language.
 * @example pageLocale('ar', undefined) // 'ar'
 * @example pageLocale(undefined, 'ar-EG,ar;q=0.9,en;q=0.5') // 'ar'
 */
export function pageLocale(lang: unknown, acceptLanguage: string | undefined): PageLocale {
  if (typeof lang === 'string' && lang) return resolveLocale(lang, undefined);
  const first = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.split(';')[0].trim())
    .find((tag) => /^(ar|en)\b/i.test(tag));
  return resolveLocale(undefined, first);
}

export { directionOf };
