import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ACTION_STAGES, ACTION_STATUSES, OWNER_ROLES } from '../../surveys/actions';
import { THEMES } from '../../surveys/schema';
import { CONTENT_KINDS } from '../../content/contentLibrary';
import { PLAIN_FIELDS } from '../content/contentForm';
import { STAFF_ROLES } from '../roles';
import { STAFF_LOCALE_RESOURCES, pageLocale, staffTranslator } from './i18n';
import { ownerLabel, stageLabel, statusLabel, themeLabel } from './labels';

function leaves(value: unknown, prefix = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    leaves(child, prefix ? `${prefix}.${key}` : key),
  );
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

const english = new Map(leaves(STAFF_LOCALE_RESOURCES['en-GB']));
const arabic = new Map(leaves(STAFF_LOCALE_RESOURCES.ar));

/** Every source file and view of the staff pages and their adapter. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.(ts|njk)$/.test(name) && !name.endsWith('.test.ts') ? [file] : [];
  });
}

describe('staff and public page locales', () => {
  it('has the same keys in English and Arabic', () => {
    expect([...arabic.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('uses the same {{placeholders}} in both languages, and no empty strings', () => {
    for (const [key, text] of english) {
      expect([key, placeholders(arabic.get(key) ?? '')]).toEqual([key, placeholders(text)]);
      expect([key, text.trim().length > 0, (arabic.get(key) ?? '').trim().length > 0]).toEqual([key, true, true]);
    }
  });

  it('marks the Arabic as not yet reviewed by a person, and right to left', () => {
    expect(STAFF_LOCALE_RESOURCES.ar.meta).toMatchObject({ dir: 'rtl', reviewedByPerson: false });
  });

  it('has every key the pages and the adapter name', () => {
    const root = path.resolve(__dirname, '..', '..');
    const files = [...sources(path.join(root, 'staff')), ...sources(path.join(root, 'bot', 'staffHttp'))];
    const named = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([\w.-]+)'/g)) named.add(match[1]);
      for (const match of text.matchAll(/HttpError\(\s*\d+,\s*'([\w.]+)'/g)) {
        named.add(`${match[1]}.title`);
        named.add(`${match[1]}.message`);
      }
    }
    expect(named.size).toBeGreaterThan(150);
    expect([...named].filter((key) => !english.has(key))).toEqual([]);
  });

  it('has a word for every theme, action status, stage, owner, role and content field', () => {
    for (const locale of ['en-GB', 'ar'] as const) {
      const t = staffTranslator(locale);
      const words = [
        ...THEMES.map((theme) => themeLabel(t, theme)),
        ...ACTION_STATUSES.map((status) => statusLabel(t, status)),
        ...ACTION_STAGES.map((stage) => stageLabel(t, stage)),
        ...OWNER_ROLES.map((owner) => ownerLabel(t, owner)),
        ...STAFF_ROLES.map((role) => t(`roles.${role}`)),
        ...CONTENT_KINDS.map((kind) => t(`content.kinds.${kind}`)),
        ...CONTENT_KINDS.flatMap((kind) => PLAIN_FIELDS[kind].map((f) => t(`content.fields.${kind}.${f.name}`))),
      ];
      // i18next answers a missing key with the key itself.
      expect(words.filter((word) => /^[a-zA-Z]+\.[\w.-]+$/.test(word))).toEqual([]);
    }
  });

  it('fills in values in either language', () => {
    expect(staffTranslator('en-GB')('results.fewerThan', { threshold: 5 })).toBe('fewer than 5');
    expect(staffTranslator('ar')('results.fewerThan', { threshold: 5 })).toBe('أقل من 5');
  });

  it.each([
    ['ar', undefined, 'ar'],
    ['en', 'ar', 'en-GB'],
    [undefined, 'ar-EG,ar;q=0.9,en;q=0.5', 'ar'],
    [undefined, 'fr-FR,fr;q=0.9,ar;q=0.5', 'ar'],
    [undefined, 'en-GB,en;q=0.9', 'en-GB'],
    [undefined, undefined, 'en-GB'],
  ])('reads ?lang=%s with Accept-Language %s as %s', (lang, accept, expected) => {
    expect(pageLocale(lang, accept)).toBe(expected);
  });
});
