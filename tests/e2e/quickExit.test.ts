import { admin } from '../helpers/admin';
import { appInBrowser, describeInBrowser } from '../helpers/browser';

describeInBrowser('quick exit on a shared device')('a shared phone or computer', () => {
  const ctx = appInBrowser('exit', (dir) => admin(dir, 'surveys', 'open', 'wellbeing-check-in'));

  it.each([
    ['the quick exit button', '#quick-exit'],
    ['"Forget me on this device"', '#forget-me'],
  ])(
    'starts a new person after %s: the next visitor does not get "Welcome back" at question 2',
    async (_name, control) => {
      const context = await ctx.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 640 } });
      const page = await context.newPage();
      await page.goto(`${ctx.app.url}/?survey=wellbeing-check-in`);
      await page.getByText('Are you happy to start?', { exact: false }).first().waitFor({ timeout: 20000 });
      const input = page.locator('[data-id="webchat-sendbox-input"]');
      await input.fill('yes');
      await input.press('Enter');
      await page.getByText('Question 1 of 5', { exact: false }).first().waitFor({ timeout: 15000 });
      await input.fill('7');
      await input.press('Enter');
      await page.getByText('Question 2 of 5', { exact: false }).first().waitFor({ timeout: 15000 });
      await page.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ status: 200, body: 'elsewhere' }));
      await page.locator(control).click();
      await page.waitForLoadState();
      await page.goto(`${ctx.app.url}/?survey=wellbeing-check-in`);
      await page.getByText('Are you happy to start?', { exact: false }).first().waitFor({ timeout: 20000 });
      expect(await page.getByText('Welcome back', { exact: false }).count()).toBe(0);
      await context.close();
    },
    90000,
  );
});
