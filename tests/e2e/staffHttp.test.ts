import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSurveyServices } from '../../surveys/index';
import { adminOk } from '../helpers/admin';
import { removeDir, startTestApp, type TestApp } from '../helpers/app';

const token = async (dataDir: string, role: string) =>
  (await adminOk(dataDir, 'staff', 'add', '--name', `A ${role}`, '--role', role)).at(-1)!;

const STAFF_ONLY = [
  '/staff',
  '/staff/actions',
  '/staff/audit',
  '/staff/surveys/wellbeing-check-in/share',
  '/staff/surveys/wellbeing-check-in/assisted',
];
const CICC = [
  '/cicc',
  '/cicc/surveys/wellbeing-check-in',
  '/cicc/surveys/wellbeing-check-in/results.csv',
  '/cicc/surveys/wellbeing-check-in/results.json',
];
const STAFF_POSTS = [
  '/staff/surveys/wellbeing-check-in/open',
  '/staff/surveys/wellbeing-check-in/close',
  '/staff/actions',
  '/staff/surveys/wellbeing-check-in/assisted',
  '/staff/actions/act_x',
];

describe('staff access over HTTP', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-staffhttp-'));
  let app: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    for (const role of ['participation', 'cicc', 'admin']) tokens[role] = await token(dataDir, role);
    app = await startTestApp({}, dataDir);
  });
  afterAll(async () => {
    await app.stop();
    removeDir(dataDir);
  });

  const get = (route: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${route}`, { headers, redirect: 'manual' });
  const bearer = (role: string) => ({ Authorization: `Bearer ${tokens[role]}` });

  it.each([...STAFF_ONLY, ...CICC])(
    'answers 401 to a script and sends a browser to sign in without a session: %s',
    async (route) => {
      const script = await get(route);
      expect(script.status).toBe(401);
      const browser = await get(route, { Accept: 'text/html' });
      expect(browser.status).toBe(303);
      expect(browser.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(route)}`);
      expect((await get(route, { Authorization: 'Bearer stf_not-a-real-token-at-all-xxxxxxxx' })).status).toBe(401);
    },
  );

  it.each(STAFF_ONLY)("refuses a CiCC member on a workers' page with 403: %s", async (route) => {
    expect((await get(route, bearer('cicc'))).status).toBe(403);
  });

  it.each(STAFF_POSTS)("refuses a CiCC member posting to a workers' form with 403: %s", async (route) => {
    const response = await fetch(`${app.url}${route}`, {
      method: 'POST',
      headers: { ...bearer('cicc'), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'status=done',
    });
    expect(response.status).toBe(403);
  });

  it.each([...STAFF_ONLY, ...CICC])('lets workers and admins in: %s', async (route) => {
    expect((await get(route, bearer('participation'))).status).toBe(200);
    expect((await get(route, bearer('admin'))).status).toBe(200);
  });

  it.each(CICC)('lets a CiCC member read results: %s', async (route) => {
    expect((await get(route, bearer('cicc'))).status).toBe(200);
  });

  it('serves the public "you said, we did" page without sign-in', async () => {
    const response = await get('/you-said-we-did');
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/You said, we did/);
    const arabic = await get('/you-said-we-did?lang=ar');
    expect(arabic.headers.get('vary')).toMatch(/Accept-Language/);
    expect(await arabic.text()).toMatch(/<html lang="ar" dir="rtl"[\s\S]*قلتم، فعلنا/);
  });

  it('signs in with a token into an HttpOnly, SameSite session cookie; every form needs its CSRF token', async () => {
    const form = await get('/sign-in');
    const signInCookie = form.headers.get('set-cookie')!.split(';')[0];
    const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1];
    const refused = await fetch(`${app.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: signInCookie },
      body: new URLSearchParams({ token: tokens.participation, csrf: 'wrong' }),
    });
    expect(refused.status).toBe(403);
    const wrongToken = await fetch(`${app.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: signInCookie },
      body: new URLSearchParams({ token: 'stf_wrongwrongwrongwrongwrongwrong', csrf }),
    });
    expect(wrongToken.status).toBe(401);
    const signedIn = await fetch(`${app.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: signInCookie },
      body: new URLSearchParams({ token: tokens.participation, csrf }),
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/staff');
    const sessionCookie = signedIn.headers.getSetCookie().find((value) => value.startsWith('clb_session='))!;
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Strict/);
    expect(sessionCookie).toMatch(/Max-Age=28800/);
    const session = sessionCookie.split(';')[0];

    const page = await get('/staff', { cookie: session, Accept: 'text/html' });
    expect(page.status).toBe(200);
    const pageCsrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1];
    const noCsrf = await fetch(`${app.url}/staff/surveys/wellbeing-check-in/open`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(noCsrf.status).toBe(403);
    const opened = await fetch(`${app.url}/staff/surveys/wellbeing-check-in/open`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
      body: new URLSearchParams({ csrf: pageCsrf }),
    });
    expect(opened.status).toBe(303);

    const out = await fetch(`${app.url}/sign-out`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: pageCsrf }),
    });
    expect(out.status).toBe(303);
    expect((await get('/staff', { cookie: session })).status).toBe(401);
  });

  it("keeps an audit log of who opened a survey, without any young person's data", async () => {
    await fetch(`${app.url}/staff/surveys/wellbeing-check-in/close`, { method: 'POST', headers: bearer('admin') });
    const audit = await (await get('/staff/audit', bearer('admin'))).text();
    expect(audit).toMatch(/A admin \(admin\)<\/td><td class="govuk-table__cell">survey\.close/);
    expect(audit).toMatch(/A participation \(participation\)<\/td><td class="govuk-table__cell">survey\.open/);
  });

  it('never shows a count from 1 to 4 on a page or in a CSV, even with 1 to 4 responses', async () => {
    await fetch(`${app.url}/staff/surveys/wellbeing-check-in/open`, { method: 'POST', headers: bearer('admin') });
    for (let people = 1; people <= 4; people++) {
      await app.store.collection('responses').deleteMany({});
      await app.store.collection('tallies').deleteMany({});
      const services = await openSurveyServices(app.store, { key: 'k', retentionDays: 30 });
      for (let i = 0; i < people; i++)
        await services.responses.saveFromChat(
          {
            surveyId: 'wellbeing-check-in',
            surveyVersion: 1,
            answers: [
              { q: 'life_satisfaction', v: 3 },
              { q: 'someone_to_talk', v: 'yes' },
            ],
          },
          { channelId: 't', userId: `p${people}-${i}` },
        );
      const html = await (await get('/cicc/surveys/wellbeing-check-in', bearer('cicc'))).text();
      expect(html).toMatch(/Fewer than 5 young people answered/);
      expect(html).not.toMatch(/>\s*[1-4]\s*</);
      const csv = await (await get('/cicc/surveys/wellbeing-check-in/results.csv', bearer('cicc'))).text();
      for (const line of csv.trim().split('\n').slice(1)) expect(line.split(',').at(-1)).not.toMatch(/^[1-4]$/);
      const list = await (await get('/cicc', bearer('cicc'))).text();
      expect(list).toMatch(/fewer than 5/);
    }
  });
});
