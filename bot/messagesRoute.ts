/** POST /api/messages: validates the activity, refuses replies to non-loopback hosts in local mode, runs the turn. */
import type { Request, Response, Server } from 'restify';
import { allow, clientAddress, type RateLimiter } from './rateLimit';
import { z } from 'zod';
import type { Activity } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import { isLoopbackUrl, type Config } from '../app/config';
import type { CareLeaversAdapter, TurnLogic } from './adapter';
import type { Logger } from './logger';
import { sendError } from './httpErrors';

/**
 * The parts of an incoming activity we rely on. Only these are checked and copied; the turn gets the body itself, so
 * every other field reaches botbuilder untouched (and zod need not copy them: a tenth of a millisecond a turn here).
 */
export const IncomingActivity = z.object({
  type: z.string().min(1).max(64),
  id: z.string().max(256).optional(),
  text: z.string().max(20_000).optional(),
  locale: z.string().max(32).optional(),
  deliveryMode: z.string().max(32).optional(),
  serviceUrl: z.string().max(2048).optional(),
  channelId: z.string().max(128).optional(),
  from: z.object({ id: z.string().min(1).max(512) }).optional(),
  recipient: z.object({ id: z.string().max(512) }).optional(),
  conversation: z.object({ id: z.string().min(1).max(512) }).optional(),
});

export interface MessagesRouteDeps {
  config: Config;
  adapter: CareLeaversAdapter;
  logic: TurnLogic;
  logger: Logger;
  /** Counts turns in flight so shutdown can wait for them. */
  inFlight: { count: number };
  /** Per-conversation limits; none means no limit. */
  limiter?: RateLimiter;
}

/**
 * Registers the Bot Framework messaging endpoint.
 * @example registerMessagesRoute(server, { config, adapter, logic, logger, inFlight });
 */
export function registerMessagesRoute(server: Server, deps: MessagesRouteDeps): void {
  server.post('/api/messages', async (req: Request, res: Response) => {
    const parsed = IncomingActivity.safeParse(req.body);
    if (!parsed.success || !parsed.data.conversation || !parsed.data.from) {
      sendError(
        res,
        400,
        'BadActivity',
        'The body must be a Bot Framework activity with type, from.id and conversation.id.',
      );
      return;
    }
    const activity = parsed.data;
    if (deps.limiter && !allow(deps.limiter, `msg|${clientAddress(req)}|${activity.conversation!.id}`, res)) return;
    const expectReplies = activity.deliveryMode === 'expectReplies';
    if (deps.config.localMode && !expectReplies && !isLoopbackUrl(activity.serviceUrl)) {
      sendError(
        res,
        403,
        'NonLoopbackServiceUrl',
        'In local mode the bot only replies to a loopback serviceUrl, or use "deliveryMode": "expectReplies".',
      );
      return;
    }
    deps.inFlight.count += 1;
    try {
      const authHeader = String(req.headers.authorization ?? '');
      const response = await deps.adapter.processChecked(authHeader, req.body as Activity, deps.logic);
      res.status(response?.status ?? 200);
      if (response?.body !== undefined) res.send(response.body);
      res.end();
    } catch (error) {
      const err = error as Error;
      if (err instanceof AuthenticationError) {
        deps.logger.warn(
          { requestId: req.id(), status: err.statusCode },
          'request refused: no valid Bot Framework token',
        );
        sendError(res, 401, 'Unauthorized', 'A valid Bot Framework token is needed.', req.id());
        return;
      }
      deps.logger.error({ requestId: req.id(), err: { name: err.name, message: err.message } }, 'turn not run');
      sendError(res, 500, 'TurnFailed', 'The message could not be handled. Please try again.', req.id());
    } finally {
      deps.inFlight.count -= 1;
    }
  });
}
