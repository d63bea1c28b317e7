/** Finds the survey a page's path names, or a 404 the adapter shows as "Survey not found". */
import type { SurveyCatalogue } from '../../surveys/catalogue';
import { SurveyId } from '../../surveys/schema';
import { HttpError } from './httpError';

/**
 * @example const record = await findSurvey(surveys.catalogue, req.params.id);
 */
export async function findSurvey(catalogue: Pick<SurveyCatalogue, 'get'>, id: unknown) {
  const parsed = SurveyId.safeParse(id);
  const record = parsed.success ? await catalogue.get(parsed.data) : undefined;
  if (!record) throw new HttpError(404, 'errors.surveyNotFound');
  return record;
}
