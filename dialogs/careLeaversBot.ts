/** The root of every turn: one ordered table of what answers a message, read top to bottom; the first row wins. */
import {
  ActivityTypes,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { DialogSet } from './dialogsLibrary';
import { resolveLocale } from '../content/i18n';
import { z } from 'zod';
import { SurveyId } from '../surveys/schema';
import { isStopWord } from './controlWords';
import { answerCrisis, askIfSafe } from './crisis/riskReplies';
import { SafetyCheckDialog } from './crisis/safetyCheckDialog';
import type { DialogServices } from './deps';
import {
  CONVERSATION_PROFILE_PROPERTY,
  DIALOG_STATE_PROPERTY,
  SAFETY_CHECK_DIALOG,
  USER_PROFILE_PROPERTY,
} from './ids';
import { menuChoiceFromText } from './menu/menu';
import { menuAfter, showLanguages, showMenu, showMorePage, switchLanguage } from './menu/menuReplies';
import { continueActiveDialog } from './root/activeDialog';
import {
  asks,
  nothingMore,
  PASS_ON,
  risk,
  row,
  says,
  taps,
  tapsOrAsks,
  type BotExtensions,
  type Message,
  type Rule,
  type Turn,
} from './root/message';
import * as reply from './root/replies';
import { noteAge, offerAPerson, openNow, signpostNeeds, signpostTappedTopic } from './signposting/signpostReplies';
import { ThriveRoutingDialog } from './signposting/thriveRoutingDialog';
import type { ConversationProfile, UserProfile } from './state';
import { normalise } from './understanding/normalise';
import { understandingOf } from './understanding/turnUnderstanding';
import type { Understanding } from './understanding/understand';
import { welcomeActivities } from './welcome/welcome';

export type { BotExtensions } from './root/message';

/** "I don't want to do a survey" is about surveys, but not a request for one. */
const REFUSAL = /\b(?:don'?t|do not|not|no|never|hate|stop)\b/i;
/** "i'm 22", "im 19 btw": a message this short with an age in it is telling us the age. */
const AGE_ONLY_WORDS = 4;

const inDialog = (m: Message) => Boolean(m.dialogs.activeDialog);
const concern = (m: Message) => risk('concern')(m) && m.dialogs.activeDialog?.id !== SAFETY_CHECK_DIALOG;
const asksForMenu = (m: Message) => taps('menu')(m) || (!inDialog(m) && asks('menu')(m));
const firstHello = (m: Message) => m.firstContact && (asks('greeting')(m) || m.text === '');
const stopWord = (m: Message) => isStopWord(normalise(m.text));
const wantsSurveys = (m: Message) => taps('surveys')(m) || (asks('surveys')(m) && !REFUSAL.test(m.text));
const givesAge = (m: Message) => m.understood.age !== undefined;
const givesAgeOnly = (m: Message) => givesAge(m) && m.text.split(/\s+/).length <= AGE_ONLY_WORDS;
const namesNeeds = (m: Message) => m.understood.topics.length > 0;
const always = () => true;

/**
 * The order of precedence, written once; the first row that applies answers (unless it passes the message on).
 * Interruptions come first and run on every message before any dialog (as core-bot's CancelAndHelpDialog does), so
 * they work inside a survey and the i-THRIVE questions too; then whatever dialog is waiting for an answer; then what
 * the message asks for; and never a dead end.
 */
export const PRECEDENCE: Rule[] = [
  // Interruptions: risk before anything, then the words that work anywhere.
  row('crisis: clear statement, plan, means or act', risk('crisis'), answerCrisis),
  row('concern: warning signs, ask if they are safe (unless that is being asked)', concern, askIfSafe),
  row('switch language', taps('setLocale'), switchLanguage),
  row('more topics', taps('more', 'moreOptions'), showMorePage),
  row('menu or help: the word works anywhere, a looser ask outside a dialog', asksForMenu, (m) => showMenu(m)),
  // The survey, "are you safe?" or the i-THRIVE questions: their own words (skip, back, stop) are theirs to read.
  row('the dialog waiting for an answer', inDialog, continueActiveDialog),
  // What the message asks for.
  row('first hello (the welcome answered it)', firstHello, nothingMore),
  row('staff in Teams', (m) => Boolean(m.extensions.staffTools), reply.staffTools),
  row('stop, with no survey running', stopWord, reply.nothingToStop),
  row('survey titles, carry on, delete my answers', (m) => Boolean(m.extensions.surveys), reply.surveyMessages),
  row('language buttons', tapsOrAsks('language'), showLanguages),
  row('not sure what I need', tapsOrAsks('notSure'), reply.beginThrive),
  row('what changed', tapsOrAsks('whatChanged'), reply.showWhatChanged),
  row('surveys (not when they say they do not want one)', wantsSurveys, reply.showSurveys),
  row('is it open now', tapsOrAsks('openNow'), openNow),
  row('a topic button', taps('topic'), signpostTappedTopic),
  row('an age on its own ("I\'m 22")', givesAgeOnly, noteAge),
  row('a need in their own words', namesNeeds, signpostNeeds),
  row('who or what is this', asks('about'), menuAfter('about.reply')),
  row('can I talk to a person', asks('human'), offerAPerson),
  row('who sees this', asks('privacy'), says('privacy.reply')),
  row('an age with something we could not place', givesAge, noteAge),
  row('hello', asks('greeting'), menuAfter('greeting.reply')),
  row('thanks', asks('thanks'), says('thanks.reply')),
  row('bye', asks('bye'), says('bye.reply')),
  row('anything else: best guesses, say it another way, urgent help', always, reply.fallback),
];

/** What a survey link sends; an invitation code is cut to a sane length, and a malformed one is ignored. */
const StartSurveyEvent = z.object({
  surveyId: SurveyId,
  invite: z
    .string()
    .transform((code) => code.slice(0, 64))
    .optional()
    .catch(undefined),
});

/** When the middleware did not run (a test without it), nothing was understood. */
const NOTHING: Understanding = {
  language: 'en',
  risk: { level: 'none', kinds: [], score: 0, by: 'none' },
  topics: [],
  subjects: [],
  likelyTopics: [],
  needScore: 0,
};

/** Where botbuilder-dialogs' DialogStateManager keeps the turn's memory-scope configuration (its own constant). */
const MEMORY_SCOPES_KEY = 'DialogStateManagerConfiguration';

export class CareLeaversBot {
  private readonly conversationProfile: StatePropertyAccessor<ConversationProfile>;
  private readonly userProfile: StatePropertyAccessor<UserProfile>;
  private readonly dialogs: DialogSet;
  /** botbuilder-dialogs' memory scopes, found on this bot's first turn and handed to every later one. */
  private memoryScopes: unknown;

  constructor(
    private readonly services: DialogServices,
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly extensions: BotExtensions = {},
  ) {
    this.conversationProfile = conversationState.createProperty(CONVERSATION_PROFILE_PROPERTY);
    this.userProfile = userState.createProperty(USER_PROFILE_PROPERTY);
    this.dialogs = new DialogSet(conversationState.createProperty<DialogState>(DIALOG_STATE_PROPERTY))
      .add(new ThriveRoutingDialog(services))
      .add(new SafetyCheckDialog(services));
    if (extensions.surveys) this.dialogs.add(extensions.surveys.dialog);
  }

  /**
   * Handles one turn and saves state, so a conversation carries on after a restart.
   * @example adapter.process(req, res, (context) => bot.run(context));
   */
  async run(context: TurnContext): Promise<void> {
    // Both states are asked for together, so the storage reads them in one query.
    await Promise.all([this.userState.load(context), this.conversationState.load(context)]);
    const user = await this.userProfile.get(context, {});
    const conversation = await this.conversationProfile.get(context, {});
    const locale = resolveLocale(user.locale, context.activity.locale);
    // botbuilder-dialogs gathers its memory scopes afresh every turn; they keep nothing between turns, so one set
    // (found on the first turn) serves them all.
    if (this.memoryScopes) context.turnState.set(MEMORY_SCOPES_KEY, this.memoryScopes);
    // The one dialog context of the turn: every row and dialog below is handed this one.
    const dialogs = await this.dialogs.createContext(context);
    this.memoryScopes ??= context.turnState.get(MEMORY_SCOPES_KEY);
    const { services, extensions } = this;
    const turn: Turn = { context, conversation, user, locale, dialogs, services, extensions };
    switch (context.activity.type) {
      case ActivityTypes.Message:
        await this.onMessage(turn);
        break;
      case ActivityTypes.ConversationUpdate:
        if ((context.activity.membersAdded ?? []).some((member) => member.id !== context.activity.recipient?.id))
          await this.welcomeOnce(turn);
        break;
      case ActivityTypes.Event:
        await this.onEvent(turn);
        break;
      default:
        break; // Typing, reactions and other activity types need no reply.
    }
    await Promise.all([this.conversationState.saveChanges(context), this.userState.saveChanges(context)]);
  }

  private async onMessage(turn: Turn): Promise<void> {
    const text = (turn.context.activity.text ?? '').trim();
    // The understanding step ran once, on arrival (createBot's middleware); every row and dialog reads that verdict.
    const understood = understandingOf(turn.context) ?? NOTHING;
    const message: Message = { ...turn, text, understood, choice: menuChoiceFromText(text), firstContact: false };
    // A risk is answered first; the welcome and the news can wait.
    if (understood.risk.level === 'none') {
      message.firstContact = await this.welcomeOnce(turn);
      if (!message.firstContact && this.extensions.whatChanged)
        await this.extensions.whatChanged.announceNews(turn.context, turn.locale, turn.user);
    }
    for (const rule of PRECEDENCE) if (rule.applies(message) && (await rule.answer(message)) !== PASS_ON) return;
  }

  private async welcomeOnce(turn: Turn): Promise<boolean> {
    if (turn.conversation.welcomed) return false;
    turn.conversation.welcomed = true;
    const lines = this.services.directory.crisisLines();
    await turn.context.sendActivities(welcomeActivities({ t: this.services.t, lines, locale: turn.locale }));
    return true;
  }

  /** A survey link opens the chat with a "startSurvey" event. */
  private async onEvent(turn: Turn): Promise<void> {
    const { name, value } = turn.context.activity;
    if (name !== 'startSurvey') return;
    await this.welcomeOnce(turn);
    const start = StartSurveyEvent.safeParse(value);
    if (this.extensions.surveys && start.success)
      return this.extensions.surveys.start(turn.dialogs, start.data.surveyId, turn.locale, start.data.invite);
    await turn.context.sendActivity(this.services.t(turn.locale, 'survey.notFound'));
  }
}
