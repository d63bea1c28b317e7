/** Routes of the survey list and a survey's sharing page. */
import type { StaffRoute } from '../shared/route';
import { createSurveysController, type SurveysDeps } from './surveysController';

/** @example surveysRoutes({ surveys, staff, threshold: 5 }) */
export function surveysRoutes(deps: SurveysDeps): StaffRoute[] {
  const controller = createSurveysController(deps);
  return [
    { method: 'GET', path: '/cicc', role: 'cicc', handler: controller.ciccList },
    { method: 'GET', path: '/staff', role: 'staff', handler: controller.workerList },
    { method: 'GET', path: '/staff/surveys/:id/share', role: 'staff', handler: controller.share },
    { method: 'POST', path: '/staff/surveys/:id/invite', role: 'staff', handler: controller.invite },
    { method: 'POST', path: '/staff/surveys/:id/:change', role: 'staff', handler: controller.changeStatus },
  ];
}
