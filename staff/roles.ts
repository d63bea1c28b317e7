/** What each staff role may see: the pages, the sign-in guard and the command line share it (roles: lib/staffRoles). */
import { z } from 'zod';

import { STAFF_ROLES, StaffRole } from '../lib/staffRoles';

export { STAFF_ROLES, StaffRole };

/** The parts of the staff side a route can belong to. */
export const STAFF_AREAS = ['cicc', 'staff', 'admin'] as const;
export const StaffArea = z.enum(STAFF_AREAS);
export type StaffArea = z.infer<typeof StaffArea>;

/**
 * What each role may use: CiCC members read results; participation workers also run surveys, actions and content;
 * admins also manage staff accounts.
 */
export const ROLE_AREAS: Readonly<Record<StaffRole, readonly StaffArea[]>> = {
  cicc: ['cicc'],
  participation: ['cicc', 'staff'],
  admin: ['cicc', 'staff', 'admin'],
};

/**
 * Whether a role may use an area.
 * @example mayUse('cicc', 'staff') // false
 */
export function mayUse(role: StaffRole, area: StaffArea): boolean {
  return ROLE_AREAS[role].includes(area);
}
