/**
 * Assembles the bot from a botbuilder Storage and the dialog services; used by the server and by dialog tests alike.
 */
import type { ConversationState, Middleware, Storage, TurnContext, UserState } from 'botbuilder';
import { SnapshotConversationState, SnapshotUserState } from './snapshotState';
import { CareLeaversBot, type BotExtensions } from './careLeaversBot';
import { resolveLocale } from '../content/i18n';
import { sharedUnderstander } from './understanding/model';
import { UNDERSTANDING_KEY, understandingOf } from './understanding/turnUnderstanding';
import { crisisResponse } from './crisis/crisisResponse';
import { withoutPersonalDetails, type Understander } from './understanding/understand';
import type { DialogServices } from './deps';
import type { SurveyCatalogue } from '../surveys/catalogue';
import type { ResponseStore } from '../surveys/responses';
import type { ActionBoard } from '../surveys/actions';
import type { Invitations } from '../surveys/invitations';
import { createSurveyFeature } from './survey/surveyFeature';
import { createWhatChangedFeature } from './whatChanged/whatChangedFeature';
import type { StaffToolsFeature } from './staffTools/staffToolsFeature';

export interface AssembledBot {
  bot: CareLeaversBot;
  conversationState: ConversationState;
  userState: UserState;
  /** The turn logic to hand to an adapter. */
  logic: (context: TurnContext) => Promise<void>;
  /** Middleware every adapter must use, in order: understanding (risk first) on the words as typed, then scrubbing. */
  middleware: Middleware[];
  /**
   * What a person is told when their turn fails (a store that cannot read or write, a bug): crisis help when their
   * message was a risk and nothing was sent yet, since risk is judged from the message alone; otherwise a short
   * apology.
   */
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
}

/**
 * @example
 * const { logic, middleware } = createBot({ storage, services, scrub });
 * middleware.forEach((m) => adapter.use(m));
 */
export function createBot(args: {
  storage: Storage;
  services: DialogServices;
  scrub: (text: string) => string;
  /** Surveys and the "you said, we did" board; without them the bot signposts only. */
  surveys?: { catalogue: SurveyCatalogue; responses: ResponseStore; board: ActionBoard; invitations?: Invitations };
  /** Survey counts for staff recognised in Teams. */
  staffTools?: StaffToolsFeature;
  /** The trained understanding step; by default the one shared by the process (loaded from the model cache). */
  understander?: () => Promise<Understander>;
}): AssembledBot {
  const conversationState: ConversationState = new SnapshotConversationState(args.storage);
  const userState: UserState = new SnapshotUserState(args.storage);
  const extensions: BotExtensions = args.surveys
    ? {
        surveys: createSurveyFeature({
          services: args.services,
          catalogue: args.surveys.catalogue,
          responses: args.surveys.responses,
          userState,
          invitations: args.surveys.invitations,
        }),
        whatChanged: createWhatChangedFeature({ services: args.services, board: args.surveys.board }),
        staffTools: args.staffTools,
      }
    : {};
  const bot = new CareLeaversBot(args.services, conversationState, userState, extensions);
  return {
    bot,
    conversationState,
    userState,
    logic: (context) => bot.run(context),
    middleware: [
      understandOnArrival(args.understander ?? sharedUnderstander, args.scrub),
      scrubIncomingText(args.scrub),
    ],
    async onTurnError(context) {
      if (context.activity.type !== 'message') return;
      const { t, directory } = args.services;
      const understood = understandingOf(context);
      const locale = understood?.language === 'ar' ? 'ar' : resolveLocale(undefined, context.activity.locale);
      if (understood && understood.risk.level !== 'none') {
        // Already answered in this turn (the crisis reply comes first): nothing more to say.
        if (context.responded) return;
        await context.sendActivities(
          crisisResponse({ t, lines: directory.crisisLines(), locale, kinds: understood.risk.kinds }),
        );
        return;
      }
      await context.sendActivity(t(locale, 'error.generic'));
    },
  };
}

/**
 * Safety first: every message is understood (risk, then needs and commands) exactly as typed, before scrubbing could
 * blur "this is my last message", and before any dialog; only the verdict is kept for the turn, never the text.
 */
export function understandOnArrival(
  understander: () => Promise<Understander>,
  scrub: (text: string) => string,
): Middleware {
  return {
    async onTurn(context, next) {
      const { activity } = context;
      if (activity.type === 'message' && typeof activity.text === 'string') {
        const scrubbed = withoutPersonalDetails(activity.text, scrub);
        context.turnState.set(
          UNDERSTANDING_KEY,
          (await understander()).understand(activity.text, resolveLocale(undefined, activity.locale), {
            withoutPersonalDetails: scrubbed,
          }),
        );
      }
      await next();
    },
  };
}

/** Anonymity by design: personal details are taken out of what people type before any dialog, state or log sees it. */
export function scrubIncomingText(scrub: (text: string) => string): Middleware {
  return {
    async onTurn(context, next) {
      if (typeof context.activity.text === 'string' && context.activity.text.length > 0)
        context.activity.text = scrub(context.activity.text);
      await next();
    },
  };
}
