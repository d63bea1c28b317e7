/**
 * The content the bot shows (services, crisis lines, local offer), kept as versions in the store so staff can edit,
 * publish and undo without a developer. The shipped JSON is the first version; the latest version is what the bot uses.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Collection, DocumentStore, StoredDocument } from '../store/port';
import { createDirectory, type ServiceDirectoryApi } from './directory';
import { CrisisLine, LocalOfferEntitlement, Service } from './schema';

/** The three kinds of item staff can edit, by the name used in URLs and the audit log. */
export const CONTENT_KINDS = ['service', 'entitlement', 'crisis-line'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

const uniqueIds = (items: Array<{ id: string }>, ctx: z.RefinementCtx, path: string) => {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id))
      ctx.addIssue({ code: 'custom', path: [path, index, 'id'], message: `two items share the id ${item.id}` });
    seen.add(item.id);
  });
};

/** Everything the bot knows, as one validated value. */
export const ContentBundle = z
  .object({
    services: z.array(Service).min(1),
    crisisLines: z.array(CrisisLine).min(1),
    entitlements: z.array(LocalOfferEntitlement).min(1),
  })
  .superRefine((bundle, ctx) => {
    uniqueIds(bundle.services, ctx, 'services');
    uniqueIds(bundle.crisisLines, ctx, 'crisisLines');
    uniqueIds(bundle.entitlements, ctx, 'entitlements');
    if (!bundle.crisisLines.some((line) => line.contacts.some((contact) => contact.value === '999')))
      ctx.addIssue({ code: 'custom', path: ['crisisLines'], message: 'the crisis lines must keep 999' });
  });
export type ContentBundle = z.infer<typeof ContentBundle>;
export type ContentItem = Service | CrisisLine | LocalOfferEntitlement;

const LIST: Record<ContentKind, 'services' | 'crisisLines' | 'entitlements'> = {
  service: 'services',
  'crisis-line': 'crisisLines',
  entitlement: 'entitlements',
};
export const ITEM_SCHEMA: Record<ContentKind, z.ZodType<ContentItem>> = {
  service: Service,
  'crisis-line': CrisisLine,
  entitlement: LocalOfferEntitlement,
};

/** One published version: the whole content, who published it and what changed. */
export interface ContentVersion extends StoredDocument {
  version: number;
  at: Date;
  actorName: string;
  role: string;
  /** What changed, e.g. "service qwell" or "undo: back to version 4"; "shipped content" for the first. */
  change: string;
  bundle: ContentBundle;
  /** Which shipped content files this version builds on, so a new release's files are taken in on start. */
  shippedHash: string;
  /** On a "shipped content updated" version: the release's files as shipped, the base for the next merge. */
  shipped?: ContentBundle;
}

const SHIPPED = ['shipped content', 'shipped content updated'];
const hashOf = (bundle: ContentBundle) =>
  createHash('sha256').update(JSON.stringify(bundle)).digest('hex').slice(0, 16);

/**
 * A new release's content with the staff's edits kept: an item staff changed since the last shipped version keeps
 * their version (they checked it more recently); every other item comes from the new files.
 */
export function mergeShipped(base: ContentBundle, edited: ContentBundle, shipped: ContentBundle): ContentBundle {
  const merged = { ...shipped };
  for (const kind of CONTENT_KINDS) {
    const before = new Map(itemsOf(base, kind).map((item) => [item.id, JSON.stringify(item)]));
    const staffItems = itemsOf(edited, kind).filter(
      (item) => before.get(item.id) !== undefined && before.get(item.id) !== JSON.stringify(item),
    );
    let list = itemsOf(merged, kind);
    for (const item of staffItems) list = list.map((existing) => (existing.id === item.id ? item : existing));
    Object.assign(merged, { [LIST[kind]]: list });
  }
  return merged;
}

/** A version without its content, for the history list. */
export type ContentVersionSummary = Pick<ContentVersion, '_id' | 'version' | 'at' | 'actorName' | 'role' | 'change'>;

/** The item to edit does not exist. */
export class ContentItemNotFoundError extends Error {
  override readonly name = 'ContentItemNotFoundError';
}

/** There is no earlier version to go back to. */
export class NothingToUndoError extends Error {
  override readonly name = 'NothingToUndoError';
}

/** A proposed change broke the rules the content must keep; `issues` say where, in words. */
export class ContentRejectedError extends Error {
  override readonly name = 'ContentRejectedError';
  constructor(readonly issues: string[]) {
    super(issues.join('; '));
  }
}

/** The items of one kind in a bundle. @example itemsOf(bundle, 'service')[0].id */
export function itemsOf(bundle: ContentBundle, kind: ContentKind): ContentItem[] {
  return bundle[LIST[kind]];
}

/** A copy of the bundle with one item replaced (or added, when new). */
export function withItem(bundle: ContentBundle, kind: ContentKind, id: string, item: ContentItem): ContentBundle {
  const list = itemsOf(bundle, kind);
  const index = list.findIndex((existing) => existing.id === id);
  const next = index >= 0 ? list.map((existing, i) => (i === index ? item : existing)) : [...list, item];
  return { ...bundle, [LIST[kind]]: next };
}

/** zod's issues as short lines a worker can act on: "contacts.0.value: Too small". */
export const describeIssues = (error: z.ZodError): string[] =>
  error.issues.map((issue) => `${issue.path.join('.') || 'content'}: ${issue.message}`);

export interface ContentLibrary {
  /** The published content now. */
  current(): ContentBundle;
  /** A directory over the published content that follows every publish at once (what the bot is given). */
  readonly directory: ServiceDirectoryApi;
  /** Validates and publishes one changed item as a new version. */
  publish(kind: ContentKind, id: string, item: unknown, actor: { name: string; role: string }): Promise<ContentVersion>;
  /** Publishes the version before the latest again, as a new version (nothing is ever deleted). */
  undo(actor: { name: string; role: string }): Promise<ContentVersion>;
  /** The latest versions, newest first (without their bundles). */
  history(limit?: number): Promise<ContentVersionSummary[]>;
}

/**
 * Opens the content library on the store, seeding it with the shipped content the first time.
 * @example const library = await openContentLibrary(store, shippedContent()); library.directory.crisisLines()
 */
export async function openContentLibrary(
  store: DocumentStore,
  shipped: ContentBundle,
  clock: () => Date = () => new Date(),
): Promise<ContentLibrary> {
  const versions: Collection<ContentVersion> = store.collection<ContentVersion>('content_versions');
  await versions.ensureIndexes([{ key: { version: 1 }, name: 'by_version', unique: true }]);
  const latest = async () => (await versions.find({}, { sort: { version: -1 }, limit: 1 }))[0];
  let head = await latest();
  const shippedHash = hashOf(shipped);
  if (!head) {
    head = {
      _id: 'content_v1',
      version: 1,
      at: clock(),
      actorName: 'shipped content',
      role: 'system',
      change: 'shipped content',
      bundle: shipped,
      shippedHash,
    };
    await versions.insertOne(head);
  }
  if (head.shippedHash !== shippedHash) {
    // A new release changed the content files: take them in, keeping what staff edited since the last release.
    const base = (await versions.find({ change: { $in: SHIPPED } }, { sort: { version: -1 }, limit: 1 }))[0];
    const staffBundle = ContentBundle.safeParse(head.bundle);
    const merged = ContentBundle.safeParse(
      base && staffBundle.success ? mergeShipped(base.shipped ?? base.bundle, staffBundle.data, shipped) : shipped,
    );
    const next: ContentVersion = {
      _id: `content_v${head.version + 1}`,
      version: head.version + 1,
      at: clock(),
      actorName: 'shipped content',
      role: 'system',
      change: 'shipped content updated',
      bundle: merged.success ? merged.data : shipped,
      shippedHash,
      shipped,
    };
    await versions.insertOne(next);
    head = next;
  }
  // A stored version that no longer passes today's schema (an older release) is not served: the shipped content is.
  const parsed = ContentBundle.safeParse(head.bundle);
  let bundle = parsed.success ? parsed.data : shipped;
  let directory = createDirectory(bundle);
  let version = head.version;

  const save = async (
    next: ContentBundle,
    actor: { name: string; role: string },
    change: string,
  ): Promise<ContentVersion> => {
    const doc: ContentVersion = {
      _id: `content_v${version + 1}`,
      version: version + 1,
      at: clock(),
      actorName: actor.name,
      role: actor.role,
      change,
      bundle: next,
      shippedHash,
    };
    // The unique version index means two editors publishing at once cannot both become "latest".
    await versions.insertOne(doc);
    version = doc.version;
    bundle = next;
    directory = createDirectory(next);
    return doc;
  };

  const live: ServiceDirectoryApi = {
    services: () => directory.services(),
    getService: (id) => directory.getService(id),
    findServicesForNeed: (topics, options) => directory.findServicesForNeed(topics, options),
    servicesInGrouping: (grouping, age) => directory.servicesInGrouping(grouping, age),
    crisisLines: () => directory.crisisLines(),
    entitlementsFor: (topics, age) => directory.entitlementsFor(topics, age),
    entitlementsForSubjects: (subjects, age) => directory.entitlementsForSubjects(subjects, age),
    entitlements: () => directory.entitlements(),
  };

  return {
    current: () => bundle,
    directory: live,
    async publish(kind, id, item, actor) {
      if (!itemsOf(bundle, kind).some((existing) => existing.id === id))
        throw new ContentItemNotFoundError(`no ${kind} ${id}`);
      const checked = ITEM_SCHEMA[kind].safeParse(item);
      if (!checked.success) throw new ContentRejectedError(describeIssues(checked.error));
      if (checked.data.id !== id)
        throw new ContentRejectedError([`id: keep the id ${id} (it is how the bot and the audit log know this item)`]);
      const next = ContentBundle.safeParse(withItem(bundle, kind, id, checked.data));
      if (!next.success) throw new ContentRejectedError(describeIssues(next.error));
      return save(next.data, actor, `${kind} ${id}`);
    },
    async undo(actor) {
      const previous = (await versions.find({ version: { $lt: version } }, { sort: { version: -1 }, limit: 1 }))[0];
      if (!previous) throw new NothingToUndoError('this is the first version');
      const restored = ContentBundle.safeParse(previous.bundle);
      if (!restored.success) throw new ContentRejectedError(describeIssues(restored.error));
      return save(restored.data, actor, `undo: back to version ${previous.version}`);
    },
    async history(limit = 20) {
      const recent = await versions.find({}, { sort: { version: -1 }, limit, projection: { bundle: 0, shipped: 0 } });
      return recent.map(({ _id, version: v, at, actorName, role, change }) => ({
        _id,
        version: v,
        at,
        actorName,
        role,
        change,
      }));
    },
  };
}
