/**
 * Mounts every staff page's framework-free routes on restify: reads the request, checks who is asking, sends the
 * result with a CSP nonce, and turns every error into one page or JSON answer, logged with the request id.
 */
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { HttpError, type CookieToSet } from '../../staff/shared/httpError';
import { pageLocale, staffTranslator, type PageLocale } from '../../staff/shared/i18n';
import { renderPage } from '../../staff/shared/layout';
import { govukFrontendDir } from '../../staff/shared/render';
import type { SignedIn, StaffRequest, StaffResult, StaffRoute } from '../../staff/shared/route';
import { staffRoutes, type StaffPagesDeps } from '../../staff/routes';
import { createSignInLimit, type SignInLimit } from '../../staff/signIn/signInLimit';
import type { Logger } from '../logger';
import { sendError } from '../httpErrors';
import { clientAddress } from '../rateLimit';
import { registerStaffAssets } from './assets';
import { createStaffGuard } from './auth';
import { cookie, formBody, newNonce, readCookies, redirect, sendHtml, wantsHtml } from './http';

export interface StaffRouteDeps extends Omit<StaffPagesDeps, 'clock' | 'signInLimit'> {
  /** Failed sign-ins allowed per address (off when RATE_LIMIT_PER_MINUTE is 0). */
  signInLimit?: SignInLimit;
  clock?: () => Date;
  logger: Logger;
}

/**
 * @example registerStaffRoutes(server, { surveys, staff, threshold: 5, logger });
 */
export function registerStaffRoutes(server: Server, deps: StaffRouteDeps): void {
  const limit = deps.signInLimit ?? createSignInLimit();
  const routes = staffRoutes({ ...deps, clock: deps.clock ?? (() => new Date()), signInLimit: limit });
  registerStaffAssets(server, path.join(govukFrontendDir(), 'govuk'));
  mountStaffRoutes(server, routes, { ...deps, signInLimit: limit });
}

/**
 * Mounts a list of routes (the staff pages, or one page's routes in a test).
 * @example mountStaffRoutes(server, publicBoardRoutes({ board }), { staff, threshold: 5, logger })
 */
export function mountStaffRoutes(
  server: Server,
  routes: StaffRoute[],
  deps: Pick<StaffRouteDeps, 'staff' | 'threshold' | 'publicUrl' | 'logger'> & { signInLimit: SignInLimit },
): void {
  const secure = Boolean(deps.publicUrl?.startsWith('https://'));
  const guard = createStaffGuard({ staff: deps.staff, limit: deps.signInLimit });
  const setCookies = (cookies: CookieToSet[] = []) =>
    cookies.map((c) => cookie(c.name, c.value, { maxAgeSeconds: c.maxAgeSeconds, secure }));

  /** A page in the shared layout, with a fresh nonce for its one script. */
  function sendPage(
    res: Response,
    status: number,
    view: string,
    active: string,
    data: Record<string, unknown>,
    page: {
      locale: PageLocale;
      signedIn?: SignedIn;
      languagePath?: string;
      headers?: Record<string, string | string[]>;
    },
  ): void {
    const nonce = newNonce();
    const html = renderPage(
      view,
      {
        principal: page.signedIn?.principal,
        csrf: page.signedIn?.csrf,
        cspNonce: nonce,
        threshold: deps.threshold,
        locale: page.locale,
        languagePath: page.languagePath,
      },
      active,
      data,
    );
    sendHtml(res, status, html, nonce, page.headers);
  }

  function send(res: Response, result: StaffResult, request: StaffRequest, route: StaffRoute): void {
    switch (result.kind) {
      case 'page': {
        const cookies = setCookies(result.cookies);
        sendPage(res, result.status ?? 200, result.view, result.active, result.data, {
          locale: request.locale,
          signedIn: request.staff,
          languagePath: route.localised ? route.path : undefined,
          headers: { ...result.headers, ...(cookies.length ? { 'Set-Cookie': cookies } : {}) },
        });
        return;
      }
      case 'redirect': {
        const cookies = setCookies(result.cookies);
        return redirect(res, result.location, cookies.length ? { 'Set-Cookie': cookies } : {});
      }
      case 'json':
        res.status(result.status ?? 200);
        res.json(result.body);
        return;
      case 'download': {
        const body = Buffer.from(result.body);
        res.writeHead(200, {
          'Content-Type': result.contentType,
          'Content-Length': body.length,
          'Content-Disposition': `attachment; filename="${result.filename}"`,
          'Cache-Control': 'no-store',
        });
        res.end(body);
      }
    }
  }

  /** The one error handler: a page for browsers, JSON for scripts; never a stack; the request id to quote. */
  function fail(
    req: Request,
    res: Response,
    error: unknown,
    request: Pick<StaffRequest, 'requestId' | 'locale'>,
    who?: SignedIn,
  ) {
    const known = error instanceof HttpError;
    const status = known ? error.status : 500;
    const key = known ? error.key : 'errors.unexpected';
    const context = { requestId: request.requestId, path: req.getPath(), status };
    if (!known || status >= 500)
      deps.logger.error(
        { ...context, err: { name: (error as Error).name, message: (error as Error).message } },
        'staff page failed',
      );
    else deps.logger.info({ ...context, reason: key }, 'staff page refused');
    if (res.headersSent) return;
    const t = staffTranslator(request.locale);
    const values = known ? error.values : {};
    const title = t(`${key}.title`, values);
    const message = t(`${key}.message`, values);
    for (const [name, value] of Object.entries(known ? error.headers : {})) res.header(name, value);
    if (!wantsHtml(req)) {
      return sendError(res, status, key.replace(/^errors\./, ''), message, request.requestId);
    }
    sendPage(
      res,
      status,
      'message.njk',
      '',
      {
        title,
        message,
        // Staff can quote it, and it finds the log line; only shown for failures that are ours.
        requestId: status >= 500 ? request.requestId : undefined,
        link: who ? undefined : { href: '/sign-in', text: t('signIn.title') },
      },
      { locale: request.locale, signedIn: who },
    );
  }

  for (const route of routes) {
    const method = route.method === 'GET' ? server.get.bind(server) : server.post.bind(server);
    method(route.path, async (req: Request, res: Response) => {
      const requestId = req.getId();
      const locale = route.localised ? pageLocale(req.query?.lang, req.header('accept-language')) : 'en-GB';
      const known: { signedIn?: SignedIn } = {};
      try {
        const body = req.method === 'POST' ? formBody(req) : {};
        if (route.role) {
          const outcome = await guard(req, route, body, known);
          if ('signInFirst' in outcome) return redirect(res, outcome.signInFirst);
        }
        const request: StaffRequest = {
          params: Object.fromEntries(Object.entries(req.params ?? {}).map(([name, value]) => [name, String(value)])),
          query: (req.query ?? {}) as Record<string, unknown>,
          body,
          staff: known.signedIn,
          requestId,
          locale,
          wantsHtml: wantsHtml(req),
          cookies: readCookies(req),
          clientAddress: clientAddress(req),
          origin: `http://${String(req.header('host') ?? '127.0.0.1')}`,
        };
        send(res, await route.handler(request), request, route);
      } catch (error) {
        fail(req, res, error, { requestId, locale }, known.signedIn);
      }
    });
  }
}
