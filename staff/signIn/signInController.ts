/** Signing in with a one-time staff token (it becomes a session cookie) and signing out. */
import { randomBytes } from 'node:crypto';
import type { StaffServices } from '../index';
import { mayUse } from '../roles';
import { csrfMatches, SESSION_HOURS } from '../sessions';
import type { CookieToSet } from '../shared/httpError';
import { staffTranslator } from '../shared/i18n';
import { page, redirect, signedIn, type StaffRequest, type StaffResult } from '../shared/route';
import { SafeNext, SignInForm } from './signInSchema';
import type { SignInLimit } from './signInLimit';

/** The session cookie's name; the adapter in bot/ reads it on every guarded request. */
export const SESSION_COOKIE = 'clb_session';
/** The sign-in form's CSRF token lives in a short-lived cookie the form must echo (there is no session yet). */
export const SIGN_IN_COOKIE = 'clb_signin';
/** Who a failed sign-in is recorded as: nobody is known, and the token tried is never kept. */
export const FAILED_SIGN_IN = { id: 'unknown', name: 'failed sign-in', role: 'none' } as const;

const signInCookie = (): CookieToSet => ({
  name: SIGN_IN_COOKIE,
  value: randomBytes(24).toString('base64url'),
  maxAgeSeconds: 3600,
});

/**
 * @example const signIn = createSignInController({ staff, limit }); await signIn.form(req)
 */
export function createSignInController(deps: { staff: StaffServices; limit: SignInLimit }) {
  /** The form, with a fresh CSRF cookie each time it is shown. */
  const form = (next: string, status = 200, error?: string, headers?: Record<string, string>): StaffResult => {
    const cookie = signInCookie();
    const t = staffTranslator('en-GB');
    return {
      ...page('signIn.njk', 'signin', { title: t('signIn.title'), next, error, csrf: cookie.value }, status),
      cookies: [cookie],
      headers,
    };
  };

  return {
    async show(req: StaffRequest): Promise<StaffResult> {
      return form(SafeNext.parse(req.query.next));
    },

    async submit(req: StaffRequest): Promise<StaffResult> {
      const t = staffTranslator('en-GB');
      const body = SignInForm.parse(req.body);
      const expected = req.cookies[SIGN_IN_COOKIE];
      if (!expected || !csrfMatches(expected, body.csrf)) return form(body.next, 403, t('signIn.expired'));
      const wait = deps.limit.waitSeconds(req.clientAddress);
      if (wait > 0)
        return form(body.next, 429, t('signIn.tooMany', { minutes: Math.ceil(wait / 60) }), {
          'Retry-After': String(wait),
        });
      const principal = body.token ? await deps.staff.accounts.byToken(body.token) : undefined;
      if (!principal) {
        deps.limit.failed(req.clientAddress);
        await deps.staff.audit.record(FAILED_SIGN_IN, 'signin.failed', undefined, 'sign-in form');
        return form(body.next, 401, t('signIn.wrongToken'));
      }
      const session = await deps.staff.sessions.create(principal);
      await deps.staff.audit.record(principal, 'signin');
      return redirect(body.next || (mayUse(principal.role, 'staff') ? '/staff' : '/cicc'), [
        { name: SESSION_COOKIE, value: session.id, maxAgeSeconds: SESSION_HOURS * 3600 },
        { name: SIGN_IN_COOKIE, value: '', maxAgeSeconds: 0 },
      ]);
    },

    async signOut(req: StaffRequest): Promise<StaffResult> {
      await deps.staff.sessions.destroy(signedIn(req).sessionId);
      return redirect('/sign-in', [{ name: SESSION_COOKIE, value: '', maxAgeSeconds: 0 }]);
    },
  };
}
