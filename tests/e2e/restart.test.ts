import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeDir, say, startTestApp, visibleText } from '../helpers/app';

describe('a conversation after the server restarts', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-restart-'));
  afterAll(() => removeDir(dataDir));

  it('remembers what it showed, so "is it open now?" still knows what "it" is', async () => {
    const first = await startTestApp({}, dataDir);
    await say(first.url, 'hi', { conversationId: 'restart-1', userId: 'restart-user' });
    const before = await say(first.url, 'been smoking a lot of weed', {
      conversationId: 'restart-1',
      userId: 'restart-user',
    });
    expect(visibleText(before.activities)).toMatch(/Open Road/);
    await first.stop();

    const second = await startTestApp({}, dataDir);
    try {
      const after = await say(second.url, 'is it open now?', { conversationId: 'restart-1', userId: 'restart-user' });
      const text = visibleText(after.activities);
      expect(text).toMatch(/Open Road/);
      expect(text).not.toMatch(/Tell me what you need help with first/);
      const again = await say(second.url, 'hello', { conversationId: 'restart-1', userId: 'restart-user' });
      expect(visibleText(again.activities)).not.toMatch(/I'm a chatbot for young people leaving care/);
    } finally {
      await second.stop();
    }
  });

  it('refuses a second server on the same data directory with a clear message', async () => {
    const first = await startTestApp({}, dataDir);
    try {
      await expect(startTestApp({}, dataDir)).rejects.toThrow(/in use by another process/);
    } finally {
      await first.stop();
    }
  });
});
