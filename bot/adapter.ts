/**
 * The Bot Framework edge: CloudAdapter with our auth config, a loopback-only guard for local mode, and in-process
 * turns.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type Middleware,
  type TurnContext,
} from 'botbuilder';
// botbuilder's own fix-up of an incoming activity (timestamps to Dates, raw strings kept), which `process` applies;
// not re-exported from the package's index, so imported from its module.
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
import { ClaimsIdentity, type BotFrameworkAuthentication } from 'botframework-connector';
import { createTranslator, resolveLocale } from '../content/i18n';
import { isLoopbackUrl, type Config } from '../app/config';
import type { Logger } from './logger';
import { reuseOutboundClients } from './outboundClients';

export type TurnLogic = (context: TurnContext) => Promise<void>;

/** CloudAdapter that can also run a turn in-process and hand back its replies (for our Direct Line endpoint). */
export class CareLeaversAdapter extends CloudAdapter {
  constructor(
    private readonly authentication: BotFrameworkAuthentication,
    private readonly appId: string | undefined,
  ) {
    super(authentication);
  }

  /**
   * Runs the turn for an activity our route has already checked, and returns what the caller should answer.
   * `CloudAdapter.process` would check the request again with zod schemas it builds on every request (about a tenth
   * of a survey turn's CPU here) before making this same call.
   * @example const response = await adapter.processChecked(req.headers.authorization ?? '', activity, logic);
   */
  async processChecked(authHeader: string, activity: Activity, logic: TurnLogic): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, validateAndFixActivity(activity), logic);
  }

  /**
   * Runs one turn with `deliveryMode: "expectReplies"` and returns the replies; nothing is sent anywhere.
   * @example const replies = await adapter.runExpectReplies({ type: 'message', text: 'hi', ... }, logic);
   */
  async runExpectReplies(activity: Partial<Activity>, logic: TurnLogic): Promise<Partial<Activity>[]> {
    const claimsIdentity = this.appId ? this.createClaimsIdentity(this.appId) : new ClaimsIdentity([], true);
    const authenticateRequestResult = {
      claimsIdentity,
      audience: undefined as unknown as string,
      callerId: undefined as unknown as string,
      connectorFactory: this.authentication.createConnectorFactory(claimsIdentity),
    };
    const turnActivity = { serviceUrl: 'http://127.0.0.1/', ...activity, deliveryMode: 'expectReplies' } as Activity;
    const response = await this.processActivity(authenticateRequestResult, turnActivity, logic);
    const body = response?.body as { activities?: Partial<Activity>[] } | undefined;
    return body?.activities ?? [];
  }
}

/**
 * Builds the adapter from config. Without an app id it runs in local mode (no authentication), which is why
 * the server only listens on loopback and the guard below never lets a reply leave for another host.
 * @example const adapter = createAdapter(config, logger);
 */
export function createAdapter(
  config: Config,
  logger: Logger,
  onTurnFailure?: (context: TurnContext, error: Error) => Promise<void>,
): CareLeaversAdapter {
  const authentication = reuseOutboundClients(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.MICROSOFT_APP_ID,
      MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
      MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
      MicrosoftAppType: config.MICROSOFT_APP_TYPE,
    }),
  );
  const adapter = new CareLeaversAdapter(authentication, config.MICROSOFT_APP_ID);
  if (config.localMode) adapter.use(loopbackOnlyReplies(logger));
  const t = createTranslator();
  adapter.onTurnError = async (context, error) => {
    logger.error(
      { err: { name: error.name, message: error.message, stack: error.stack }, activityType: context.activity.type },
      'turn failed',
    );
    if (onTurnFailure) await onTurnFailure(context, error).catch(() => undefined);
    else if (context.activity.type === 'message') {
      await context
        .sendActivity(t(resolveLocale(undefined, context.activity.locale), 'error.generic'))
        .catch(() => undefined);
    }
  };
  return adapter;
}

/**
 * Local mode accepts unauthenticated requests, so a caller could name any serviceUrl: drop replies bound for a
 * host that is not loopback (expectReplies turns send nothing, so they are unaffected).
 */
export function loopbackOnlyReplies(logger: Logger): Middleware {
  return {
    async onTurn(context, next) {
      const expectReplies = context.activity.deliveryMode === 'expectReplies';
      if (!expectReplies && !isLoopbackUrl(context.activity.serviceUrl)) {
        context.onSendActivities(async (_ctx, activities) => {
          logger.warn({ dropped: activities.length }, 'local mode: replies to a non-loopback serviceUrl were dropped');
          return [];
        });
      }
      await next();
    },
  };
}
