import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeDir, startTestApp, type TestApp } from '../helpers/app';

const TENANT = '11111111-2222-3333-4444-555555555555';
const STAFF_OBJECT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const OTHER_OBJECT = 'ffffffff-bbbb-cccc-dddd-eeeeeeeeeeee';

describe('staff in Microsoft Teams', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-teams-'));
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(
      { TEAMS_STAFF: `${TENANT}/${STAFF_OBJECT}=cicc`, PUBLIC_URL: 'https://bot.example.org' },
      dataDir,
    );
  });
  afterAll(async () => {
    await app.stop();
    removeDir(dataDir);
  });

  async function teamsReplies(text: string, objectId: string, name = 'Alex Staff', channelId = 'msteams') {
    const activity = {
      type: 'message',
      text,
      id: `t${Math.random()}`,
      channelId,
      serviceUrl: 'http://127.0.0.1:9/',
      deliveryMode: 'expectReplies',
      locale: 'en-GB',
      from: { id: `29:${objectId}`, name, aadObjectId: objectId },
      recipient: { id: 'bot' },
      conversation: { id: `a:${objectId}`, tenantId: TENANT, conversationType: 'personal' },
      channelData: { tenant: { id: TENANT } },
    };
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    return (
      (await response.json()) as {
        activities: Array<{
          text?: string;
          suggestedActions?: { actions: unknown[] };
          attachments?: Array<{ contentType: string; content: { buttons?: Array<{ title: string }> } }>;
        }>;
      }
    ).activities;
  }

  async function teams(text: string, objectId: string, name = 'Alex Staff', channelId = 'msteams') {
    return (await teamsReplies(text, objectId, name, channelId)).map((reply) => reply.text ?? '').join('\n');
  }

  it('gives a recognised staff member survey counts (small ones hidden) with a link to the results page', async () => {
    const reply = await teams('how many responses', STAFF_OBJECT);
    expect(reply).toMatch(
      new RegExp(
        [
          String.raw`Wellbeing check-in\*\* \(draft\): fewer than 5 answered\. \[See the results\]\(https:\/\/bot\.`,
          String.raw`example\.org\/cicc\/surveys\/wellbeing-check-in\)`,
        ].join(''),
      ),
    );
  });

  it('does not treat someone else in the same tenant, or a display name, as staff', async () => {
    expect(await teams('how many responses', OTHER_OBJECT, 'Alex Staff')).not.toMatch(/Survey responses/);
  });

  it('does not trust a web chat user claiming to be on Teams', async () => {
    expect(await teams('how many responses', STAFF_OBJECT, 'Alex Staff', 'webchat')).not.toMatch(/Survey responses/);
  });

  it('sends long button lists as cards on Teams, which shows only three suggested actions', async () => {
    const replies = await teamsReplies('menu', OTHER_OBJECT, 'Sam');
    expect(replies.every((reply) => (reply.suggestedActions?.actions.length ?? 0) <= 3)).toBe(true);
    const buttons = replies.flatMap((reply) =>
      (reply.attachments ?? [])
        .filter((card) => card.contentType === 'application/vnd.microsoft.card.hero')
        .flatMap((card) => card.content.buttons ?? [])
        .map((button) => button.title),
    );
    expect(buttons).toEqual(expect.arrayContaining(['Housing', 'Money', 'Not sure what I need', 'More topics']));
  });

  it('gives staff the same care-leaver dialogs as everyone else for anything else', async () => {
    expect(await teams('i need somewhere to live', STAFF_OBJECT)).toMatch(/somewhere to live[\s\S]*Staying Put/);
  });
});
