/** Routes of the workers' "you said, we did" board. */
import type { StaffRoute } from '../shared/route';
import { createActionsController, type ActionsDeps } from './actionsController';

/** @example actionsRoutes({ surveys, staff }) */
export function actionsRoutes(deps: ActionsDeps): StaffRoute[] {
  const controller = createActionsController(deps);
  return [
    { method: 'GET', path: '/staff/actions', role: 'staff', handler: controller.list },
    { method: 'POST', path: '/staff/actions', role: 'staff', handler: controller.add },
    { method: 'POST', path: '/staff/actions/:actionId', role: 'staff', handler: controller.change },
  ];
}
