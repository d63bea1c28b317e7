/** What the survey pages accept: an open/close change, and how many invitation links to make. */
import { z } from 'zod';

export const StatusChange = z.enum(['open', 'close']);
/** From 1 to 200 links at a time: enough for a group session, few enough to hand out by hand. */
export const InviteForm = z.object({ count: z.coerce.number().int().min(1).max(200) });
