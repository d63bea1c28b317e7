/** Trains the understanding models once before any test (a clean clone has no model cache yet), so none waits. */
import { loadUnderstander } from '../../dialogs/understanding/model';

export default async function globalSetup(): Promise<void> {
  await loadUnderstander();
}
