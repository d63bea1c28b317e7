/**
 * Opens everything surveys need on a store: the catalogue (seeded with the shipped surveys), responses and the action
 * board, with their indexes.
 */
import type { DocumentStore } from '../store/port';
import { ActionBoard, type StoredAction } from './actions';
import { SurveyCatalogue, type SurveyRecord } from './catalogue';
import { Invitations, type InvitationDocument } from './invitations';
import { ResponseStore, type StoredResponse } from './responses';
import { Tallies, type TallyDocument } from './tallies';

export interface SurveyServices {
  catalogue: SurveyCatalogue;
  tallies: Tallies;
  responses: ResponseStore;
  board: ActionBoard;
  invitations: Invitations;
}

export const COLLECTIONS = {
  surveys: 'surveys',
  responses: 'responses',
  tallies: 'tallies',
  actions: 'actions',
  invitations: 'invitations',
} as const;

/**
 * @example
 * const surveys = await openSurveyServices(store, { key: deriveKey(secret, 'pseudonym'), retentionDays: 365 });
 */
export async function openSurveyServices(
  store: DocumentStore,
  options: { key: string; retentionDays: number; clock?: () => Date; newCode?: () => string },
): Promise<SurveyServices> {
  const clock = options.clock ?? (() => new Date());
  const catalogue = new SurveyCatalogue(store.collection<SurveyRecord>(COLLECTIONS.surveys), clock);
  const tallies = new Tallies(store.collection<TallyDocument>(COLLECTIONS.tallies), options.retentionDays);
  const definitionOf = async (surveyId: string) => (await catalogue.get(surveyId))?.definition;
  const responses = new ResponseStore(store.collection<StoredResponse>(COLLECTIONS.responses), tallies, definitionOf, {
    key: options.key,
    retentionDays: options.retentionDays,
    clock,
    newCode: options.newCode,
  });
  const board = new ActionBoard(store.collection<StoredAction>(COLLECTIONS.actions), clock);
  const invitations = new Invitations(store.collection<InvitationDocument>(COLLECTIONS.invitations), clock);
  await responses.ensureIndexes();
  await board.ensureIndexes();
  await invitations.ensureIndexes();
  await catalogue.seed();
  return { catalogue, tallies, responses, board, invitations };
}
