/** Thin HTTP routes for /staff/content: list, edit with preview, publish and undo. The pages live in staff/web/content. */
import type { Server } from 'restify';
import { z } from 'zod';
import {
  CONTENT_KINDS,
  ContentItemNotFoundError,
  ContentRejectedError,
  describeIssues,
  ITEM_SCHEMA,
  NothingToUndoError,
  itemsOf,
  type ContentKind,
  type ContentLibrary,
} from '../../content/contentLibrary';
import type { StaffServices } from '../../staff/index';
import { readContentForm } from '../../staff/web/content/contentForm';
import { contentEditPage, contentListPage } from '../../staff/web/content/contentPages';
import { formBody, redirect, sendHtml, wantsHtml } from './http';
import type { createStaffGuard } from './staffAuth';

const NOTICES: Record<string, string> = {
  published: 'Published. The chat shows it now.',
  undone: 'The last change was undone. The chat shows the earlier version now.',
};
const Kind = z.enum(CONTENT_KINDS);

/**
 * @example registerContentRoutes(server, { content, staff, guard, clock });
 */
export function registerContentRoutes(
  server: Server,
  deps: {
    content: ContentLibrary;
    staff: StaffServices;
    guard: ReturnType<typeof createStaffGuard>;
    clock: () => Date;
  },
): void {
  const { guarded, fail, context } = deps.guard;
  const find = (kind: string, id: string) => {
    const parsed = Kind.safeParse(kind);
    const item = parsed.success
      ? itemsOf(deps.content.current(), parsed.data).find((existing) => existing.id === id)
      : undefined;
    return parsed.success && item ? { kind: parsed.data as ContentKind, item } : undefined;
  };

  server.get(
    '/staff/content',
    guarded('staff', async (req, res, auth, nonce) => {
      const notice = NOTICES[String((req.query as Record<string, unknown> | undefined)?.done ?? '')];
      if (!wantsHtml(req))
        return void res.json({ content: deps.content.current(), history: await deps.content.history() });
      sendHtml(res, 200, await contentListPage(context(auth, nonce), deps.content, deps.clock(), notice), nonce);
    }),
  );

  server.get(
    '/staff/content/:kind/:id',
    guarded('staff', async (req, res, auth, nonce) => {
      const found = find(String(req.params?.kind), String(req.params?.id));
      if (!found)
        return fail(req, res, 404, 'Not found', 'There is no such service, entitlement or crisis line.', auth);
      sendHtml(res, 200, contentEditPage(context(auth, nonce), { ...found, now: deps.clock() }), nonce);
    }),
  );

  server.post(
    '/staff/content/:kind/:id',
    guarded('staff', async (req, res, auth, nonce) => {
      const found = find(String(req.params?.kind), String(req.params?.id));
      if (!found)
        return fail(req, res, 404, 'Not found', 'There is no such service, entitlement or crisis line.', auth);
      const body = formBody(req);
      const form = readContentForm(found.kind, { json: JSON.stringify(found.item), ...body });
      // The form again, with the proposed card previewed when it passes the schema, and what is wrong in words.
      const again = (status: number, errors: string[]) => {
        const checked = form.item ? ITEM_SCHEMA[found.kind].safeParse(form.item) : undefined;
        const issues = checked && !checked.success && errors.length === 0 ? describeIssues(checked.error) : errors;
        sendHtml(
          res,
          status,
          contentEditPage(context(auth, nonce), {
            ...found,
            proposed: checked?.success ? checked.data : undefined,
            json: form.json,
            errors: issues,
            now: deps.clock(),
          }),
          nonce,
        );
      };
      if (!form.item) return again(400, form.errors);
      if (body.intent === 'preview') return again(200, []);
      try {
        const version = await deps.content.publish(found.kind, found.item.id, form.item, {
          name: auth.principal.name,
          role: auth.principal.role,
        });
        await deps.staff.audit.record(
          auth.principal,
          'content.publish',
          `${found.kind}:${found.item.id}`,
          `version ${version.version}`,
        );
        if (!wantsHtml(req)) return void res.json({ version: version.version });
        redirect(res, '/staff/content?done=published');
      } catch (error) {
        if (error instanceof ContentRejectedError)
          return wantsHtml(req) ? again(400, error.issues) : void (res.status(400), res.json({ errors: error.issues }));
        if (error instanceof ContentItemNotFoundError)
          return fail(req, res, 404, 'Not found', 'There is no such item.', auth);
        throw error;
      }
    }),
  );

  server.post(
    '/staff/content/undo',
    guarded('staff', async (req, res, auth) => {
      try {
        const version = await deps.content.undo({ name: auth.principal.name, role: auth.principal.role });
        await deps.staff.audit.record(
          auth.principal,
          'content.undo',
          'content',
          `${version.change}, now version ${version.version}`,
        );
        if (!wantsHtml(req)) return void res.json({ version: version.version });
        redirect(res, '/staff/content?done=undone');
      } catch (error) {
        if (error instanceof NothingToUndoError)
          return fail(req, res, 409, 'Nothing to undo', 'This is the first version of the content.', auth);
        throw error;
      }
    }),
  );
}
