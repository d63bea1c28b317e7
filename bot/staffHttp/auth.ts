/** Who is asking: a staff token (Bearer) or a session cookie; and whether they may use a route's area. */
import type { Request } from 'restify';
import { mayUse } from '../../staff/roles';
import type { StaffServices } from '../../staff/index';
import { csrfMatches } from '../../staff/sessions';
import { HttpError } from '../../staff/shared/httpError';
import type { SignedIn, StaffRoute } from '../../staff/shared/route';
import { FAILED_SIGN_IN, SESSION_COOKIE } from '../../staff/signIn/signInController';
import type { SignInLimit } from '../../staff/signIn/signInLimit';
import { clientAddress } from '../rateLimit';
import { readCookies, wantsHtml } from './http';

/** What the guard decided: a signed-in member, or a browser to send to the sign-in page. */
export type GuardOutcome = { signedIn: SignedIn } | { signInFirst: string };

/**
 * @example const guard = createStaffGuard({ staff, limit }); const outcome = await guard(req, route);
 */
export function createStaffGuard(deps: { staff: StaffServices; limit: SignInLimit }) {
  async function authenticate(req: Request): Promise<SignedIn | undefined | 'bad-bearer'> {
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

  /**
   * 429 while this address has failed too often, 401 (or the sign-in page for a browser) without a session,
   * 403 for the wrong role or a form without its CSRF token.
   */
  return async function guard(
    req: Request,
    route: StaffRoute,
    body: Record<string, unknown>,
    /** Filled in as soon as someone is known, so an error page after that still shows who is signed in. */
    known: { signedIn?: SignedIn } = {},
  ): Promise<GuardOutcome> {
    const area = route.role ?? 'cicc';
    const address = clientAddress(req);
    const wait = deps.limit.waitSeconds(address);
    if (wait > 0)
      throw new HttpError(
        429,
        'errors.tooManyTries',
        { minutes: Math.ceil(wait / 60) },
        { 'Retry-After': String(wait) },
      );
    const auth = await authenticate(req);
    if (auth === 'bad-bearer') {
      deps.limit.failed(address);
      await deps.staff.audit.record(FAILED_SIGN_IN, 'signin.failed', undefined, 'bearer token').catch(() => undefined);
    }
    if (auth === 'bad-bearer' || !auth) {
      if (auth === undefined && req.method === 'GET' && wantsHtml(req))
        return { signInFirst: `/sign-in?next=${encodeURIComponent(req.getPath())}` };
      throw new HttpError(401, 'errors.signInNeeded', {}, { 'WWW-Authenticate': 'Bearer' });
    }
    known.signedIn = auth;
    if (!mayUse(auth.principal.role, area)) throw new HttpError(403, 'errors.notForYourRole');
    if (req.method === 'POST' && auth.via === 'session' && !csrfMatches(auth.csrf ?? '', body.csrf))
      throw new HttpError(403, 'errors.formExpired');
    return { signedIn: auth };
  };
}
