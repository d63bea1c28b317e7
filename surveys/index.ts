/** Opens everything surveys need on a store: the catalogue (seeded with the shipped surveys), responses and the action board, with their indexes. */
import type { DocumentStore } from '../store/port';
import { ActionBoard, type StoredAction } from './actions';
import { SurveyCatalogue, type SurveyRecord } from './catalogue';
import { ResponseStore, type StoredResponse } from './responses';

export interface SurveyServices {
  catalogue: SurveyCatalogue;
  responses: ResponseStore;
  board: ActionBoard;
}

export const COLLECTIONS = { surveys: 'surveys', responses: 'responses', actions: 'actions' } as const;

/**
 * @example const surveys = await openSurveyServices(store, { key: deriveKey(secret, 'pseudonym'), retentionDays: 365 });
 */
export async function openSurveyServices(store: DocumentStore, options: { key: string; retentionDays: number; clock?: () => Date; newCode?: () => string }): Promise<SurveyServices> {
  const clock = options.clock ?? (() => new Date());
  const catalogue = new SurveyCatalogue(store.collection<SurveyRecord>(COLLECTIONS.surveys), clock);
  const responses = new ResponseStore(store.collection<StoredResponse>(COLLECTIONS.responses), { key: options.key, retentionDays: options.retentionDays, clock, newCode: options.newCode });
  const board = new ActionBoard(store.collection<StoredAction>(COLLECTIONS.actions), clock);
  await responses.ensureIndexes();
  await board.ensureIndexes();
  await catalogue.seed();
  return { catalogue, responses, board };
}
