/** The sign-in form (a one-time staff token becomes a session cookie) and signing out. */
import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { mayUse } from '../../staff/accounts';
import type { StaffServices } from '../../staff/index';
import { csrfMatches, SESSION_HOURS } from '../../staff/sessions';
import type { StaffPages } from '../../staff/web/pages';
import { cookie, formBody, newNonce, readCookies, redirect, safeNext, sendHtml } from './http';
import { clientAddress } from '../rateLimit';
import type { SignInLimit } from './signInLimit';
import { type Area, FAILED_SIGN_IN, type GuardedHandler, SESSION_COOKIE } from './staffAuth';

/** The sign-in form's CSRF token lives in a short-lived cookie that the form must echo (there is no session yet). */
export const SIGN_IN_COOKIE = 'clb_signin';
export const newSignInCsrf = (): string => randomBytes(24).toString('base64url');

/**
 * @example registerSignIn(server, { staff, pages, threshold: 5, secure: false, guarded });
 */
export function registerSignIn(
  server: Server,
  deps: {
    staff: StaffServices;
    pages: StaffPages;
    threshold: number;
    secure: boolean;
    guarded: (area: Area, handler: GuardedHandler) => (req: Request, res: Response) => Promise<void>;
    limit: SignInLimit;
  },
): void {
  const { pages, secure, guarded } = deps;
  // Sign in and out.
  server.get('/sign-in', async (req: Request, res: Response) => {
    const nonce = newNonce();
    const csrf = newSignInCsrf();
    const next = safeNext(req.query?.next, '');
    sendHtml(res, 200, pages.signIn({ cspNonce: nonce, csrf, threshold: deps.threshold }, { next }), nonce, {
      'Set-Cookie': cookie(SIGN_IN_COOKIE, csrf, { maxAgeSeconds: 3600, secure }),
    });
  });

  server.post('/sign-in', async (req: Request, res: Response) => {
    const body = formBody(req);
    const nonce = newNonce();
    const expected = readCookies(req)[SIGN_IN_COOKIE];
    const next = safeNext(body.next, '');
    const again = (status: number, error: string) => {
      const csrf = newSignInCsrf();
      sendHtml(
        res,
        status,
        pages.signIn({ cspNonce: nonce, csrf, threshold: deps.threshold }, { next, error }),
        nonce,
        { 'Set-Cookie': cookie(SIGN_IN_COOKIE, csrf, { maxAgeSeconds: 3600, secure }) },
      );
    };
    if (!expected || !csrfMatches(expected, body.csrf)) return again(403, 'The sign-in form expired. Try again.');
    const address = clientAddress(req);
    const wait = deps.limit.waitSeconds(address);
    if (wait > 0) {
      res.header('Retry-After', String(wait));
      return again(429, `Too many sign-in attempts failed. Wait ${Math.ceil(wait / 60)} minutes and try again.`);
    }
    const principal = typeof body.token === 'string' ? await deps.staff.accounts.byToken(body.token.trim()) : undefined;
    if (!principal) {
      deps.limit.failed(address);
      await deps.staff.audit.record(FAILED_SIGN_IN, 'signin.failed', undefined, 'sign-in form');
      return again(401, 'That sign-in token is not right, or it has been switched off. Check it and try again.');
    }
    const session = await deps.staff.sessions.create(principal);
    await deps.staff.audit.record(principal, 'signin');
    redirect(res, next || (mayUse(principal.role, 'staff') ? '/staff' : '/cicc'), {
      'Set-Cookie': [
        cookie(SESSION_COOKIE, session.id, { maxAgeSeconds: SESSION_HOURS * 3600, secure }),
        cookie(SIGN_IN_COOKIE, '', { maxAgeSeconds: 0, secure }),
      ],
    });
  });

  server.post(
    '/sign-out',
    guarded('cicc', async (_req, res, auth) => {
      await deps.staff.sessions.destroy(auth.sessionId);
      redirect(res, '/sign-in', { 'Set-Cookie': cookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure }) });
    }),
  );
}
