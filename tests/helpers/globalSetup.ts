/** Trains the understanding models once before any test (a clean clone has no model cache yet), so no test waits for it. */
import { loadUnderstander } from '../../dialogs/understanding/model';

export default async function globalSetup(): Promise<void> {
  await loadUnderstander();
}
