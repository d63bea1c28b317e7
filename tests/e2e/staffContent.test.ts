import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { adminOk } from '../helpers/admin';
import { removeDir, startTestApp, type TestApp } from '../helpers/app';

const token = async (dataDir: string, role: string) =>
  (await adminOk(dataDir, 'staff', 'add', '--name', `A ${role}`, '--role', role)).at(-1)!;

/** A server with staff accounts of these roles made before it starts, for one describe block. */
function serverWithStaff(name: string, roles: string[], env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `clb-${name}-`));
  const state: { app?: TestApp; tokens: Record<string, string> } = { tokens: {} };
  beforeAll(async () => {
    for (const role of roles) state.tokens[role] = await token(dataDir, role);
    state.app = await startTestApp(env, dataDir);
  });
  afterAll(async () => {
    await state.app?.stop();
    removeDir(dataDir);
  });
  return {
    get app(): TestApp {
      return state.app!;
    },
    tokens: state.tokens,
  };
}

/** What chat shows for a message, as text (cards included), through the real server. */
async function chatSays(app: TestApp, text: string): Promise<string> {
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      deliveryMode: 'expectReplies',
      text,
      from: { id: `u_${Math.random().toString(36).slice(2)}` },
      recipient: { id: 'bot' },
      conversation: { id: `c_${Math.random().toString(36).slice(2)}` },
      channelId: 'test',
      serviceUrl: 'http://127.0.0.1:1',
      id: '1',
    }),
  });
  return JSON.stringify(await response.json());
}

describe('/staff/content: staff keep the content true without a developer', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-content-'));
  let app: TestApp;
  const tokens: Record<string, string> = {};
  const as = (role: string, extra: Record<string, string> = {}) => ({
    Authorization: `Bearer ${tokens[role]}`,
    ...extra,
  });

  beforeAll(async () => {
    for (const role of ['participation', 'cicc']) tokens[role] = await token(dataDir, role);
    app = await startTestApp({}, dataDir);
  });
  afterAll(async () => {
    await app?.stop();
    removeDir(dataDir);
  });

  it('answers 200 to a participation worker, 403 to a CiCC member and 401 without sign-in', async () => {
    expect((await fetch(`${app.url}/staff/content`, { headers: as('participation') })).status).toBe(200);
    expect((await fetch(`${app.url}/staff/content`, { headers: as('cicc') })).status).toBe(403);
    expect((await fetch(`${app.url}/staff/content`)).status).toBe(401);
  });

  it('lists every item with its checked date and flags what needs checking', async () => {
    const html = await (
      await fetch(`${app.url}/staff/content`, { headers: as('participation', { Accept: 'text/html' }) })
    ).text();
    expect(html).toMatch(/Open Road/);
    expect(html).toMatch(/National Domestic Abuse Helpline/);
    expect(html).toMatch(/To check: From a 2021 directory/);
    expect(html).toMatch(/2026-11-30/);
  });

  it('refuses an edit that breaks the rules, in words, and keeps the old content', async () => {
    const response = await fetch(`${app.url}/staff/content/service/open-road`, {
      method: 'POST',
      headers: as('participation', { 'content-type': 'application/x-www-form-urlencoded', Accept: 'text/html' }),
      body: new URLSearchParams({ intent: 'publish', summary: '', 'contact-0-checked': 'last tuesday' }).toString(),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/This cannot be published yet[\s\S]*(summary|checked)/);
    expect(await chatSays(app, 'been smoking a lot of weed')).toMatch(/01634 566285/);
  });

  it('publishes an edit that chat shows at once, that survives a restart, is audited, and can be undone', async () => {
    const published = await fetch(`${app.url}/staff/content/service/open-road`, {
      method: 'POST',
      headers: as('participation', { 'content-type': 'application/x-www-form-urlencoded' }),
      body: new URLSearchParams({ intent: 'publish', 'contact-0-label': 'Ring Open Road today' }).toString(),
    });
    expect(published.status).toBe(200);
    expect(await chatSays(app, 'been smoking a lot of weed')).toMatch(/Ring Open Road today/);

    await app.stop();
    app = await startTestApp({}, dataDir);
    expect(await chatSays(app, 'been smoking a lot of weed')).toMatch(/Ring Open Road today/);

    const audit = await (
      await fetch(`${app.url}/staff/audit`, { headers: as('participation', { Accept: 'text/html' }) })
    ).text();
    expect(audit).toMatch(/content\.publish[\s\S]*service:open-road/);

    const undone = await fetch(`${app.url}/staff/content/undo`, { method: 'POST', headers: as('participation') });
    expect(undone.status).toBe(200);
    const chat = await chatSays(app, 'been smoking a lot of weed');
    expect(chat).not.toMatch(/Ring Open Road today/);
    expect(chat).toMatch(/Call Open Road/);
    const history = (await (await fetch(`${app.url}/staff/content`, { headers: as('participation') })).json()) as {
      history: Array<{ change: string }>;
    };
    expect(history.history.map((v) => v.change).slice(0, 2)).toEqual(['undo: back to version 1', 'service open-road']);
  });

  it('previews an edit in English and Arabic without publishing it', async () => {
    const response = await fetch(`${app.url}/staff/content/entitlement/council-tax-relief`, {
      method: 'POST',
      headers: as('participation', { 'content-type': 'application/x-www-form-urlencoded', Accept: 'text/html' }),
      body: new URLSearchParams({ intent: 'preview', howMuch: 'Everything after other discounts' }).toString(),
    });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toMatch(/Preview of your change \(not published\)[\s\S]*Everything after other discounts/);
    expect(html).toMatch(/lang="ar" dir="rtl"/);
    expect(await chatSays(app, 'do care leavers pay council tax')).not.toMatch(/Everything after other discounts/);
  });
});

describe('invitation links on the staff pages', () => {
  const server = serverWithStaff('invites', ['participation']);

  it('makes single-use links a worker can copy, shown once', async () => {
    const response = await fetch(`${server.app.url}/staff/surveys/wellbeing-check-in/invite`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${server.tokens.participation}`,
        'content-type': 'application/x-www-form-urlencoded',
        Accept: 'text/html',
      },
      body: 'count=3',
    });
    expect(response.status).toBe(201);
    const links = (await response.text()).match(/\/\?survey=wellbeing-check-in&amp;invite=[a-z2-9]{12}/g) ?? [];
    expect(new Set(links).size).toBe(3);
    const page = await (
      await fetch(`${server.app.url}/staff/surveys/wellbeing-check-in/share`, {
        headers: { Authorization: `Bearer ${server.tokens.participation}`, Accept: 'text/html' },
      })
    ).text();
    expect(page).toMatch(/Made so far: 3, used: 0/);
    expect(page).not.toMatch(/invite=[a-z2-9]{12}/);
    const bad = await fetch(`${server.app.url}/staff/surveys/wellbeing-check-in/invite`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${server.tokens.participation}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'count=lots',
    });
    expect(bad.status).toBe(400);
  });
});

describe('failed staff sign-ins', () => {
  const server = serverWithStaff('signin', ['participation'], { RATE_LIMIT_PER_MINUTE: '30' });

  it('are audited and, after 10 in 15 minutes from one address, answered 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(
        (
          await fetch(`${server.app.url}/staff`, {
            headers: { Authorization: `Bearer stf_guess-${i}-aaaaaaaaaaaaaaaaaaaaaaaaaaaa` },
          })
        ).status,
      );
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    const limited = await fetch(`${server.app.url}/staff`, {
      headers: { Authorization: `Bearer ${server.tokens.participation}` },
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const entries = await server.app.store.collection('audit').find({ action: 'signin.failed' });
    expect(entries.length).toBe(10);
    expect(JSON.stringify(entries)).not.toMatch(/stf_guess/);
  });
});

describe('staff accounts while the server runs', () => {
  const server = serverWithStaff('accounts', ['admin', 'participation']);

  it('lets an admin add someone (token shown once) and switch them off at once; workers cannot', async () => {
    expect(
      (
        await fetch(`${server.app.url}/staff/accounts`, {
          headers: { Authorization: `Bearer ${server.tokens.participation}` },
        })
      ).status,
    ).toBe(403);
    const added = await fetch(`${server.app.url}/staff/accounts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.tokens.admin}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=New+Worker&role=participation',
    });
    expect(added.status).toBe(201);
    const { id, token: newToken } = (await added.json()) as { id: string; token: string };
    expect(
      (await fetch(`${server.app.url}/staff/content`, { headers: { Authorization: `Bearer ${newToken}` } })).status,
    ).toBe(200);
    const revoked = await fetch(`${server.app.url}/staff/accounts/${id}/revoke`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.tokens.admin}` },
    });
    expect(revoked.status).toBe(200);
    expect(
      (await fetch(`${server.app.url}/staff/content`, { headers: { Authorization: `Bearer ${newToken}` } })).status,
    ).toBe(401);
    const audit = await server.app.store.collection('audit').find({ action: { $in: ['staff.add', 'staff.revoke'] } });
    expect(audit.map((entry) => entry.action).sort()).toEqual(['staff.add', 'staff.add', 'staff.add', 'staff.revoke']);
  });
});

describe('the CiCC results page', () => {
  const server = serverWithStaff('resultspage', ['cicc']);

  it('says "fewer than 5" once when too few answered, and offers only the themes and ages the survey has', async () => {
    const html = await (
      await fetch(`${server.app.url}/cicc/surveys/wellbeing-check-in`, {
        headers: { Authorization: `Bearer ${server.tokens.cicc}`, Accept: 'text/html' },
      })
    ).text();
    expect(html.match(/Fewer than 5/g)).toHaveLength(1);
    expect(html).not.toMatch(/<option value="money">/);
    expect(html).toMatch(/<option value="wellbeing"/);
    expect(html).not.toMatch(/id="ageBand"/);
    const other = await (
      await fetch(`${server.app.url}/cicc/surveys/care-leavers-you-said-we-did`, {
        headers: { Authorization: `Bearer ${server.tokens.cicc}`, Accept: 'text/html' },
      })
    ).text();
    expect(other).toMatch(/id="ageBand"/);
  });
});
