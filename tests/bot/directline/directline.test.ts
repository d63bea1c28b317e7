import restify from 'restify';
import { createLogger } from '../../../bot/logger';
import { registerWebChatPage } from '../../../bot/web/index';
import { removeDir, startTestApp, type TestApp } from '../../helpers/app';

interface Conversation {
  conversationId: string;
  token: string;
}

describe('our Direct Line 3.0 endpoint', () => {
  let app: TestApp;
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const get = (path: string, token?: string) =>
    fetch(`${app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  async function start(): Promise<Conversation> {
    const generated = (await (
      await post('/v3/directline/tokens/generate', { user: { id: 'u_testuser123' } })
    ).json()) as Conversation & { expires_in: number };
    expect(generated.expires_in).toBeGreaterThan(0);
    const started = await post('/v3/directline/conversations', {}, generated.token);
    expect(started.status).toBe(201);
    return (await started.json()) as Conversation;
  }

  async function activities(conversation: Conversation, watermark = '') {
    const response = await get(
      `/v3/directline/conversations/${conversation.conversationId}/activities?watermark=${watermark}`,
      conversation.token,
    );
    return (await response.json()) as {
      activities: Array<{ id: string; type: string; text?: string; from: { id: string; role?: string } }>;
      watermark: string;
    };
  }

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
    removeDir(app.dataDir);
  });

  it('sends the welcome once when a conversation starts, even if Web Chat reconnects', async () => {
    const conversation = await start();
    await get(`/v3/directline/conversations/${conversation.conversationId}?watermark=`, conversation.token);
    const page = await activities(conversation);
    const welcomes = page.activities.filter((a) => a.text?.startsWith("Hi! I'm a chatbot"));
    expect(welcomes).toHaveLength(1);
    expect(page.activities.every((a) => a.from.role === 'bot')).toBe(true);
  });

  it('echoes what the person sent (scrubbed) and then the replies, in order, with rising watermarks', async () => {
    const conversation = await start();
    const first = await activities(conversation);
    const sent = await post(
      `/v3/directline/conversations/${conversation.conversationId}/activities`,
      { type: 'message', text: 'i need housing, my number is 07700 900123', locale: 'en-GB' },
      conversation.token,
    );
    expect(sent.status).toBe(200);
    const { id } = (await sent.json()) as { id: string };
    const next = await activities(conversation, first.watermark);
    expect(Number(next.watermark)).toBeGreaterThan(Number(first.watermark));
    expect(next.activities[0]).toMatchObject({ id, from: { id: 'u_testuser123', role: 'user' } });
    expect(next.activities[0].text).toBe('i need housing, my number is [phone]');
    expect(next.activities.slice(1).some((a) => a.from.role === 'bot')).toBe(true);
    expect((await activities(conversation, next.watermark)).activities).toEqual([]);
  });

  it('refreshes a token for the same conversation', async () => {
    const conversation = await start();
    const refreshed = (await (
      await post('/v3/directline/tokens/refresh', {}, conversation.token)
    ).json()) as Conversation;
    expect(refreshed.conversationId).toBe(conversation.conversationId);
    expect((await activities({ ...conversation, token: refreshed.token })).activities.length).toBeGreaterThan(0);
  });

  it("refuses a missing or forged token (401) and another conversation's token (403)", async () => {
    const one = await start();
    const other = await start();
    expect((await get(`/v3/directline/conversations/${one.conversationId}/activities`)).status).toBe(401);
    expect((await get(`/v3/directline/conversations/${one.conversationId}/activities`, `${one.token}x`)).status).toBe(
      401,
    );
    expect((await get(`/v3/directline/conversations/${one.conversationId}/activities`, other.token)).status).toBe(403);
    expect(
      (
        await post(
          `/v3/directline/conversations/${one.conversationId}/activities`,
          { type: 'message', text: 'hi' },
          other.token,
        )
      ).status,
    ).toBe(403);
  });

  it.each([
    ['no type', { text: 'hi' }],
    ['an unknown type', { type: 'hack', text: 'hi' }],
    ['text that is too long', { type: 'message', text: 'x'.repeat(5000) }],
    ['an attachment', { type: 'message', attachments: [{ contentType: 'image/png' }] }],
  ])('refuses an activity with %s (400)', async (_label, body) => {
    const conversation = await start();
    expect(
      (await post(`/v3/directline/conversations/${conversation.conversationId}/activities`, body, conversation.token))
        .status,
    ).toBe(400);
  });

  it('refuses a made-up user id format when generating a token (400)', async () => {
    expect((await post('/v3/directline/tokens/generate', { user: { id: 'admin' } })).status).toBe(400);
  });

  it('keeps conversations in the store, so a restarted server carries on', async () => {
    const conversation = await start();
    const before = await activities(conversation);
    await app.stop();
    app = await startTestApp({}, app.dataDir);
    const after = await activities(conversation);
    expect(after.activities.length).toBe(before.activities.length);
    const sent = await post(
      `/v3/directline/conversations/${conversation.conversationId}/activities`,
      { type: 'message', text: 'money' },
      conversation.token,
    );
    expect(sent.status).toBe(200);
  });
});

describe('with an Azure Direct Line secret', () => {
  it('hands the page a token from Azure (never the secret), and says so in /api/chat-config', async () => {
    const calls: Array<{ url: string; authorization: string }> = [];
    const fakeAzure = (async (url: string, init: RequestInit) => {
      calls.push({ url, authorization: String((init.headers as Record<string, string>).Authorization) });
      return new Response(JSON.stringify({ conversationId: 'azure-conv', token: 'azure-token', expires_in: 1800 }), {
        status: 200,
      });
    }) as unknown as typeof fetch;
    const server = restify.createServer();
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    registerWebChatPage(server, {
      directLineSecret: 'the-secret',
      logger: createLogger('silent'),
      fetchFn: fakeAzure,
      azureBase: 'https://azure.invalid/v3/directline',
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      expect(await (await fetch(`${url}/api/chat-config`)).json()).toEqual({ directLine: 'azure' });
      const response = await fetch(`${url}/api/directline/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: { id: 'u_someone12345' } }),
      });
      const body = await response.json();
      expect(body).toEqual({ conversationId: 'azure-conv', token: 'azure-token', expires_in: 1800 });
      expect(JSON.stringify(body)).not.toContain('the-secret');
      expect(calls).toEqual([
        { url: 'https://azure.invalid/v3/directline/tokens/generate', authorization: 'Bearer the-secret' },
      ]);
      const page = await fetch(`${url}/`);
      expect(page.headers.get('content-security-policy')).toContain('https://directline.botframework.com');
    } finally {
      server.close();
    }
  });
});
