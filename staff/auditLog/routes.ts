/** Routes of the audit log page. */
import type { AuditLog } from '../audit';
import type { StaffRoute } from '../shared/route';
import { createAuditController } from './auditController';

/** @example auditRoutes({ staff }) */
export function auditRoutes(deps: { staff: { audit: Pick<AuditLog, 'recent'> } }): StaffRoute[] {
  const controller = createAuditController(deps);
  return [{ method: 'GET', path: '/staff/audit', role: 'staff', handler: controller.list }];
}
