/** Thin HTTP routes for /sign-in, /cicc, /staff and /you-said-we-did: who is asking, may they, CSRF, then a page from staff/web. */
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { mayUse, type StaffPrincipal } from '../../staff/accounts';
import type { StaffServices } from '../../staff/index';
import { csrfMatches, SESSION_HOURS } from '../../staff/sessions';
import { readAssistedForm } from '../../staff/web/assistedForm';
import { AGE_BANDS, StaffPages, type PageContext } from '../../staff/web/pages';
import { govukFrontendDir } from '../../staff/web/render';
import { ACTION_STAGES, ACTION_STATUSES, ActionNotFoundError, NewAction } from '../../surveys/actions';
import type { SurveyServices } from '../../surveys/index';
import { resultsToCsv } from '../../surveys/results';
import { THEMES } from '../../surveys/schema';
import type { Logger } from '../logger';
import { cookie, newNonce, readCookies, redirect, safeNext, sendHtml, wantsHtml } from './http';
import { newSignInCsrf, SIGN_IN_COOKIE } from './signIn';
import { registerStaffAssets } from './staffAssets';

export const SESSION_COOKIE = 'clb_session';

export interface StaffRouteDeps {
  surveys: SurveyServices;
  staff: StaffServices;
  threshold: number;
  publicUrl?: string;
  logger: Logger;
}

interface Auth {
  principal: StaffPrincipal;
  via: 'bearer' | 'session';
  csrf?: string;
  sessionId?: string;
}

type Area = 'cicc' | 'staff';

const SURVEY_ID = z.string().regex(/^[a-z0-9-]{1,64}$/);
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * @example registerStaffRoutes(server, { surveys, staff, threshold: 5, logger });
 */
export function registerStaffRoutes(server: Server, deps: StaffRouteDeps): void {
  const pages = new StaffPages({ surveys: deps.surveys, threshold: deps.threshold, publicUrl: deps.publicUrl });
  const secure = Boolean(deps.publicUrl?.startsWith('https://'));
  registerStaffAssets(server, path.join(govukFrontendDir(), 'govuk'));

  async function authenticate(req: Request): Promise<Auth | undefined | 'bad-bearer'> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(String(req.header('authorization') ?? ''))?.[1];
    if (bearer) {
      const principal = await deps.staff.accounts.byToken(bearer);
      return principal ? { principal, via: 'bearer' } : 'bad-bearer';
    }
    const sessionId = readCookies(req)[SESSION_COOKIE];
    const session = await deps.staff.sessions.find(sessionId);
    if (!session) return undefined;
    const principal = await deps.staff.accounts.byId(session.staffId);
    return principal ? { principal, via: 'session', csrf: session.csrf, sessionId } : undefined;
  }

  const context = (auth: Auth | undefined, nonce: string): PageContext => ({ principal: auth?.principal, csrf: auth?.csrf, cspNonce: nonce, threshold: deps.threshold });

  function fail(req: Request, res: Response, status: number, title: string, message: string, auth?: Auth): void {
    if (!wantsHtml(req)) {
      res.status(status);
      res.json({ error: { code: title.replace(/\W+/g, ''), message } });
      return;
    }
    const nonce = newNonce();
    sendHtml(res, status, pages.message(context(auth, nonce), title, message, auth ? undefined : { href: '/sign-in', text: 'Sign in' }), nonce);
  }

  /** Wraps a handler: 401 (or a redirect to sign-in for a browser) without a session, 403 for the wrong role or a bad CSRF token. */
  function guarded(area: Area, handler: (req: Request, res: Response, auth: Auth, nonce: string) => Promise<void>) {
    return async (req: Request, res: Response): Promise<void> => {
      try {
        const auth = await authenticate(req);
        if (auth === 'bad-bearer' || !auth) {
          if (auth === undefined && req.method === 'GET' && wantsHtml(req)) return redirect(res, `/sign-in?next=${encodeURIComponent(req.getPath())}`);
          res.header('WWW-Authenticate', 'Bearer');
          return fail(req, res, 401, 'Sign in needed', 'Sign in to see this page, or send a valid staff token as "Authorization: Bearer <token>".');
        }
        if (!mayUse(auth.principal.role, area)) return fail(req, res, 403, 'Not for your role', 'Your account cannot use this page.', auth);
        if (req.method === 'POST' && auth.via === 'session' && !csrfMatches(auth.csrf ?? '', (req.body as Record<string, unknown> | undefined)?.csrf)) {
          return fail(req, res, 403, 'Form expired', 'This form has expired. Go back, reload the page and try again.', auth);
        }
        await handler(req, res, auth, newNonce());
      } catch (error) {
        deps.logger.error({ err: { name: (error as Error).name, message: (error as Error).message }, path: req.getPath() }, 'staff page failed');
        if (!res.headersSent) fail(req, res, 500, 'Something went wrong', 'Sorry, something went wrong. Try again in a minute.');
      }
    };
  }

  const formBody = (req: Request): Record<string, unknown> => (req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {});

  // Sign in and out.
  server.get('/sign-in', async (req: Request, res: Response) => {
    const nonce = newNonce();
    const csrf = newSignInCsrf();
    const next = safeNext(req.query?.next, '');
    sendHtml(res, 200, pages.signIn({ cspNonce: nonce, csrf, threshold: deps.threshold }, { next }), nonce, { 'Set-Cookie': cookie(SIGN_IN_COOKIE, csrf, { maxAgeSeconds: 3600, secure }) });
  });

  server.post('/sign-in', async (req: Request, res: Response) => {
    const body = formBody(req);
    const nonce = newNonce();
    const expected = readCookies(req)[SIGN_IN_COOKIE];
    const next = safeNext(body.next, '');
    const again = (status: number, error: string) => {
      const csrf = newSignInCsrf();
      sendHtml(res, status, pages.signIn({ cspNonce: nonce, csrf, threshold: deps.threshold }, { next, error }), nonce, { 'Set-Cookie': cookie(SIGN_IN_COOKIE, csrf, { maxAgeSeconds: 3600, secure }) });
    };
    if (!expected || !csrfMatches(expected, body.csrf)) return again(403, 'The sign-in form expired. Try again.');
    const principal = typeof body.token === 'string' ? await deps.staff.accounts.byToken(body.token.trim()) : undefined;
    if (!principal) return again(401, 'That sign-in token is not right, or it has been switched off. Check it and try again.');
    const session = await deps.staff.sessions.create(principal);
    await deps.staff.audit.record(principal, 'signin');
    redirect(res, next || (mayUse(principal.role, 'staff') ? '/staff' : '/cicc'), {
      'Set-Cookie': [cookie(SESSION_COOKIE, session.id, { maxAgeSeconds: SESSION_HOURS * 3600, secure }), cookie(SIGN_IN_COOKIE, '', { maxAgeSeconds: 0, secure })],
    });
  });

  server.post(
    '/sign-out',
    guarded('cicc', async (_req, res, auth) => {
      await deps.staff.sessions.destroy(auth.sessionId);
      redirect(res, '/sign-in', { 'Set-Cookie': cookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure }) });
    }),
  );

  // The CiCC view (CiCC members, workers and admins).
  server.get(
    '/cicc',
    guarded('cicc', async (_req, res, auth, nonce) => sendHtml(res, 200, await pages.surveys(context(auth, nonce), false), nonce)),
  );

  /** Reads the results filters from the query: unknown values are reported, not guessed. */
  function readFilters(req: Request) {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
    const errors: Record<string, string> = {};
    const theme = THEMES.find((candidate) => candidate === text('theme'));
    const ageBand = AGE_BANDS.find((band) => band.value === text('ageBand'))?.value;
    const month = (name: 'from' | 'to') => {
      const value = text(name);
      if (value && !MONTH.test(value)) errors[name] = `Enter the month like 2026-11`;
      return MONTH.test(value) ? value : undefined;
    };
    const filters = { theme, ageBand, from: month('from'), to: month('to') };
    const params = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return { filters, errors, query: params.toString(), print: text('view') === 'print' };
  }

  async function surveyOr404(req: Request, res: Response, auth?: Auth) {
    const id = SURVEY_ID.safeParse(req.params?.id);
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
      sendHtml(res, 200, pages.resultsPage(context(auth, nonce), { results, filters, errors, query, printView: print }), nonce);
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
    guarded('staff', async (_req, res, auth, nonce) => sendHtml(res, 200, await pages.surveys(context(auth, nonce), true), nonce)),
  );

  server.post(
    '/staff/surveys/:id/:change',
    guarded('staff', async (req, res, auth) => {
      const change = req.params?.change;
      if (change !== 'open' && change !== 'close') return fail(req, res, 404, 'Page not found', 'There is no such page.', auth);
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
      sendHtml(res, 200, await pages.share(context(auth, nonce), { surveyId: record._id, title: record.definition.title['en-GB'], status: record.status, origin }), nonce);
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
      if (!read.ok) return sendHtml(res, 400, pages.assisted(context(auth, nonce), record.definition, body, read.errors), nonce);
      const { deletionCode } = await deps.surveys.responses.saveAssisted({ surveyId: record._id, surveyVersion: record.definition.version, answers: read.answers, ageBand: read.ageBand, careStatus: read.careStatus });
      await deps.staff.audit.record(auth.principal, 'assisted.record', record._id);
      sendHtml(res, 201, pages.assistedDone(context(auth, nonce), record.definition, deletionCode), nonce);
    }),
  );

  server.get(
    '/staff/actions',
    guarded('staff', async (_req, res, auth, nonce) => sendHtml(res, 200, await pages.actions(context(auth, nonce)), nonce)),
  );

  server.post(
    '/staff/actions',
    guarded('staff', async (req, res, auth, nonce) => {
      const body = formBody(req);
      const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : undefined);
      const form = { surveyId: text('surveyId') ?? '', theme: text('theme') ?? '', said: text('said') ?? '', did: text('did') ?? '', status: text('status') ?? '', stage: text('stage') ?? '', ownerRole: text('ownerRole') ?? '', dueOn: text('dueOn') ?? '' };
      const parsed = NewAction.safeParse({ ...form, dueOn: form.dueOn || undefined, stage: form.stage || undefined, ownerRole: form.ownerRole || undefined, publish: body.publish === 'yes' || (Array.isArray(body.publish) && body.publish.includes('yes')) });
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
      const change = z.object({ status: z.enum(ACTION_STATUSES).optional(), stage: z.enum(ACTION_STAGES).optional() }).safeParse({ status: body.status || undefined, stage: body.stage || undefined });
      if (!change.success) return fail(req, res, 400, 'Check the form', 'Choose a status and a stage from the lists.', auth);
      try {
        await deps.surveys.board.update(String(req.params?.actionId ?? ''), { ...change.data, publish: body.publish === 'yes' });
      } catch (error) {
        if (error instanceof ActionNotFoundError) return fail(req, res, 404, 'Action not found', 'There is no such action.', auth);
        throw error;
      }
      await deps.staff.audit.record(auth.principal, 'action.update', String(req.params?.actionId), `${change.data.status ?? ''} ${body.publish === 'yes' ? 'published' : 'draft'}`.trim());
      redirect(res, '/staff/actions');
    }),
  );

  server.get(
    '/staff/audit',
    guarded('staff', async (_req, res, auth, nonce) => sendHtml(res, 200, pages.audit(context(auth, nonce), await deps.staff.audit.recent(200)), nonce)),
  );

  // The public page: no sign-in, published actions only.
  server.get('/you-said-we-did', async (req: Request, res: Response) => {
    const nonce = newNonce();
    try {
      sendHtml(res, 200, await pages.youSaidWeDid({ cspNonce: nonce, threshold: deps.threshold }, deps.surveys.board), nonce, { 'Cache-Control': 'public, max-age=60' });
    } catch (error) {
      deps.logger.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'public page failed');
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
