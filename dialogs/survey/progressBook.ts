/** Survey progress kept in user state, one entry per survey, so a person can pause and carry on days later. */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { SurveyProgress } from '../../surveys/engine';

/** Progress per survey id, kept in user state. */
export type SurveyProgressBook = Record<string, SurveyProgress>;

/**
 * Saves one survey's progress, or forgets it (undefined) once the answers are saved or refused.
 * @example await saveProgress(book, context, undefined, 'wellbeing-check-in');
 */
export async function saveProgress(
  book: StatePropertyAccessor<SurveyProgressBook>,
  context: TurnContext,
  progress: SurveyProgress | undefined,
  surveyId = progress?.surveyId,
): Promise<void> {
  if (!surveyId) return;
  const saved = await book.get(context, {});
  if (progress) saved[surveyId] = progress;
  else delete saved[surveyId];
  await book.set(context, saved);
}
