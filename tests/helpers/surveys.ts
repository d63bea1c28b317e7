/** Survey services on a fresh embedded store in a temporary directory, with both shipped surveys open. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openServices, type Services } from '../../app/services';
import type { DocumentStore } from '../../store/port';
import type { SurveyServices } from '../../surveys/index';

export interface TestSurveys extends SurveyServices {
  store: DocumentStore;
  /** Everything the composition root built on this store (staff accounts, content, keys). */
  services: Services;
  dataDir: string;
  close(): Promise<void>;
}

/** A fixed secret, so pseudonyms are the same from run to run and no secret file is written. */
export const TEST_SECRET = 'test-pseudonym-secret-at-least-32-characters';

/**
 * @example const surveys = await openTestSurveys(); … await surveys.close();
 */
export async function openTestSurveys(
  options: { clock?: () => Date; open?: boolean; newCode?: () => string } = {},
): Promise<TestSurveys> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-surveys-'));
  const services = await openServices(
    { DATA_DIR: dataDir, PSEUDONYM_SECRET: TEST_SECRET },
    { clock: options.clock, newCode: options.newCode },
  );
  const { surveys } = services;
  if (options.open !== false)
    for (const record of await surveys.catalogue.list()) await surveys.catalogue.setStatus(record._id, 'open');
  return {
    ...surveys,
    store: services.store,
    services,
    dataDir,
    async close() {
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
