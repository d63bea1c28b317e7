import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { mountStaffRoutes } from '../../bot/staffHttp/mount';
import { registerStaffAssets } from '../../bot/staffHttp/assets';
import { createLogger } from '../../bot/logger';
import { createHttpServer } from '../../bot/server';
import { HttpError } from '../../staff/shared/httpError';
import { govukFrontendDir } from '../../staff/shared/render';
import { page, type StaffRoute } from '../../staff/shared/route';
import { NO_SIGN_IN_LIMIT } from '../../staff/signIn/signInLimit';
import { openTestStaff } from '../helpers/staffRequest';

/** A few routes that fail in each way the adapter must handle, and a public page that can be read in Arabic. */
const ROUTES: StaffRoute[] = [
  {
    method: 'GET',
    path: '/test/missing',
    handler: async () => {
      throw new HttpError(404, 'errors.surveyNotFound');
    },
  },
  {
    method: 'GET',
    path: '/test/wait',
    handler: async () => {
      throw new HttpError(429, 'errors.tooManyTries', { minutes: 3 }, { 'Retry-After': '180' });
    },
  },
  {
    method: 'GET',
    path: '/test/broken',
    handler: async () => {
      throw new Error('database on fire at /srv/secret/path');
    },
  },
  { method: 'GET', path: '/test/cicc', role: 'cicc', handler: async () => page('message.njk', '', { title: 'In' }) },
  {
    method: 'GET',
    path: '/test/public',
    localised: true,
    handler: async () => page('message.njk', 'public', { title: 'Public', message: 'Hello' }),
  },
];

describe('the staff pages adapter (bot/staffHttp)', () => {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(JSON.parse(String(chunk)));
      callback();
    },
  });
  const logger = createLogger('info', sink);
  const server = createHttpServer(logger);
  let opened: Awaited<ReturnType<typeof openTestStaff>>;
  let url = '';

  beforeAll(async () => {
    opened = await openTestStaff();
    mountStaffRoutes(server, ROUTES, { staff: opened.staff, threshold: 5, logger, signInLimit: NO_SIGN_IN_LIMIT });
    registerStaffAssets(server, path.join(govukFrontendDir(), 'govuk'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await opened.close();
  });
  const html = { Accept: 'text/html' };

  it('turns a typed HttpError into a page for a browser and JSON for a script, logged at info', async () => {
    const browser = await fetch(`${url}/test/missing`, { headers: html });
    expect(browser.status).toBe(404);
    const body = await browser.text();
    expect(body).toMatch(/<h1 class="govuk-heading-l">Survey not found<\/h1>[\s\S]*There is no survey with that name/);
    expect(body).not.toMatch(/reference/);
    const script = await fetch(`${url}/test/missing`);
    expect(script.status).toBe(404);
    expect(await script.json()).toEqual({
      error: { code: 'surveyNotFound', message: 'There is no survey with that name.', requestId: expect.any(String) },
    });
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 30, msg: 'staff page refused', status: 404, reason: 'errors.surveyNotFound' }),
    );
  });

  it('sends the headers an error asks for, with its values in the words', async () => {
    const response = await fetch(`${url}/test/wait`, { headers: html });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('180');
    expect(await response.text()).toMatch(/Wait 3 minutes and try again/);
  });

  it('answers any other failure with 500 and a reference to quote, logged with that id, no details', async () => {
    const response = await fetch(`${url}/test/broken`, { headers: html });
    expect(response.status).toBe(500);
    const body = await response.text();
    const reference = /quote this reference: ([\w-]+)/.exec(body)?.[1];
    expect(reference).toBeDefined();
    expect(body).toMatch(/Something went wrong/);
    expect(body).not.toMatch(/on fire|secret|at Object|\.ts:/);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 50, msg: 'staff page failed', requestId: reference, path: '/test/broken' }),
    );
  });

  it('asks for a sign-in on a route with a role: 401 for a script, the sign-in page for a browser', async () => {
    const script = await fetch(`${url}/test/cicc`);
    expect(script.status).toBe(401);
    expect(script.headers.get('www-authenticate')).toBe('Bearer');
    const browser = await fetch(`${url}/test/cicc`, { headers: html, redirect: 'manual' });
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toBe('/sign-in?next=%2Ftest%2Fcicc');
    const { token } = await opened.staff.accounts.add({ name: 'Sam', role: 'cicc' });
    expect((await fetch(`${url}/test/cicc`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('serves a page with a strict CSP whose nonce is the one on its script', async () => {
    const response = await fetch(`${url}/test/public`, { headers: html });
    const nonce = /script-src 'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeDefined();
    expect(await response.text()).toContain(`<script nonce="${nonce}">`);
  });

  it.each([
    ['?lang=ar', {}],
    ['', { 'Accept-Language': 'ar-EG,ar;q=0.9,en;q=0.4' }],
  ])('renders a localised page in Arabic, right to left, for %s %j', async (query, headers) => {
    const body = await (await fetch(`${url}/test/public${query}`, { headers: { ...html, ...headers } })).text();
    expect(body).toMatch(/<html lang="ar" dir="rtl"/);
    expect(body).toMatch(/href="\/test\/public\?lang=en"[^>]*>Read this page in English/);
    expect(body).toMatch(/انتقل إلى المحتوى الرئيسي/);
  });

  it('keeps staff-only pages in English whatever the browser prefers', async () => {
    const body = await (await fetch(`${url}/test/missing?lang=ar`, { headers: html })).text();
    expect(body).toMatch(/<html lang="en-GB" class=/);
  });

  it('serves the staff stylesheet', async () => {
    const response = await fetch(`${url}/assets/staff.css`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/app-inline-form/);
  });
});
