import { asPage, openTestStaff, staffRequest } from '../../tests/helpers/staffRequest';
import { signInRoutes } from './routes';
import { SESSION_COOKIE, SIGN_IN_COOKIE } from './signInController';
import { createSignInLimit } from './signInLimit';
import { SafeNext } from './signInSchema';

describe('signing in', () => {
  let opened: Awaited<ReturnType<typeof openTestStaff>>;
  let token: string;
  beforeAll(async () => {
    opened = await openTestStaff();
    token = (await opened.staff.accounts.add({ name: 'Sam', role: 'cicc' })).token;
  });
  afterAll(async () => opened.close());

  const routes = (now = () => 0) => {
    const table = signInRoutes({
      staff: opened.staff,
      limit: createSignInLimit(now, { attempts: 2, windowMs: 60_000 }),
    });
    const find = (method: string, path: string) => table.find((r) => r.method === method && r.path === path)!;
    return { show: find('GET', '/sign-in'), submit: find('POST', '/sign-in'), signOut: find('POST', '/sign-out') };
  };
  const post = (body: Record<string, unknown>, csrf = 'form-token-123') =>
    staffRequest({ staff: undefined, body: { csrf, ...body }, cookies: { [SIGN_IN_COOKIE]: 'form-token-123' } });

  it('shows the form with a fresh CSRF cookie, and keeps `next` only when it stays on this site', async () => {
    const page = asPage(await routes().show.handler(staffRequest({ staff: undefined, query: { next: '/cicc' } })));
    expect(page.data).toMatchObject({ title: 'Sign in', next: '/cicc' });
    expect(page.cookies?.[0]).toMatchObject({ name: SIGN_IN_COOKIE, value: page.data.csrf, maxAgeSeconds: 3600 });
    expect(SafeNext.parse('//evil.example/x')).toBe('');
    expect(SafeNext.parse('https://evil.example')).toBe('');
    expect(SafeNext.parse(undefined)).toBe('');
  });

  it('refuses a form whose CSRF token does not match its cookie (403)', async () => {
    const page = asPage(await routes().submit.handler(post({ token }, 'wrong')));
    expect(page).toMatchObject({ status: 403, data: { error: 'The sign-in form expired. Try again.' } });
  });

  it('refuses a wrong token (401), and after too many, asks the address to wait (429)', async () => {
    const { submit } = routes();
    const wrong = post({ token: 'stf_wrongwrongwrongwrongwrongwrong' });
    expect(asPage(await submit.handler(wrong)).status).toBe(401);
    expect(asPage(await submit.handler(wrong)).status).toBe(401);
    const waiting = asPage(await submit.handler(post({ token })));
    expect(waiting).toMatchObject({ status: 429, headers: { 'Retry-After': '60' } });
  });

  it("starts a session for a right token and goes where it was asked, or to the role's home page", async () => {
    const result = await routes().submit.handler(post({ token, next: '/cicc/surveys/wellbeing-check-in' }));
    expect(result).toMatchObject({ kind: 'redirect', location: '/cicc/surveys/wellbeing-check-in' });
    const cookies = result.kind === 'redirect' ? (result.cookies ?? []) : [];
    expect(cookies.map((c) => [c.name, c.maxAgeSeconds])).toEqual([
      [SESSION_COOKIE, 8 * 3600],
      [SIGN_IN_COOKIE, 0],
    ]);
    expect(await opened.staff.sessions.find(cookies[0].value)).toBeDefined();
    expect(await routes().submit.handler(post({ token }))).toMatchObject({ location: '/cicc' });
  });

  it('signs out by ending the session', async () => {
    const result = await routes().submit.handler(post({ token }));
    const sessionId = result.kind === 'redirect' ? result.cookies?.[0].value : undefined;
    const principal = (await opened.staff.accounts.byToken(token))!;
    const out = await routes().signOut.handler(staffRequest({ staff: { principal, via: 'session', sessionId } }));
    expect(out).toMatchObject({ kind: 'redirect', location: '/sign-in' });
    expect(await opened.staff.sessions.find(sessionId)).toBeUndefined();
  });
});
