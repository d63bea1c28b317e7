/**
 * The /staff/content pages' data: every service, entitlement and crisis line with its sources and checks, an edit
 * form with previews, and the history.
 */
import {
  CONTENT_KINDS,
  itemsOf,
  type ContentBundle,
  type ContentItem,
  type ContentKind,
  type ContentLibrary,
} from '../../content/contentLibrary';
import type { SupportedLocale } from '../../content/i18n';
import { createTranslator } from '../../content/i18n';
import { isOpenAt } from '../../content/openingHours';
import { CrisisLine, LocalOfferEntitlement, Service, type Source } from '../../content/schema';
import { crisisLinesText } from '../../dialogs/crisis/crisisLines';
import { entitlementCard, needsChecking, serviceCard } from '../../dialogs/signposting/serviceCard';
import type { StaffTranslate } from '../shared/i18n';
import { page, type PageResult } from '../shared/route';
import { PLAIN_FIELDS, plainValues } from './contentForm';

const YEAR_MS = 365 * 24 * 3600 * 1000;
/** The chat's own translator: previews show the cards exactly as the chat words them. */
const chatT = createTranslator();

/** Every source an item cites, for its checked dates and flags. */
function sourcesOf(kind: ContentKind, item: ContentItem): Source[] {
  if (kind === 'service') {
    const s = item as Service;
    return [
      ...s.sources,
      ...s.contacts.map((c) => c.source),
      ...s.hours.map((h) => h.source),
      ...(s.forWho.ages ? [s.forWho.ages.source] : []),
    ];
  }
  if (kind === 'entitlement') {
    const e = item as LocalOfferEntitlement;
    return [e.source, ...e.contacts.map((c) => c.source), ...(e.ages ? [e.ages.source] : [])];
  }
  const l = item as CrisisLine;
  return [...l.contacts.map((c) => c.source), ...l.hours.map((h) => h.source), ...(l.ages ? [l.ages.source] : [])];
}

const nameOf = (item: ContentItem): string => ('name' in item ? item.name : item.title);

/**
 * Why an item needs a person to look at it: checked over 12 months ago, an old source, or marked "to check".
 * @example flagsFor(t, 'service', item, new Date()) // ['Checked over 12 months ago']
 */
export function flagsFor(t: StaffTranslate, kind: ContentKind, item: ContentItem, now: Date): string[] {
  const sources = sourcesOf(kind, item);
  const flags = new Set<string>();
  if (sources.some((s) => now.getTime() - Date.parse(s.checked) > YEAR_MS)) flags.add(t('content.flags.old'));
  for (const s of sources) if (s.toCheck) flags.add(t('content.flags.toCheck', { note: s.toCheck }));
  if (sources.some((s) => !s.toCheck && needsChecking(s, now))) flags.add(t('content.flags.oldSource'));
  return [...flags];
}

/** A card as chat would show it, as plain parts for the preview. */
function preview(kind: ContentKind, item: ContentItem, locale: SupportedLocale, now: Date) {
  if (kind === 'crisis-line')
    return {
      title: '',
      subtitle: '',
      lines: crisisLinesText([item as CrisisLine], locale)
        .replace(/\*\*/g, '')
        .split('\n\n'),
      buttons: [],
    };
  const card =
    kind === 'service'
      ? serviceCard(item as Service, { t: chatT, locale, now, isOpenAt })
      : entitlementCard(item as LocalOfferEntitlement, { t: chatT, locale, now });
  const content = card.content as {
    title: string;
    subtitle?: string;
    text?: string;
    buttons?: Array<{ title: string; value: string }>;
  };
  return {
    title: content.title,
    subtitle: content.subtitle ?? '',
    lines: (content.text ?? '').split('\n\n'),
    buttons: (content.buttons ?? []).map((b) => ({ title: b.title, value: b.value })),
  };
}

/**
 * The list: every item with its last check and flags, and the version history with undo.
 * @example await contentListPage(t, library, new Date())
 */
export async function contentListPage(
  t: StaffTranslate,
  library: ContentLibrary,
  now: Date,
  notice?: string,
): Promise<PageResult> {
  const bundle: ContentBundle = library.current();
  const rows = CONTENT_KINDS.flatMap((kind) =>
    itemsOf(bundle, kind).map((item) => {
      const sources = sourcesOf(kind, item);
      const oldest = sources.map((s) => s.checked).sort()[0] ?? '';
      return {
        kind,
        kindLabel: t(`content.kinds.${kind}`),
        id: item.id,
        name: nameOf(item),
        checked: oldest,
        sources: sources.length,
        flags: flagsFor(t, kind, item, now),
        href: `/staff/content/${kind}/${item.id}`,
      };
    }),
  );
  const history = (await library.history(15)).map((v) => ({
    ...v,
    when: v.at.toISOString().replace('T', ' ').slice(0, 16),
  }));
  return page('content.njk', 'content', {
    title: t('content.title'),
    rows,
    flagged: rows.filter((row) => row.flags.length).length,
    history,
    canUndo: history.length > 1,
    notice,
  });
}

/**
 * The edit form for one item, with its card previewed in English and Arabic.
 * @example contentEditPage(t, { kind: 'service', item, now: new Date() })
 */
export function contentEditPage(
  t: StaffTranslate,
  args: { kind: ContentKind; item: ContentItem; proposed?: ContentItem; json?: string; errors?: string[]; now: Date },
  status = 200,
): PageResult {
  const shown = args.proposed ?? args.item;
  const values = plainValues(args.kind, shown);
  const fields = PLAIN_FIELDS[args.kind].map((field) => ({
    ...field,
    label: t(`content.fields.${args.kind}.${field.name}`),
    value: values[field.name],
  }));
  const contacts = shown.contacts.map((contact, index) => ({
    index,
    kind: contact.kind,
    label: contact.label,
    value: contact.value ?? '',
    url: contact.source.url ?? '',
    quote: contact.source.quote ?? '',
    checked: contact.source.checked,
    toCheck: contact.source.toCheck ?? '',
    document: contact.source.document,
  }));
  return page(
    'contentEdit.njk',
    'content',
    {
      title: t('content.editTitle', { name: nameOf(args.item) }),
      kind: args.kind,
      kindLabel: t(`content.kinds.${args.kind}`),
      id: args.item.id,
      name: nameOf(args.item),
      fields,
      contacts,
      json: args.json ?? JSON.stringify(shown, null, 2),
      errors: (args.errors ?? []).map((text) => ({ text, href: '#json' })),
      flags: flagsFor(t, args.kind, shown, args.now),
      previewEn: preview(args.kind, shown, 'en-GB', args.now),
      previewAr: preview(args.kind, shown, 'ar', args.now),
      isPreview: Boolean(args.proposed),
    },
    status,
  );
}
