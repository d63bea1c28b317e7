/** Our own Direct Line 3.0 endpoint (polling): lets the official Web Chat talk to the bot with no Azure account. */
import { createHmac, randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { DocumentStore } from '../../store/port';
import { sendError } from '../httpErrors';
import { allow, clientAddress, createRateLimiter, type RateLimiter } from '../rateLimit';
import type { Logger } from '../logger';
import { ConversationLog } from './conversationLog';
import { InvalidTokenError, issueToken, verifyToken, type TokenClaims } from './tokens';

export interface DirectLineDeps {
  store: DocumentStore;
  runTurn: (activity: Partial<Activity>) => Promise<Partial<Activity>[]>;
  tokenSecret: string;
  clock: () => Date;
  logger: Logger;
  botId: string;
  botName: string;
  /** Applied to what a person typed before it is kept for echoing back (anonymity: nothing raw is stored). */
  scrubText?: (text: string) => string;
  newId?: () => string;
  /** Limits per conversation (messages) and per client address (new conversations). */
  limiter?: RateLimiter;
}

/** What a posted value or channelData may weigh: enough for a card's submit or Web Chat's client data. */
const MAX_EXTRA_BYTES = 4 * 1024;
const small = (value: unknown) => value === undefined || JSON.stringify(value).length <= MAX_EXTRA_BYTES;

const GenerateBody = z
  .object({ user: z.object({ id: z.string().regex(/^u_[A-Za-z0-9_-]{8,64}$/) }).optional() })
  .passthrough()
  .nullish();

const PostedActivity = z
  .object({
    type: z.enum(['message', 'event', 'typing', 'conversationUpdate', 'invoke']),
    text: z.string().max(4000).optional(),
    name: z.string().max(64).optional(),
    value: z.unknown().optional(),
    locale: z.string().max(32).optional(),
    textFormat: z.string().max(16).optional(),
    attachments: z.array(z.unknown()).max(0).optional(),
    channelData: z.record(z.string(), z.unknown()).optional(),
    entities: z.array(z.unknown()).max(10).optional(),
  })
  // Only these fields are kept (anything else a client adds is dropped), and the free-form ones are size-capped.
  .refine(
    (activity) => small(activity.value) && small(activity.channelData) && small(activity.entities),
    'value, channelData or entities too large',
  );

const CONVERSATION_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Activities on the wire carry ISO timestamps and partial accounts; botbuilder's types are stricter than that. */
const asActivity = (value: object): Partial<Activity> => value as unknown as Partial<Activity>;

/**
 * Registers the Direct Line routes under /v3/directline.
 * @example await registerDirectLine(server, { store, runTurn, tokenSecret, clock, logger, botId, botName });
 */
export async function registerDirectLine(server: Server, deps: DirectLineDeps): Promise<void> {
  const log = new ConversationLog(deps.store, deps.clock);
  await log.ensureIndexes();
  const newId = deps.newId ?? (() => randomUUID().replace(/-/g, ''));
  const limiter = deps.limiter ?? createRateLimiter(0);
  const bot = { id: deps.botId, name: deps.botName, role: 'bot' };

  const authorise = (req: Request, res: Response, conversationId?: string): TokenClaims | undefined => {
    try {
      const claims = verifyToken(deps.tokenSecret, req.header('authorization'), deps.clock());
      if (conversationId !== undefined && claims.conversationId !== conversationId) {
        sendError(res, 403, 'WrongConversation', 'This token is for another conversation.');
        return undefined;
      }
      return claims;
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      sendError(res, 401, 'InvalidToken', error.message);
      return undefined;
    }
  };

  const conversationResponse = (claims: TokenClaims) => {
    const { token, expiresIn } = issueToken(deps.tokenSecret, claims, deps.clock());
    return { conversationId: claims.conversationId, token, expires_in: expiresIn, streamUrl: null };
  };

  /**
   * Runs the turn and stores what was shown with the replies in one append (one write for the whole turn): `shown`
   * first, the person's own message as Web Chat echoes it. If the turn fails, what they sent is still stored.
   */
  const runAndStore = async (
    claims: TokenClaims,
    activity: Partial<Activity>,
    shown: Partial<Activity>[] = [],
  ): Promise<void> => {
    const base = { channelId: 'webchat', conversation: { id: claims.conversationId }, serviceUrl: 'http://127.0.0.1/' };
    let replies: Partial<Activity>[];
    try {
      // The channel, conversation and service URL are ours to set: a web user cannot pass for a Teams user.
      replies = await deps.runTurn(asActivity({ ...activity, ...base }));
    } catch (error) {
      await log.append(claims.conversationId, shown);
      throw error;
    }
    await log.append(claims.conversationId, [
      ...shown,
      ...replies.map((reply) =>
        asActivity({
          ...reply,
          id: undefined,
          from: bot,
          recipient: { id: claims.userId, role: 'user' },
          conversation: { id: claims.conversationId },
          timestamp: deps.clock().toISOString(),
          replyToId: activity.id,
        }),
      ),
    ]);
  };

  server.post('/v3/directline/tokens/generate', async (req: Request, res: Response) => {
    // Each token is a new conversation kept for a day: one client cannot open them without bound.
    if (!allow(limiter, `new|${clientAddress(req)}`, res)) return;
    const body = GenerateBody.safeParse(req.body ?? null);
    if (!body.success)
      return sendError(res, 400, 'BadRequest', 'user.id must look like u_ followed by 8 to 64 letters or digits.');
    const conversationId = newId();
    const userId = body.data?.user?.id ?? `u_${newId()}`;
    await log.create(conversationId, userId);
    res.json(conversationResponse({ conversationId, userId, exp: 0 }));
  });

  server.post('/v3/directline/tokens/refresh', async (req: Request, res: Response) => {
    const claims = authorise(req, res);
    if (claims) res.json(conversationResponse(claims));
  });

  const startOrResume = async (req: Request, res: Response) => {
    const claims = authorise(req, res, req.params.conversationId);
    if (!claims) return;
    if (!(await log.find(claims.conversationId))) return sendError(res, 404, 'NotFound', 'No such conversation.');
    if (await log.markStarted(claims.conversationId)) {
      const user = { id: claims.userId, role: 'user' };
      await runAndStore(
        claims,
        asActivity({
          type: 'conversationUpdate',
          id: newId(),
          from: user,
          recipient: bot,
          membersAdded: [user],
          timestamp: deps.clock().toISOString(),
          locale: typeof req.query?.locale === 'string' ? req.query.locale : undefined,
        }),
      );
    }
    res.status(201);
    res.json(conversationResponse(claims));
  };
  server.post('/v3/directline/conversations', startOrResume);
  server.get('/v3/directline/conversations/:conversationId', startOrResume);

  server.post('/v3/directline/conversations/:conversationId/activities', async (req: Request, res: Response) => {
    const { conversationId } = req.params as { conversationId: string };
    if (!CONVERSATION_ID.test(conversationId)) return sendError(res, 404, 'NotFound', 'No such conversation.');
    const claims = authorise(req, res, conversationId);
    if (!claims) return;
    if (!allow(limiter, `dl|${conversationId}`, res)) return;
    const parsed = PostedActivity.safeParse(req.body);
    if (!parsed.success)
      return sendError(
        res,
        400,
        'BadActivity',
        'The activity needs a known type, text under 4,000 characters and small value or channelData (4 KiB each).',
      );
    const id = newId();
    const user = { id: claims.userId, role: 'user' };
    // Which device or network sent it, as a keyed hash the bot keeps in memory only (open-survey burst checks).
    const clientKey = createHmac('sha256', deps.tokenSecret)
      .update(`client|${clientAddress(req)}`)
      .digest('base64url')
      .slice(0, 16);
    const channelData = { ...(parsed.data.channelData ?? {}), clientKey };
    const incoming = asActivity({
      ...parsed.data,
      channelData,
      id,
      from: user,
      recipient: bot,
      timestamp: deps.clock().toISOString(),
    });
    const shown = { ...incoming, channelData: parsed.data.channelData };
    const echo =
      typeof shown.text === 'string' && deps.scrubText ? { ...shown, text: deps.scrubText(shown.text) } : shown;
    await runAndStore(claims, incoming, [
      asActivity({ ...echo, conversation: { id: conversationId }, channelId: 'webchat' }),
    ]);
    deps.logger.info({ conversation: conversationId.slice(0, 8), type: incoming.type }, 'direct line activity');
    res.json({ id });
  });

  server.get('/v3/directline/conversations/:conversationId/activities', async (req: Request, res: Response) => {
    const { conversationId } = req.params as { conversationId: string };
    const claims = authorise(req, res, conversationId);
    if (!claims) return;
    const parsed = Number.parseInt(String(req.query?.watermark ?? '0'), 10);
    const watermark = Number.isFinite(parsed) && parsed > 0 ? parsed : 0;
    await log.acknowledge(conversationId, watermark);
    const page = await log.since(conversationId, watermark);
    res.json({ activities: page.activities, watermark: String(page.watermark) });
  });
}
