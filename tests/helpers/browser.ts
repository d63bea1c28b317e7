/** Debian's headless Chromium for browser tests (skipped, saying why, when it is missing), and an axe-core check. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { removeDir, startTestApp, type TestApp } from './app';

export const CHROMIUM = '/usr/bin/chromium';

/** `describe` when Chromium is installed; otherwise `describe.skip` with a printed reason. */
export function describeInBrowser(name: string): jest.Describe {
  if (existsSync(CHROMIUM)) return describe;
  if (process.env.CI)
    throw new Error(`${name}: ${CHROMIUM} is missing; .ci/run installs it (apt-get install -y chromium)`);
  console.warn(
    `${name}: browser tests SKIPPED because ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it).`,
  );
  return describe.skip;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** WCAG 2.2 A/AA violations axe-core finds on the page (the page's context needs bypassCSP to inject axe). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((node) => node.target))}`);
  });
}

/**
 * The real app on its own data directory (prepared first, e.g. a survey opened) and Chromium, for one describe block.
 * @example const ctx = appInBrowser('survey', (dir) => adminOk(dir, 'surveys', 'open', 'wellbeing-check-in'));
 */
export function appInBrowser(name: string, prepare: (dataDir: string) => Promise<unknown> = async () => undefined) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `clb-${name}-`));
  const state: { app?: TestApp; browser?: Browser } = {};
  beforeAll(async () => {
    await prepare(dataDir);
    state.app = await startTestApp({}, dataDir);
    state.browser = await launchChromium();
  }, 60000);
  afterAll(async () => {
    await state.browser?.close();
    await state.app?.stop();
    removeDir(dataDir);
  });
  return {
    dataDir,
    /** Stops the app before the block ends (to use the store from the command line). */
    async stopApp(): Promise<void> {
      await state.app?.stop();
      state.app = undefined;
    },
    get app(): TestApp {
      return state.app!;
    },
    get browser(): Browser {
      return state.browser!;
    },
  };
}
