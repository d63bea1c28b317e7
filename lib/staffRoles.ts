/** The staff roles, in the lowest layer: config, the Teams staff tools, the pages and the CLI all name them. */
import { z } from 'zod';

export const STAFF_ROLES = ['participation', 'cicc', 'admin'] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;
