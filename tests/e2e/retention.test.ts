import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { admin } from '../helpers/admin';
import { removeDir, say } from '../helpers/app';
import { exited, LIBFAKETIME, startServer } from '../helpers/serverProcess';

const hasFaketime = existsSync(LIBFAKETIME);
if (!hasFaketime) {
  // .ci/run installs it; elsewhere, say why the test cannot run rather than pass quietly.
  if (process.env.CI)
    throw new Error('faketime is missing: .ci/run should have installed it (apt-get install -y faketime)');
  process.stderr.write(
    "tests/e2e/retention.test.ts SKIPPED: install Debian's faketime (apt-get install -y faketime) to move the clock\n",
  );
}
const describeWithClock = hasFaketime ? describe : describe.skip;

/** Every byte of the data files, to check what is still kept. */
const dataText = (dataDir: string) =>
  readdirSync(path.join(dataDir, 'db'))
    .map((name) => readFileSync(path.join(dataDir, 'db', name), 'utf8'))
    .join('\n');

describeWithClock('retention on the embedded store', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-retention-'));
  afterAll(() => removeDir(dataDir));

  it('holds no expired response or transcript once the server starts with the clock past RETENTION_DAYS', async () => {
    expect((await admin(dataDir, 'surveys', 'open', 'wellbeing-check-in')).code).toBe(0);
    const env = { DATA_DIR: dataDir, RETENTION_DAYS: '30', RATE_LIMIT_PER_MINUTE: '0' };
    let server = startServer(env);
    let url = await server.ready;
    const ids = { conversationId: 'keep-1', userId: 'u_keeper0001' };
    await say(url, '', { ...ids, type: 'event', name: 'startSurvey', value: { surveyId: 'wellbeing-check-in' } });
    for (const answer of ['yes', '7', 'Skip', 'yes', 'Skip', 'the bus to college is zebracorn expensive'])
      await say(url, answer, ids);
    const token = (await (await fetch(`${url}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const auth = { Authorization: `Bearer ${token.token}`, 'content-type': 'application/json' };
    await fetch(`${url}/v3/directline/conversations`, { method: 'POST', headers: auth });
    await fetch(`${url}/v3/directline/conversations/${token.conversationId}/activities`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'message', text: 'quokkaflute is my secret word' }),
    });
    server.child.kill('SIGTERM');
    await exited(server.child);
    expect(dataText(dataDir)).toMatch(/zebracorn/);
    expect(dataText(dataDir)).toMatch(/quokkaflute/);
    expect(JSON.parse((await admin(dataDir, 'surveys', 'list', '--format', 'json')).out.at(-1)!)).toContainEqual(
      expect.objectContaining({ id: 'wellbeing-check-in', responses: 1 }),
    );
    const before = await admin(dataDir, 'retention');
    expect(before.out.find((line) => line.startsWith('responses'))).toMatch(
      /^responses\s+1 .*next deletion \d{4}-\d{2}-\d{2}/,
    );

    // 40 days later (past 30 days of retention and the transcript's day), a restarted server sweeps at start.
    server = startServer(env, { faketime: '+40d' });
    url = await server.ready;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
    const kept = dataText(dataDir)
      .split('\n')
      .filter((line) => /zebracorn|quokkaflute/.test(line));
    expect(kept).toEqual([]);
    expect(dataText(dataDir)).not.toMatch(/zebracorn/);
    expect(dataText(dataDir)).not.toMatch(/quokkaflute/);
    const listed = await admin(dataDir, 'surveys', 'list', '--format', 'json');
    expect(listed.err).toEqual([]);
    expect(JSON.parse(listed.out.at(-1)!)).toContainEqual(
      expect.objectContaining({ id: 'wellbeing-check-in', responses: 0 }),
    );
    const report = JSON.parse((await admin(dataDir, 'retention', '--format', 'json')).out.at(-1)!) as Array<{
      collection: string;
      documents: number;
      keptFor: string;
    }>;
    expect(report.find((row) => row.collection === 'responses')).toEqual(
      expect.objectContaining({ documents: 0, keptFor: expect.stringMatching(/days after the survey was finished/) }),
    );
    expect(report.find((row) => row.collection === 'dl_activities')?.documents).toBe(0);
  }, 120000);
});
