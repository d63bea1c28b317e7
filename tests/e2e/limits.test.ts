import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSurveyServices } from '../../surveys/index';
import { buildResults } from '../../surveys/results';
import { admin } from '../helpers/admin';
import { du } from '../helpers/du';
import { removeDir, say, startTestApp, type TestApp } from '../helpers/app';

describe('limits on what one client can do', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '30' });
  });
  afterAll(async () => {
    await app?.stop();
    if (app) removeDir(app.dataDir);
  });

  it('answers 429 with Retry-After to a client sending far faster than a person, while others are served', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1)
      statuses.push((await say(app.url, `hello ${i}`, { conversationId: 'flooder-1' })).status);
    expect(statuses.slice(0, 5).every((status) => status === 200)).toBe(true);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(10);
    const limited = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'again',
        deliveryMode: 'expectReplies',
        from: { id: 'u1' },
        recipient: { id: 'bot' },
        conversation: { id: 'flooder-1' },
        channelId: 'webchat',
        serviceUrl: 'http://127.0.0.1:9/',
      }),
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await say(app.url, 'hi', { conversationId: 'someone-else-1' })).status).toBe(200);
  });

  it('keeps only known Direct Line fields: 100 posts with 240 KiB of extra fields add under 1 MB', async () => {
    const token = (await (await fetch(`${app.url}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const auth = { Authorization: `Bearer ${token.token}`, 'content-type': 'application/json' };
    await fetch(`${app.url}/v3/directline/conversations`, { method: 'POST', headers: auth });
    const before = du(app.dataDir);
    const padding = 'x'.repeat(240 * 1024);
    const statuses: number[] = [];
    for (let i = 0; i < 100; i += 1) {
      const response = await fetch(`${app.url}/v3/directline/conversations/${token.conversationId}/activities`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          type: 'message',
          text: `hi ${i}`,
          from: { id: 'x' },
          extra: padding,
          channelData: i % 2 ? { big: padding } : undefined,
        }),
      });
      statuses.push(response.status);
    }
    expect(statuses.every((status) => [200, 400, 413, 429].includes(status))).toBe(true);
    expect(statuses).toContain(429);
    expect(du(app.dataDir) - before).toBeLessThan(1024 * 1024);
    // A value or channelData over 4 KiB is refused in words, not stored.
    const other = (await (await fetch(`${app.url}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const heavy = await fetch(`${app.url}/v3/directline/conversations/${other.conversationId}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${other.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hi', channelData: { big: 'y'.repeat(10 * 1024) } }),
    });
    expect(heavy.status).toBe(400);
  }, 120000);
});

describe('the Direct Line transcript', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
    if (app) removeDir(app.dataDir);
  });

  it('is forgotten once Web Chat has received it: deletion codes and answers do not stay on the server', async () => {
    const token = (await (await fetch(`${app.url}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const auth = { Authorization: `Bearer ${token.token}`, 'content-type': 'application/json' };
    await fetch(`${app.url}/v3/directline/conversations`, { method: 'POST', headers: auth });
    await fetch(`${app.url}/v3/directline/conversations/${token.conversationId}/activities`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'message', text: 'my secret is marmalade' }),
    });
    const first = (await (
      await fetch(`${app.url}/v3/directline/conversations/${token.conversationId}/activities`, { headers: auth })
    ).json()) as { activities: Array<{ text?: string }>; watermark: string };
    expect(JSON.stringify(first.activities)).toMatch(/marmalade/);
    expect(
      await app.store.collection('dl_activities').countDocuments({ conversationId: token.conversationId }),
    ).toBeGreaterThan(0);
    const next = (await (
      await fetch(
        `${app.url}/v3/directline/conversations/${token.conversationId}/activities?watermark=${first.watermark}`,
        { headers: auth },
      )
    ).json()) as { activities: unknown[] };
    expect(next.activities).toEqual([]);
    expect(await app.store.collection('dl_activities').countDocuments({ conversationId: token.conversationId })).toBe(
      0,
    );
  });
});

describe('an open-link survey filled in again and again from one device', () => {
  let app: TestApp;
  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-burst-'));
    await admin(dataDir, 'surveys', 'open', 'wellbeing-check-in');
    app = await startTestApp({}, dataDir);
  });
  afterAll(async () => {
    await app?.stop();
    if (app) removeDir(app.dataDir);
  });

  /** One "person" (a new browser id) finishing the survey through Direct Line, with a comment. */
  async function fillIn(comment: string): Promise<string> {
    const token = (await (await fetch(`${app.url}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const auth = { Authorization: `Bearer ${token.token}`, 'content-type': 'application/json' };
    const post = (body: object) =>
      fetch(`${app.url}/v3/directline/conversations/${token.conversationId}/activities`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(body),
      });
    await fetch(`${app.url}/v3/directline/conversations`, { method: 'POST', headers: auth });
    await post({ type: 'event', name: 'startSurvey', value: { surveyId: 'wellbeing-check-in' } });
    for (const text of ['yes', '7', 'Skip', 'yes', 'Skip', comment]) await post({ type: 'message', text });
    const all = (await (
      await fetch(`${app.url}/v3/directline/conversations/${token.conversationId}/activities`, { headers: auth })
    ).json()) as { activities: Array<{ text?: string }> };
    return all.activities.map((a) => a.text ?? '').join('\n');
  }

  it('does not show one real comment because four fillers arrived in a burst, and tells staff', async () => {
    expect(await fillIn('the real worry is the bus fares')).toMatch(/Thank you for having your say/);
    for (let i = 0; i < 4; i++) await fillIn(`filler ${i}`);
    const stored = await app.store.collection('responses').countDocuments({});
    expect(stored).toBe(5);
    const services = await openSurveyServices(app.store, { key: 'unused', retentionDays: 365 });
    const survey = (await services.catalogue.get('wellbeing-check-in'))!.definition;
    const results = await buildResults({
      survey,
      tallies: services.tallies,
      responses: services.responses,
      threshold: 5,
    });
    expect(results.questions.find((q) => q.id === 'anything_else')!.comments).toEqual([]);
    expect(results.includesBurstResponses).toBe(true);
  }, 60000);
});
