import { removeDir, startTestApp, type TestApp } from '../helpers/app';

describe('with an Azure Bot app id', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
      MICROSOFT_APP_PASSWORD: 'not-a-real-password',
      MICROSOFT_APP_TYPE: 'MultiTenant',
      PSEUDONYM_SECRET: 'p'.repeat(40),
    });
  });
  afterAll(async () => {
    await app.stop();
    removeDir(app.dataDir);
  });

  it('refuses a request without a Bot Framework token with 401', async () => {
    const body = JSON.stringify({
      type: 'message',
      text: 'hi',
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      from: { id: 'u' },
      recipient: { id: 'b' },
      conversation: { id: 'c' },
    });
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: expect.objectContaining({ code: 'Unauthorized', message: expect.stringMatching(/token/) }),
    });
    // A token that is not a valid JWT is refused the same way.
    const forged = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body,
    });
    expect(forged.status).toBe(401);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});
