/** What the bench and its server processes share: the survey every conversation completes and the IPC messages. */
import { z } from 'zod';

export const BENCH_SURVEY = 'wellbeing-check-in';

/** What a server process tells the bench. */
export const ServerMessage = z.union([
  z.object({ kind: z.literal('ready'), url: z.string() }),
  z.object({ kind: z.literal('stopped'), stored: z.number().nullable() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
