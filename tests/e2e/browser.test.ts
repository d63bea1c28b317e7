import type { Browser, Page } from 'playwright-core';
import { removeDir, startTestApp, type TestApp } from '../helpers/app';
import { axeViolations, describeInBrowser, launchChromium } from '../helpers/browser';

describeInBrowser('chat page')('the chat page in headless Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
    // bypassCSP lets the test inject axe-core; the page itself allows no inline script.
    page = await (await browser.newContext({ bypassCSP: true })).newPage();
    page.on('request', (request) => {
      if (
        !request.url().startsWith(app.url) &&
        !request.url().startsWith('data:') &&
        !request.url().startsWith('blob:')
      )
        foreignRequests.push(request.url());
    });
    await page.goto(`${app.url}/`);
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (app) removeDir(app.dataDir);
  });

  it('shows the welcome, then answers what a person types', async () => {
    await page.getByText('not a counsellor', { exact: false }).first().waitFor({ timeout: 20000 });
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('been smoking a lot of weed');
    await input.press('Enter');
    await page.getByText('Open Road', { exact: false }).first().waitFor({ timeout: 15000 });
  }, 60000);

  it('puts "Leave this site quickly" first in the tab order', async () => {
    const fresh = await browser.newPage();
    await fresh.goto(`${app.url}/`);
    await fresh.keyboard.press('Tab');
    const focused = await fresh.evaluate(() => document.activeElement?.id);
    await fresh.close();
    expect(focused).toBe('quick-exit');
  });

  it('has no WCAG 2.2 A/AA violations that axe-core can find on the page', async () => {
    expect(await axeViolations(page)).toEqual([]);
  }, 30000);

  it('switches to Arabic and lays the page out right to left', async () => {
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect(await page.locator('h1').textContent()).toContain('محادثة');
  });

  it('never requests anything from another origin', () => {
    expect(foreignRequests).toEqual([]);
  });
});
