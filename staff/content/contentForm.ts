/** Reads the content edit form: the plain fields a worker changes most, laid over the item's full details (JSON). */
import type { ContentItem, ContentKind } from '../../content/contentLibrary';

type Body = Record<string, unknown>;
const text = (body: Body, name: string): string | undefined =>
  typeof body[name] === 'string' ? (body[name] as string).trim() : undefined;

/** Which plain fields each kind has, as form name and path in the item (labels: content.fields in the locale file). */
export const PLAIN_FIELDS: Record<ContentKind, Array<{ name: string; path: string[]; long?: boolean }>> = {
  service: [
    { name: 'name', path: ['name'] },
    { name: 'summary', path: ['summary'] },
    { name: 'forWho', path: ['forWho', 'text'], long: true },
    { name: 'howToGetIn', path: ['howToGetIn', 'text'], long: true },
  ],
  entitlement: [
    { name: 'title', path: ['title'] },
    { name: 'text', path: ['text'], long: true },
    { name: 'forWho', path: ['forWho'], long: true },
    { name: 'howMuch', path: ['howMuch'] },
    { name: 'howToGet', path: ['howToGet'], long: true },
  ],
  'crisis-line': [
    { name: 'name', path: ['name'] },
    { name: 'when', path: ['when'], long: true },
  ],
};

const get = (item: Record<string, unknown>, path: string[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    item,
  );
function set(item: Record<string, unknown>, path: string[], value: string | undefined): void {
  let node = item;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  const last = path[path.length - 1];
  if (value) node[last] = value;
  else delete node[last];
}

/** The values to show in the plain fields for an item. @example plainValues('service', qwell).summary */
export function plainValues(kind: ContentKind, item: ContentItem): Record<string, string> {
  return Object.fromEntries(
    PLAIN_FIELDS[kind].map((field) => [
      field.name,
      String(get(item as unknown as Record<string, unknown>, field.path) ?? ''),
    ]),
  );
}

type ContactField = 'label' | 'value' | 'url' | 'quote' | 'checked' | 'toCheck';

/**
 * Builds the proposed item: the JSON box (all details), then the plain fields and contact rows on top.
 * A JSON box that does not parse is an error in words, not a 500. The result is checked by the schema when published.
 * @example readContentForm('service', { json: '{...}', summary: 'Free help' })
 */
export function readContentForm(
  kind: ContentKind,
  body: Body,
): { item?: Record<string, unknown>; json: string; errors: string[] } {
  const json = text(body, 'json') ?? '';
  let item: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      return { json, errors: ['All details: this must be one JSON object, starting with { and ending with }'] };
    item = parsed as Record<string, unknown>;
  } catch (error) {
    return { json, errors: [`All details: this is not valid JSON (${(error as Error).message})`] };
  }
  for (const field of PLAIN_FIELDS[kind]) {
    const value = text(body, field.name);
    if (value !== undefined) set(item, field.path, value);
  }
  const contacts = Array.isArray(item.contacts) ? (item.contacts as Array<Record<string, unknown>>) : [];
  contacts.forEach((contact, index) => {
    const row = (name: ContactField) => text(body, `contact-${index}-${name}`);
    if (row('label') !== undefined) set(contact, ['label'], row('label'));
    if (row('value') !== undefined) set(contact, ['value'], row('value'));
    const source = (contact.source ??= {}) as Record<string, unknown>;
    if (row('url') !== undefined) set(source, ['url'], row('url'));
    if (row('quote') !== undefined) set(source, ['quote'], row('quote'));
    if (row('checked') !== undefined) set(source, ['checked'], row('checked'));
    if (row('toCheck') !== undefined) set(source, ['toCheck'], row('toCheck'));
  });
  return { item: { ...item, contacts }, json: JSON.stringify({ ...item, contacts }, null, 2), errors: [] };
}
