import type { Browser, Page } from 'playwright-core';
import { removeDir, startTestApp, type TestApp } from '../helpers/app';
import { axeViolations, describeInBrowser, launchChromium } from '../helpers/browser';

/** Where the last message in the transcript and the send box are, against the viewport. */
async function layout(page: Page) {
  return page.evaluate(() => {
    const activities = document.querySelectorAll('.webchat__basic-transcript__activity');
    const last = activities[activities.length - 1]?.getBoundingClientRect();
    const sendBox = document.querySelector('[data-id="webchat-sendbox-input"]')!.getBoundingClientRect();
    return {
      last: last && { top: last.top, bottom: last.bottom },
      sendBox: { top: sendBox.top, bottom: sendBox.bottom },
      height: window.innerHeight,
    };
  });
}

function expectInView(found: Awaited<ReturnType<typeof layout>>) {
  expect(found.last).toBeDefined();
  expect(found.last!.top).toBeGreaterThanOrEqual(0);
  expect(found.last!.bottom).toBeLessThanOrEqual(found.height);
  expect(found.sendBox.top).toBeGreaterThanOrEqual(0);
  expect(found.sendBox.bottom).toBeLessThanOrEqual(found.height);
}

describeInBrowser('phone chat page')('the chat on a phone', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (app) removeDir(app.dataDir);
  });

  it.each([
    [360, 640],
    [390, 844],
  ])(
    'at %ix%i keeps the latest bot message and the send box in view after the welcome and after the fallback',
    async (width, height) => {
      const page = await (await browser.newContext({ bypassCSP: true, viewport: { width, height } })).newPage();
      await page.goto(`${app.url}/`);
      await page.getByText('More topics').first().waitFor({ timeout: 20000 });
      await page.waitForTimeout(500); // let Web Chat finish scrolling to the newest message
      expectInView(await layout(page));
      const input = page.locator('[data-id="webchat-sendbox-input"]');
      await input.fill('asdfgh');
      await input.press('Enter');
      await page.getByText('Is it one of these', { exact: false }).first().waitFor({ timeout: 15000 });
      await page.waitForTimeout(500);
      expectInView(await layout(page));
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
    60000,
  );

  it('shows a whole service card across a 360 px phone, not running off either edge', async () => {
    const page = await (await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 640 } })).newPage();
    await page.goto(`${app.url}/`);
    await page.getByText('More topics').first().waitFor({ timeout: 20000 });
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('i need a dentist');
    await input.press('Enter');
    await page.getByText('NHS dentist').first().waitFor({ timeout: 15000 });
    await page.waitForTimeout(500);
    const first = await page.evaluate(() => {
      const box = document.querySelector('.ac-adaptiveCard')!.getBoundingClientRect();
      return { left: box.left, right: box.right };
    });
    expect(first.left).toBeGreaterThanOrEqual(0);
    expect(first.right).toBeLessThanOrEqual(360);
    await page.close();
  }, 60000);
});
