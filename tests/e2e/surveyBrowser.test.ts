import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { adminOk } from '../helpers/admin';
import { appInBrowser, describeInBrowser } from '../helpers/browser';

describeInBrowser('survey in the browser')('a care leaver answering a survey in the browser', () => {
  const ctx = appInBrowser('survey-browser', (dir) => adminOk(dir, 'surveys', 'open', 'wellbeing-check-in'));

  it('opens the survey from its link, asks one question at a time, stores answers anonymised', async () => {
    const page = await ctx.browser.newPage();
    const tap = (name: string) =>
      page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name, exact: true }).click();
    const see = (text: string) => page.getByText(text).first().waitFor({ timeout: 10000 });
    await page.goto(`${ctx.app.url}/?survey=wellbeing-check-in`);
    await page.getByText('Are you happy to start?', { exact: false }).first().waitFor({ timeout: 20000 });
    await tap('Yes, start');
    await see('Question 1 of 5');
    await tap('8');
    await see('Question 2 of 5');
    await tap('Prefer not to say');
    await see('Question 3 of 5');
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('yeah');
    await input.press('Enter');
    await see('Question 4 of 5');
    await input.fill('1 and 3');
    await input.press('Enter');
    await see('Question 5 of 5');
    await input.fill('Please call me on 07700 900789, I am Tyler Jones');
    await input.press('Enter');
    await see('Thank you for having your say');
    await page.close();
  }, 90000);

  it('shows results on the command line once the server has stopped; nothing typed is on disk', async () => {
    await ctx.stopApp();
    const out = await adminOk(ctx.dataDir, 'results', 'wellbeing-check-in', '--format', 'json');
    const results = JSON.parse(out.at(-1)!);
    expect(results.responses).toBeNull();
    expect(results.suppressed).toBe(true);
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
      );
    const everything = files(ctx.dataDir)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    for (const secret of ['07700 900789', '07700900789', 'Tyler', 'Jones']) expect(everything).not.toContain(secret);
  }, 60000);
});
