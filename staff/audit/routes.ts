/** Routes of the audit log page. */
import type { StaffServices } from '../index';
import type { StaffRoute } from '../shared/route';
import { createAuditController } from './auditController';

/** @example auditRoutes({ staff }) */
export function auditRoutes(deps: { staff: Pick<StaffServices, 'audit'> }): StaffRoute[] {
  const controller = createAuditController(deps);
  return [{ method: 'GET', path: '/staff/audit', role: 'staff', handler: controller.list }];
}
