/** Assembles the bot from a botbuilder Storage and the dialog services; used by the server and by dialog tests alike. */
import { ConversationState, UserState, type Middleware, type Storage, type TurnContext } from 'botbuilder';
import { CareLeaversBot, type BotExtensions } from './careLeaversBot';
import { RISK_ASSESSMENT_KEY } from './crisis/riskCheck';
import { detectRisk } from './crisis/riskDetector';
import type { DialogServices } from './deps';
import type { SurveyCatalogue } from '../surveys/catalogue';
import type { ResponseStore } from '../surveys/responses';
import type { ActionBoard } from '../surveys/actions';
import { createSurveyFeature } from './survey/surveyFeature';
import { createWhatChangedFeature } from './whatChanged/whatChangedFeature';
import type { StaffToolsFeature } from './staffTools/staffToolsFeature';

export interface AssembledBot {
  bot: CareLeaversBot;
  conversationState: ConversationState;
  userState: UserState;
  /** The turn logic to hand to an adapter. */
  logic: (context: TurnContext) => Promise<void>;
  /** Middleware every adapter must use, in order: the risk check on the words as typed, then scrubbing. */
  middleware: Middleware[];
}

/**
 * @example const { logic, middleware } = createBot({ storage, services, scrub }); middleware.forEach((m) => adapter.use(m));
 */
export function createBot(args: {
  storage: Storage;
  services: DialogServices;
  scrub: (text: string) => string;
  /** Surveys and the "you said, we did" board; without them the bot signposts only. */
  surveys?: { catalogue: SurveyCatalogue; responses: ResponseStore; board: ActionBoard };
  /** Survey counts for staff recognised in Teams. */
  staffTools?: StaffToolsFeature;
}): AssembledBot {
  const conversationState = new ConversationState(args.storage);
  const userState = new UserState(args.storage);
  const extensions: BotExtensions = args.surveys
    ? {
        surveys: createSurveyFeature({ services: args.services, catalogue: args.surveys.catalogue, responses: args.surveys.responses, userState }),
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
    middleware: [checkRiskOnArrival(), scrubIncomingText(args.scrub)],
  };
}

/**
 * Safety first: the risk check reads the message exactly as typed (scrubbing could blur "this is my last message"),
 * and keeps only its verdict for this turn; the text itself is never stored.
 */
export function checkRiskOnArrival(): Middleware {
  return {
    async onTurn(context, next) {
      if (context.activity.type === 'message' && typeof context.activity.text === 'string') context.turnState.set(RISK_ASSESSMENT_KEY, detectRisk(context.activity.text));
      await next();
    },
  };
}

/** Anonymity by design: personal details are taken out of what people type before any dialog, state or log sees it. */
export function scrubIncomingText(scrub: (text: string) => string): Middleware {
  return {
    async onTurn(context, next) {
      if (typeof context.activity.text === 'string' && context.activity.text.length > 0) context.activity.text = scrub(context.activity.text);
      await next();
    },
  };
}
