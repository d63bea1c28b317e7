/** Thin HTTP routes for /cicc, /staff and /you-said-we-did (sign-in is in signIn.ts, the guard in staffAuth.ts): pages come from staff/web. */
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { ContentLibrary } from '../../content/contentLibrary';
import type { StaffServices } from '../../staff/index';
import { readAssistedForm } from '../../staff/web/assistedForm';
import { AGE_BANDS, StaffPages } from '../../staff/web/pages';
import { govukFrontendDir } from '../../staff/web/render';
import { ACTION_STAGES, ACTION_STATUSES, ActionNotFoundError, NewAction } from '../../surveys/actions';
import type { SurveyServices } from '../../surveys/index';
import { MONTH_PATTERN } from '../../surveys/responses';
import { resultsToCsv } from '../../surveys/results';
import { SurveyId, themeFrom } from '../../surveys/schema';
import type { Logger } from '../logger';
import { formBody, newNonce, redirect, sendHtml, wantsHtml } from './http';
import { registerAccountsRoutes } from './accountsRoutes';
import { registerContentRoutes } from './contentRoutes';
import type { SignInLimit } from './signInLimit';
import { registerSignIn } from './signIn';
import { type Auth, createStaffGuard } from './staffAuth';
import { registerStaffAssets } from './staffAssets';

export interface StaffRouteDeps {
  surveys: SurveyServices;
  /** Failed sign-ins allowed per address (off when RATE_LIMIT_PER_MINUTE is 0). */
  signInLimit?: SignInLimit;
  /** The published content staff edit at /staff/content; without it that page is not offered. */
  content?: ContentLibrary;
  clock?: () => Date;
  staff: StaffServices;
  threshold: number;
  publicUrl?: string;
  logger: Logger;
}

/**
 * @example registerStaffRoutes(server, { surveys, staff, threshold: 5, logger });
 */
export function registerStaffRoutes(server: Server, deps: StaffRouteDeps): void {
  const pages = new StaffPages({ surveys: deps.surveys, threshold: deps.threshold, publicUrl: deps.publicUrl });
  const secure = Boolean(deps.publicUrl?.startsWith('https://'));
  registerStaffAssets(server, path.join(govukFrontendDir(), 'govuk'));

  const guard = createStaffGuard({
    staff: deps.staff,
    pages,
    threshold: deps.threshold,
    logger: deps.logger,
    signInLimit: deps.signInLimit,
  });
  const { guarded, fail, context } = guard;
  registerAccountsRoutes(server, { staff: deps.staff, guard });
  if (deps.content)
    registerContentRoutes(server, {
      content: deps.content,
      staff: deps.staff,
      guard,
      clock: deps.clock ?? (() => new Date()),
    });
  registerSignIn(server, { staff: deps.staff, pages, threshold: deps.threshold, secure, guarded, limit: guard.limit });

  // The CiCC view (CiCC members, workers and admins).
  server.get(
    '/cicc',
    guarded('cicc', async (_req, res, auth, nonce) =>
      sendHtml(res, 200, await pages.surveys(context(auth, nonce), false), nonce),
    ),
  );

  /** Reads the results filters from the query: unknown values are reported, not guessed. */
  function readFilters(req: Request) {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
    const errors: Record<string, string> = {};
    const theme = themeFrom(text('theme'));
    const ageBand = AGE_BANDS.find((band) => band.value === text('ageBand'))?.value;
    const month = (name: 'from' | 'to') => {
      const value = text(name);
      if (value && !MONTH_PATTERN.test(value)) errors[name] = `Enter the month like 2026-11`;
      return MONTH_PATTERN.test(value) ? value : undefined;
    };
    const filters = { theme, ageBand, from: month('from'), to: month('to') };
    const params = new URLSearchParams(
      Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])),
    );
    return { filters, errors, query: params.toString(), print: text('view') === 'print' };
  }

  async function surveyOr404(req: Request, res: Response, auth?: Auth) {
    const id = SurveyId.safeParse(req.params?.id);
    const record = id.success ? await deps.surveys.catalogue.get(id.data) : undefined;
    if (!record) fail(req, res, 404, 'Survey not found', 'There is no survey with that name.', auth);
    return record;
  }

  server.get(
    '/cicc/surveys/:id',
    guarded('cicc', async (req, res, auth, nonce) => {
      const record = await surveyOr404(req, res, auth);
      if (!record) return;
      const { filters, errors, query, print } = readFilters(req);
      const results = await pages.results(record.definition, filters);
      await deps.staff.audit.record(auth.principal, 'results.view', record._id);
      const actions = await deps.surveys.board.all(record._id);
      sendHtml(
        res,
        200,
        pages.resultsPage(context(auth, nonce), {
          results,
          actions,
          filters,
          errors,
          query,
          printView: print,
          survey: record.definition,
        }),
        nonce,
      );
    }),
  );

  for (const format of ['csv', 'json'] as const) {
    server.get(
      `/cicc/surveys/:id/results.${format}`,
      guarded('cicc', async (req, res, auth) => {
        const record = await surveyOr404(req, res, auth);
        if (!record) return;
        const { filters } = readFilters(req);
        const results = await pages.results(record.definition, filters);
        await deps.staff.audit.record(auth.principal, 'results.export', record._id, format);
        const body = Buffer.from(format === 'csv' ? resultsToCsv(results) : JSON.stringify(results));
        res.writeHead(200, {
          'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
          'Content-Length': body.length,
          'Content-Disposition': `attachment; filename="${record._id}-results.${format}"`,
          'Cache-Control': 'no-store',
        });
        res.end(body);
      }),
    );
  }

  // The workers' view (participation workers and admins).
  server.get(
    '/staff',
    guarded('staff', async (_req, res, auth, nonce) =>
      sendHtml(res, 200, await pages.surveys(context(auth, nonce), true), nonce),
    ),
  );

  server.post(
    '/staff/surveys/:id/:change',
    guarded('staff', async (req, res, auth) => {
      const change = req.params?.change;
      if (change !== 'open' && change !== 'close')
        return fail(req, res, 404, 'Page not found', 'There is no such page.', auth);
      const record = await surveyOr404(req, res, auth);
      if (!record) return;
      await deps.surveys.catalogue.setStatus(record._id, change === 'open' ? 'open' : 'closed');
      await deps.staff.audit.record(auth.principal, change === 'open' ? 'survey.open' : 'survey.close', record._id);
      if (!wantsHtml(req)) return void res.json({ id: record._id, status: change === 'open' ? 'open' : 'closed' });
      redirect(res, '/staff');
    }),
  );

  server.get(
    '/staff/surveys/:id/share',
    guarded('staff', async (req, res, auth, nonce) => {
      const record = await surveyOr404(req, res, auth);
      if (!record) return;
      const origin = `http://${String(req.header('host') ?? '127.0.0.1')}`;
      const invitations = await deps.surveys.invitations.counts(record._id);
      sendHtml(
        res,
        200,
        await pages.share(context(auth, nonce), {
          surveyId: record._id,
          title: record.definition.title['en-GB'],
          status: record.status,
          origin,
          inviteOnly: Boolean(record.inviteOnly),
          invitations,
        }),
        nonce,
      );
    }),
  );

  // Single-use invitation links for an invite-only survey: shown once, never stored (only their hashes are).
  server.post(
    '/staff/surveys/:id/invite',
    guarded('staff', async (req, res, auth, nonce) => {
      const record = await surveyOr404(req, res, auth);
      if (!record) return;
      const count = z.coerce.number().int().min(1).max(200).safeParse(formBody(req).count);
      if (!count.success)
        return fail(req, res, 400, 'Check the number', 'Enter how many links you need, from 1 to 200.', auth);
      const codes = await deps.surveys.invitations.create(record._id, count.data);
      await deps.staff.audit.record(auth.principal, 'survey.invite', record._id, String(count.data));
      const origin = `http://${String(req.header('host') ?? '127.0.0.1')}`;
      const invitations = await deps.surveys.invitations.counts(record._id);
      sendHtml(
        res,
        201,
        await pages.share(context(auth, nonce), {
          surveyId: record._id,
          title: record.definition.title['en-GB'],
          status: record.status,
          origin,
          inviteOnly: Boolean(record.inviteOnly),
          invitations,
          codes,
        }),
        nonce,
      );
    }),
  );

  server.get(
    '/staff/surveys/:id/assisted',
    guarded('staff', async (req, res, auth, nonce) => {
      const record = await surveyOr404(req, res, auth);
      if (record) sendHtml(res, 200, pages.assisted(context(auth, nonce), record.definition), nonce);
    }),
  );

  server.post(
    '/staff/surveys/:id/assisted',
    guarded('staff', async (req, res, auth, nonce) => {
      const record = await surveyOr404(req, res, auth);
      if (!record) return;
      const body = formBody(req);
      const read = readAssistedForm(record.definition, body);
      if (!read.ok)
        return sendHtml(res, 400, pages.assisted(context(auth, nonce), record.definition, body, read.errors), nonce);
      const { deletionCode } = await deps.surveys.responses.saveAssisted({
        surveyId: record._id,
        surveyVersion: record.definition.version,
        answers: read.answers,
        ageBand: read.ageBand,
        careStatus: read.careStatus,
      });
      await deps.staff.audit.record(auth.principal, 'assisted.record', record._id);
      sendHtml(res, 201, pages.assistedDone(context(auth, nonce), record.definition, deletionCode), nonce);
    }),
  );

  server.get(
    '/staff/actions',
    guarded('staff', async (_req, res, auth, nonce) =>
      sendHtml(res, 200, await pages.actions(context(auth, nonce)), nonce),
    ),
  );

  server.post(
    '/staff/actions',
    guarded('staff', async (req, res, auth, nonce) => {
      const body = formBody(req);
      const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : undefined);
      const form = {
        surveyId: text('surveyId') ?? '',
        theme: text('theme') ?? '',
        said: text('said') ?? '',
        did: text('did') ?? '',
        status: text('status') ?? '',
        stage: text('stage') ?? '',
        ownerRole: text('ownerRole') ?? '',
        dueOn: text('dueOn') ?? '',
      };
      const parsed = NewAction.safeParse({
        ...form,
        dueOn: form.dueOn || undefined,
        stage: form.stage || undefined,
        ownerRole: form.ownerRole || undefined,
        publish: body.publish === 'yes' || (Array.isArray(body.publish) && body.publish.includes('yes')),
      });
      const surveyExists = parsed.success && (await deps.surveys.catalogue.get(parsed.data.surveyId));
      if (!parsed.success || !surveyExists) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.success ? [{ path: ['surveyId'] }] : parsed.error.issues) {
          const field = String(issue.path[0]);
          fieldErrors[field] ??= ACTION_FIELD_ERRORS[field] ?? `Check ${field}`;
        }
        return sendHtml(res, 400, await pages.actions(context(auth, nonce), { form, fieldErrors }), nonce);
      }
      const action = await deps.surveys.board.add(parsed.data);
      await deps.staff.audit.record(auth.principal, 'action.add', action._id, action.published ? 'published' : 'draft');
      if (!wantsHtml(req)) return void res.json({ id: action._id, published: action.published });
      redirect(res, '/staff/actions');
    }),
  );

  server.post(
    '/staff/actions/:actionId',
    guarded('staff', async (req, res, auth) => {
      const body = formBody(req);
      const change = z
        .object({ status: z.enum(ACTION_STATUSES).optional(), stage: z.enum(ACTION_STAGES).optional() })
        .safeParse({ status: body.status || undefined, stage: body.stage || undefined });
      if (!change.success)
        return fail(req, res, 400, 'Check the form', 'Choose a status and a stage from the lists.', auth);
      try {
        await deps.surveys.board.update(String(req.params?.actionId ?? ''), {
          ...change.data,
          publish: body.publish === 'yes',
        });
      } catch (error) {
        if (error instanceof ActionNotFoundError)
          return fail(req, res, 404, 'Action not found', 'There is no such action.', auth);
        throw error;
      }
      await deps.staff.audit.record(
        auth.principal,
        'action.update',
        String(req.params?.actionId),
        `${change.data.status ?? ''} ${body.publish === 'yes' ? 'published' : 'draft'}`.trim(),
      );
      redirect(res, '/staff/actions');
    }),
  );

  server.get(
    '/staff/audit',
    guarded('staff', async (_req, res, auth, nonce) =>
      sendHtml(res, 200, pages.audit(context(auth, nonce), await deps.staff.audit.recent(200)), nonce),
    ),
  );

  // The public page: no sign-in, published actions only.
  server.get('/you-said-we-did', async (req: Request, res: Response) => {
    const nonce = newNonce();
    try {
      sendHtml(
        res,
        200,
        await pages.youSaidWeDid({ cspNonce: nonce, threshold: deps.threshold }, deps.surveys.board),
        nonce,
        { 'Cache-Control': 'public, max-age=60' },
      );
    } catch (error) {
      deps.logger.error(
        { err: { name: (error as Error).name, message: (error as Error).message } },
        'public page failed',
      );
      fail(req, res, 500, 'Something went wrong', 'Sorry, something went wrong. Try again in a minute.');
    }
  });
}

const ACTION_FIELD_ERRORS: Record<string, string> = {
  surveyId: 'Choose a survey',
  theme: 'Choose a theme',
  said: 'Write what young people said (at least 3 characters, at most 600)',
  did: 'Write what was done (at least 3 characters, at most 600)',
  status: 'Choose a status',
  stage: 'Choose a stage',
  ownerRole: 'Choose who owns it',
  dueOn: 'Enter the date like 2027-01-31',
};
