import { removeDir, say, startTestApp, visibleText, type TestApp } from '../helpers/app';

describe('the HTTP surface of the bot', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
    removeDir(app.dataDir);
  });

  it('answers GET /healthz with 200 {"status":"ok"} once the store is reachable', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('returns the welcome in the HTTP response for an expectReplies message', async () => {
    const { status, activities } = await say(app.url, 'hi', { conversationId: 'welcome-1' });
    expect(status).toBe(200);
    const text = visibleText(activities);
    expect(text).toMatch(/not a counsellor/i);
    expect(text).toMatch(/999/);
  });

  it('rejects malformed JSON with 400 and keeps serving', async () => {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message",',
    });
    expect(response.status).toBe(400);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it.each([
    ['an array', '[1,2,3]'],
    ['a string', '"hello"'],
    ['an activity without a conversation', '{"type":"message","from":{"id":"u"}}'],
    ['an activity with a non-string type', '{"type":5,"from":{"id":"u"},"conversation":{"id":"c"}}'],
    ['null', 'null'],
  ])('rejects %s with 400', async (_label, body) => {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
  });

  it('rejects a body over 256 KiB with 413', async () => {
    const body = JSON.stringify({
      type: 'message',
      text: 'x'.repeat(300 * 1024),
      from: { id: 'u' },
      conversation: { id: 'c' },
      deliveryMode: 'expectReplies',
    });
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(413);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it('refuses, in local mode, to reply to a serviceUrl that is not loopback', async () => {
    const body = JSON.stringify({
      type: 'message',
      text: 'hi',
      channelId: 'webchat',
      serviceUrl: 'https://example.org/',
      from: { id: 'u' },
      recipient: { id: 'b' },
      conversation: { id: 'c' },
    });
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(403);
  });

  it('ignores unknown activity types politely', async () => {
    const { status, activities } = await say(app.url, '', { type: 'somethingNew', conversationId: 'odd-1' });
    expect(status).toBe(200);
    expect(activities).toEqual([]);
  });

  it('never writes message text to the logs', async () => {
    await say(app.url, 'my secret words about housing 07700 900123', { conversationId: 'log-1' });
    const all = app.logs.join('');
    expect(all).not.toContain('secret words');
    expect(all).not.toContain('07700');
    expect(all).toMatch(/"requestId"/);
  });
});
