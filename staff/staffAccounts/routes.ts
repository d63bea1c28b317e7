/** Routes of the staff accounts page (admins only). */
import type { StaffServices } from '../index';
import type { StaffRoute } from '../shared/route';
import { createStaffAccountsController } from './staffAccountsController';

/** @example staffAccountsRoutes({ staff }) */
export function staffAccountsRoutes(deps: { staff: Pick<StaffServices, 'accounts' | 'audit'> }): StaffRoute[] {
  const controller = createStaffAccountsController(deps);
  return [
    { method: 'GET', path: '/staff/accounts', role: 'admin', handler: controller.list },
    { method: 'POST', path: '/staff/accounts', role: 'admin', handler: controller.add },
    { method: 'POST', path: '/staff/accounts/:staffId/revoke', role: 'admin', handler: controller.revoke },
  ];
}
