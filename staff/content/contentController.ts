/** What the chatbot says, for workers: list, edit with preview, publish and undo. */
import { z } from 'zod';
import {
  CONTENT_KINDS,
  ContentItemNotFoundError,
  ContentRejectedError,
  describeIssues,
  ITEM_SCHEMA,
  NothingToUndoError,
  itemsOf,
  type ContentLibrary,
} from '../../content/contentLibrary';
import type { AuditLog } from '../audit';
import { HttpError } from '../shared/httpError';
import { staffTranslator } from '../shared/i18n';
import { field, json, redirect, signedIn, type StaffRequest, type StaffResult } from '../shared/route';
import { readContentForm } from './contentForm';
import { contentEditPage, contentListPage } from './contentPages';

const Kind = z.enum(CONTENT_KINDS);
/** The notice shown after a publish or an undo (`?done=`). */
const Done = z.enum(['published', 'undone']);

export interface ContentDeps {
  content: ContentLibrary;
  staff: { audit: Pick<AuditLog, 'record'> };
  clock: () => Date;
}

/**
 * @example const content = createContentController({ content, staff, clock }); await content.list(req)
 */
export function createContentController(deps: ContentDeps) {
  const t = staffTranslator('en-GB');

  const find = (req: StaffRequest) => {
    const kind = Kind.safeParse(req.params.kind);
    const item = kind.success
      ? itemsOf(deps.content.current(), kind.data).find((existing) => existing.id === req.params.id)
      : undefined;
    if (!kind.success || !item) throw new HttpError(404, 'errors.contentNotFound');
    return { kind: kind.data, item };
  };

  return {
    async list(req: StaffRequest): Promise<StaffResult> {
      if (!req.wantsHtml) return json({ content: deps.content.current(), history: await deps.content.history() });
      const done = Done.safeParse(req.query.done);
      const notice = done.success ? t(`content.notices.${done.data}`) : undefined;
      return contentListPage(t, deps.content, deps.clock(), notice);
    },

    async edit(req: StaffRequest): Promise<StaffResult> {
      return contentEditPage(t, { ...find(req), now: deps.clock() });
    },

    async publish(req: StaffRequest): Promise<StaffResult> {
      const found = find(req);
      const form = readContentForm(found.kind, { json: JSON.stringify(found.item), ...req.body });
      // The form again, with the proposed card previewed when it passes the schema, and what is wrong in words.
      const again = (status: number, errors: string[]) => {
        const checked = form.item ? ITEM_SCHEMA[found.kind].safeParse(form.item) : undefined;
        const issues = checked && !checked.success && errors.length === 0 ? describeIssues(checked.error) : errors;
        return contentEditPage(
          t,
          {
            ...found,
            proposed: checked?.success ? checked.data : undefined,
            json: form.json,
            errors: issues,
            now: deps.clock(),
          },
          status,
        );
      };
      if (!form.item) return again(400, form.errors);
      if (field(req.body, 'intent') === 'preview') return again(200, []);
      const who = signedIn(req).principal;
      try {
        const version = await deps.content.publish(found.kind, found.item.id, form.item, {
          name: who.name,
          role: who.role,
        });
        await deps.staff.audit.record(
          who,
          'content.publish',
          `${found.kind}:${found.item.id}`,
          `version ${version.version}`,
        );
        return req.wantsHtml ? redirect('/staff/content?done=published') : json({ version: version.version });
      } catch (error) {
        if (error instanceof ContentRejectedError)
          return req.wantsHtml ? again(400, error.issues) : json({ errors: error.issues }, 400);
        if (error instanceof ContentItemNotFoundError) throw new HttpError(404, 'errors.contentNotFound');
        throw error;
      }
    },

    async undo(req: StaffRequest): Promise<StaffResult> {
      const who = signedIn(req).principal;
      try {
        const version = await deps.content.undo({ name: who.name, role: who.role });
        await deps.staff.audit.record(
          who,
          'content.undo',
          'content',
          `${version.change}, now version ${version.version}`,
        );
        return req.wantsHtml ? redirect('/staff/content?done=undone') : json({ version: version.version });
      } catch (error) {
        if (error instanceof NothingToUndoError) throw new HttpError(409, 'errors.nothingToUndo');
        throw error;
      }
    },
  };
}
