/** One shape for HTTP errors: `{ error: { code, message } }` with the right status. */
import type { Response } from 'restify';

/**
 * Sends a JSON error unless a response has already started; with a request id, so a caller can quote it.
 * @example sendError(res, 400, 'BadActivity', 'The body must be an activity.');
 */
export function sendError(res: Response, status: number, code: string, message: string, requestId?: string): void {
  if (res.headersSent) return;
  res.status(status);
  res.json({ error: requestId === undefined ? { code, message } : { code, message, requestId } });
}
