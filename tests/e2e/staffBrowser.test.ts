import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { adminOk } from '../helpers/admin';
import { removeDir, say, startTestApp, visibleText, type TestApp } from '../helpers/app';
import { axeViolations, describeInBrowser, launchChromium } from '../helpers/browser';
const SHOTS = process.env.SCREENSHOT_DIR;

describeInBrowser('staff pages')('staff and CiCC pages in headless Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let workerToken: string;
  let ciccToken: string;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'clb-staff-'));

  beforeAll(async () => {
    await adminOk(dataDir, 'surveys', 'open', 'wellbeing-check-in');
    await adminOk(dataDir, 'demo-data', '--responses', '37', '--survey', 'care-leavers-you-said-we-did');
    workerToken = (
      await adminOk(dataDir, 'staff', 'add', '--name', 'Priya (participation)', '--role', 'participation')
    ).at(-1)!;
    ciccToken = (await adminOk(dataDir, 'staff', 'add', '--name', 'Jordan', '--role', 'cicc')).at(-1)!;
    app = await startTestApp({}, dataDir);
    browser = await launchChromium();
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    removeDir(dataDir);
  });

  async function signIn(token: string): Promise<Page> {
    const page = await (await browser.newContext({ bypassCSP: true, acceptDownloads: true })).newPage();
    await page.goto(`${app.url}/cicc`);
    expect(page.url()).toContain('/sign-in?next=%2Fcicc');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Sign-in token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/cicc$/);
    return page;
  }

  it('signs a CiCC member in with a token, shows results with charts and tables, and hides small numbers', async () => {
    const page = await signIn(ciccToken);
    await page.getByRole('link', { name: /See results for Leaving care/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Leaving care: you said, we did' }).waitFor();
    expect(await page.locator('svg.app-chart[role="img"]').count()).toBeGreaterThan(5);
    expect(await page.locator('table.govuk-table').count()).toBeGreaterThan(5);
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/37 young people answered/);
    expect(text).toMatch(/fewer than 5/);
    // No count from 1 to 4 in any table cell or chart label.
    const cells = await page.locator('td.govuk-table__cell--numeric').allInnerTexts();
    for (const cell of cells) expect(/^[1-4]$/.test(cell.trim())).toBe(false);
    const chartTexts = await page.locator('svg.app-chart text').allTextContents();
    for (const label of chartTexts) expect(/^[1-4]$/.test(label.trim())).toBe(false);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'cicc-results.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  }, 60000);

  it('filters by theme and age, and the CSV download holds exactly what is on screen', async () => {
    const page = await signIn(ciccToken);
    await page.goto(`${app.url}/cicc/surveys/care-leavers-you-said-we-did`);
    await page.getByLabel('Theme').selectOption('money');
    await page.getByRole('button', { name: 'Show results' }).click();
    await page.waitForURL(/theme=money/);
    const headings = await page.locator('h3').allInnerTexts();
    expect(headings).toEqual([
      'What do you worry about most with money? Pick all that fit.',
      'Do you know what money and help you are entitled to as a care leaver?',
    ]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download these results (CSV)' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const questionIds = new Set(
      csv
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[2])
        .filter(Boolean),
    );
    expect([...questionIds]).toEqual(['money_worries', 'entitlements_known']);
    for (const line of csv.trim().split('\n').slice(1)) expect(/^[1-4]$/.test(line.split(',').at(-1)!)).toBe(false);
  }, 60000);

  it('lets a worker publish a "we did" action that the public page and the bot then show', async () => {
    const page = await signIn(workerToken);
    await page.goto(`${app.url}/staff/actions`);
    await page.getByLabel('Survey').selectOption('care-leavers-you-said-we-did');
    await page.getByLabel('Theme').selectOption('money');
    await page.getByLabel('You said').fill('You said you did not know what money you can get.');
    await page.getByLabel('We did').fill('We wrote a one-page money guide and every PA now goes through it with you.');
    await page.getByLabel('Happening now').check();
    await page.getByRole('button', { name: 'Save action' }).click();
    await page.waitForURL(/\/staff\/actions$/);
    expect(await page.locator('main').innerText()).toMatch(/one-page money guide/);
    expect(await axeViolations(page)).toEqual([]);

    const visitor = await browser.newPage();
    await visitor.goto(`${app.url}/you-said-we-did`);
    expect(await visitor.locator('main').innerText()).toMatch(
      /You said\s+You said you did not know what money you can get\.[\s\S]*We did\s+We wrote a one-page money guide/,
    );
    if (SHOTS) await visitor.screenshot({ path: path.join(SHOTS, 'you-said-we-did.png'), fullPage: true });
    await visitor.addScriptTag({ content: '' }).catch(() => undefined);
    const publicPage = await (await browser.newContext({ bypassCSP: true })).newPage();
    await publicPage.goto(`${app.url}/you-said-we-did`);
    expect(await axeViolations(publicPage)).toEqual([]);
    // The same page in Arabic, from its language link: right to left, and as accessible.
    await publicPage.getByRole('link', { name: 'اقرأ هذه الصفحة بالعربية' }).click();
    await publicPage.waitForURL(/\/you-said-we-did\?lang=ar$/);
    expect(await publicPage.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await publicPage.locator('main').innerText()).toMatch(/قلتم، فعلنا[\s\S]*We wrote a one-page money guide/);
    expect(await axeViolations(publicPage)).toEqual([]);

    await page.goto(`${app.url}/cicc/surveys/care-leavers-you-said-we-did?theme=money`);
    expect(await page.locator('main').innerText()).toMatch(
      new RegExp(
        'You said, we did\\s+You said: You said you did not know what money you can get\\. ' +
          'We did: We wrote a one-page money guide',
      ),
    );

    const reply = await say(app.url, 'what changed?', { conversationId: 'wc-1', userId: 'wc-user' });
    expect(visibleText(reply.activities)).toMatch(/one-page money guide/);
  }, 60000);

  it('tells someone with a wrong token what went wrong, accessibly', async () => {
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel('Sign-in token').fill('stf_this-is-not-a-real-token-000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('There is a problem').waitFor();
    expect(await page.locator('.govuk-error-message').innerText()).toMatch(/not right/);
    expect(await axeViolations(page)).toEqual([]);
  }, 30000);

  it('lets a worker open a survey, see its link and QR code, and record a phone survey', async () => {
    const page = await signIn(workerToken);
    await page.goto(`${app.url}/staff`);
    await page.getByRole('button', { name: 'Open Leaving care: you said, we did' }).click();
    await page.waitForURL(/\/staff$/);
    expect(await page.locator('main').innerText()).toMatch(/Leaving care: you said, we did\s+open/);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'staff.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${app.url}/staff/surveys/wellbeing-check-in/share`);
    expect(await page.getByLabel('Link to the survey').inputValue()).toMatch(/\/\?survey=wellbeing-check-in$/);
    expect(await page.locator('.app-qr svg').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${app.url}/staff/surveys/wellbeing-check-in/assisted`);
    expect(await axeViolations(page)).toEqual([]);
    await page
      .getByRole('group', { name: /how happy are you with your life/ })
      .getByLabel('6', { exact: true })
      .check();
    await page
      .getByRole('group', { name: /someone you can talk to/ })
      .getByLabel('Yes', { exact: true })
      .check();
    await page.getByLabel('Anything else you want us to know?').fill('Ring me on 07700 900456 please');
    await page.getByRole('button', { name: 'Save answers' }).click();
    await page.getByText('Answers saved').waitFor();
    expect(await page.locator('.app-code').innerText()).toMatch(/^[a-z]+-[a-z]+-[a-z]+-[a-z]+-\d{3}$/);
    const stored = await app.store.collection('responses').find({ mode: 'assisted' });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored[0])).not.toMatch(/07700|Priya/);
    expect(stored[0].answers).toContainEqual({ q: 'anything_else', v: 'Ring me on [phone] please' });
  }, 60000);
});
