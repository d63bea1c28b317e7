/** Routes of a survey's results page and its downloads. */
import type { StaffRoute } from '../shared/route';
import { createResultsController, type ResultsDeps } from './resultsController';

/** @example resultsRoutes({ surveys, staff, threshold: 5 }) */
export function resultsRoutes(deps: ResultsDeps): StaffRoute[] {
  const controller = createResultsController(deps);
  return [
    { method: 'GET', path: '/cicc/surveys/:id', role: 'cicc', handler: controller.page },
    { method: 'GET', path: '/cicc/surveys/:id/results.csv', role: 'cicc', handler: controller.csv },
    { method: 'GET', path: '/cicc/surveys/:id/results.json', role: 'cicc', handler: controller.json },
  ];
}
