/** Who is asking and may they: a staff token (Bearer) or a session cookie, the role for the area, and the CSRF token on forms. */
import type { Request, Response } from 'restify';
import { mayUse, type StaffPrincipal } from '../../staff/accounts';
import type { StaffServices } from '../../staff/index';
import { csrfMatches } from '../../staff/sessions';
import type { PageContext, StaffPages } from '../../staff/web/pages';
import type { Logger } from '../logger';
import { clientAddress } from '../rateLimit';
import { createSignInLimit, type SignInLimit } from './signInLimit';
import { newNonce, readCookies, redirect, sendHtml, wantsHtml } from './http';

export const SESSION_COOKIE = 'clb_session';

export interface Auth {
  principal: StaffPrincipal;
  via: 'bearer' | 'session';
  csrf?: string;
  sessionId?: string;
}

export type Area = 'cicc' | 'staff' | 'admin';

/** Who a failed sign-in is recorded as: nobody is known, and the token tried is never kept. */
export const FAILED_SIGN_IN = { id: 'unknown', name: 'failed sign-in', role: 'none' } as const;
export type GuardedHandler = (req: Request, res: Response, auth: Auth, nonce: string) => Promise<void>;

/**
 * @example const { guarded } = createStaffGuard({ staff, pages, threshold, logger }); server.get('/staff', guarded('staff', handler));
 */
export function createStaffGuard(deps: {
  staff: StaffServices;
  pages: StaffPages;
  threshold: number;
  logger: Logger;
  signInLimit?: SignInLimit;
}) {
  const { pages } = deps;
  const limit = deps.signInLimit ?? createSignInLimit();

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

  const context = (auth: Auth | undefined, nonce: string): PageContext => ({
    principal: auth?.principal,
    csrf: auth?.csrf,
    cspNonce: nonce,
    threshold: deps.threshold,
  });

  function fail(req: Request, res: Response, status: number, title: string, message: string, auth?: Auth): void {
    if (!wantsHtml(req)) {
      res.status(status);
      res.json({ error: { code: title.replace(/\W+/g, ''), message } });
      return;
    }
    const nonce = newNonce();
    sendHtml(
      res,
      status,
      pages.message(context(auth, nonce), title, message, auth ? undefined : { href: '/sign-in', text: 'Sign in' }),
      nonce,
    );
  }

  /** Wraps a handler: 401 (or a redirect to sign-in for a browser) without a session, 403 for the wrong role or a bad CSRF token. */
  function guarded(area: Area, handler: (req: Request, res: Response, auth: Auth, nonce: string) => Promise<void>) {
    return async (req: Request, res: Response): Promise<void> => {
      try {
        const address = clientAddress(req);
        const wait = limit.waitSeconds(address);
        if (wait > 0) {
          res.header('Retry-After', String(wait));
          return fail(
            req,
            res,
            429,
            'Too many tries',
            `Too many sign-in attempts failed. Wait ${Math.ceil(wait / 60)} minutes and try again.`,
          );
        }
        const auth = await authenticate(req);
        if (auth === 'bad-bearer') {
          limit.failed(address);
          await deps.staff.audit
            .record(FAILED_SIGN_IN, 'signin.failed', undefined, 'bearer token')
            .catch(() => undefined);
        }
        if (auth === 'bad-bearer' || !auth) {
          if (auth === undefined && req.method === 'GET' && wantsHtml(req))
            return redirect(res, `/sign-in?next=${encodeURIComponent(req.getPath())}`);
          res.header('WWW-Authenticate', 'Bearer');
          return fail(
            req,
            res,
            401,
            'Sign in needed',
            'Sign in to see this page, or send a valid staff token as "Authorization: Bearer <token>".',
          );
        }
        if (!mayUse(auth.principal.role, area))
          return fail(req, res, 403, 'Not for your role', 'Your account cannot use this page.', auth);
        if (
          req.method === 'POST' &&
          auth.via === 'session' &&
          !csrfMatches(auth.csrf ?? '', (req.body as Record<string, unknown> | undefined)?.csrf)
        ) {
          return fail(
            req,
            res,
            403,
            'Form expired',
            'This form has expired. Go back, reload the page and try again.',
            auth,
          );
        }
        await handler(req, res, auth, newNonce());
      } catch (error) {
        deps.logger.error(
          { err: { name: (error as Error).name, message: (error as Error).message }, path: req.getPath() },
          'staff page failed',
        );
        if (!res.headersSent)
          fail(req, res, 500, 'Something went wrong', 'Sorry, something went wrong. Try again in a minute.');
      }
    };
  }

  return { authenticate, guarded, fail, context, limit };
}
