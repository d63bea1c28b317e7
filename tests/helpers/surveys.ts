/** Survey services on a fresh embedded store in a temporary directory, with both shipped surveys open. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../store/index';
import type { DocumentStore } from '../../store/port';
import { openSurveyServices, type SurveyServices } from '../../surveys/index';

export interface TestSurveys extends SurveyServices {
  store: DocumentStore;
  dataDir: string;
  close(): Promise<void>;
}

export const TEST_KEY = 'test-pseudonym-key';

/**
 * @example const surveys = await openTestSurveys(); … await surveys.close();
 */
export async function openTestSurveys(
  options: { clock?: () => Date; open?: boolean; newCode?: () => string } = {},
): Promise<TestSurveys> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-surveys-'));
  const store = await openStore({ dataDir });
  const services = await openSurveyServices(store, {
    key: TEST_KEY,
    retentionDays: 365,
    clock: options.clock,
    newCode: options.newCode,
  });
  if (options.open !== false)
    for (const record of await services.catalogue.list()) await services.catalogue.setStatus(record._id, 'open');
  return {
    ...services,
    store,
    dataDir,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
