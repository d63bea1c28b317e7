/** Routes of the phone survey. */
import type { StaffRoute } from '../shared/route';
import { createAssistedController, type AssistedDeps } from './assistedController';

/** @example assistedRoutes({ surveys, staff }) */
export function assistedRoutes(deps: AssistedDeps): StaffRoute[] {
  const controller = createAssistedController(deps);
  return [
    { method: 'GET', path: '/staff/surveys/:id/assisted', role: 'staff', handler: controller.form },
    { method: 'POST', path: '/staff/surveys/:id/assisted', role: 'staff', handler: controller.save },
  ];
}
