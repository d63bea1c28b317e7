/** The root of every turn: the understanding step's verdict, then one ordered table of what answers a message. */
import {
  ActivityTypes,
  MessageFactory,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { resolveLocale, type SupportedLocale } from '../content/i18n';
import type { SubjectId, TopicId } from '../content/topics';
import { SurveyId } from '../surveys/schema';
import { crisisLinesText, orderCrisisLines } from './crisis/crisisLines';
import { crisisResponse } from './crisis/crisisResponse';
import { SafetyCheckDialog, type SafetyCheckOptions } from './crisis/safetyCheckDialog';
import type { DialogServices } from './deps';
import { fallbackActivity } from './fallback/fallback';
import {
  CONVERSATION_PROFILE_PROPERTY,
  DIALOG_STATE_PROPERTY,
  SAFETY_CHECK_DIALOG,
  SURVEY_DIALOG,
  THRIVE_ROUTING_DIALOG,
  USER_PROFILE_PROPERTY,
} from './ids';
import { languageActions, MENU_PAGES, menuActions, menuChoiceFromText, type MenuChoice } from './menu/menu';
import { openNowReply, signpost } from './signposting/signpost';
import { ThriveRoutingDialog } from './signposting/thriveRoutingDialog';
import type { ConversationProfile, UserProfile } from './state';
import type { StaffToolsFeature } from './staffTools/staffToolsFeature';
import type { SurveyFeature } from './survey/surveyFeature';
import { understandingOf } from './understanding/turnUnderstanding';
import type { Understanding } from './understanding/understand';
import { welcomeActivities } from './welcome/welcome';
import type { WhatChangedFeature } from './whatChanged/whatChangedFeature';

/** Capabilities that live in other folders (surveys, "you said, we did"); optional so signposting stands alone. */
export interface BotExtensions {
  surveys?: SurveyFeature;
  whatChanged?: WhatChangedFeature;
  staffTools?: StaffToolsFeature;
}

interface Turn {
  context: TurnContext;
  locale: SupportedLocale;
  conversation: ConversationProfile;
  user: UserProfile;
}

/** One message on its way through the table: what was typed, what the understanding step made of it, the menu button. */
interface Message extends Turn {
  text: string;
  understood: Understanding;
  choice?: MenuChoice;
  dialogs: DialogContext;
  firstContact: boolean;
}

interface Rule {
  /** What the rule is for, as a reader of this table would say it. */
  name: string;
  applies(message: Message): boolean;
  /** Returns false when, after all, someone further down the table should answer. */
  answer(message: Message): Promise<boolean | void>;
}

/** "I don't want to do a survey" is about surveys, but not a request for one. */
const REFUSAL = /\b(?:don'?t|do not|not|no|never|hate|stop)\b/i;

/** "i'm 22", "im 19 btw": a message this short with an age in it is telling us the age. */
const AGE_ONLY_WORDS = 4;

const NOTHING: Understanding = {
  language: 'en',
  risk: { level: 'none', kinds: [], score: 0, by: 'none' },
  topics: [],
  subjects: [],
  likelyTopics: [],
  needScore: 0,
};

export class CareLeaversBot {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly conversationProfile: StatePropertyAccessor<ConversationProfile>;
  private readonly userProfile: StatePropertyAccessor<UserProfile>;
  private readonly dialogs: DialogSet;

  /**
   * The order of precedence, written once: risk before anything, then words that work anywhere, then whatever
   * dialog is waiting for an answer, then what the message asks for, and never a dead end.
   */
  private readonly rules: Rule[] = [
    {
      name: 'crisis: clear statement, plan, means or act',
      applies: (m) => m.understood.risk.level === 'crisis',
      answer: (m) => this.crisis(m),
    },
    {
      name: 'concern: warning signs, ask if they are safe',
      applies: (m) => m.understood.risk.level === 'concern' && m.dialogs.activeDialog?.id !== SAFETY_CHECK_DIALOG,
      answer: (m) => this.concern(m),
    },
    { name: 'switch language', applies: (m) => m.choice?.kind === 'setLocale', answer: (m) => this.setLocale(m) },
    {
      name: 'more topics',
      applies: (m) => m.choice?.kind === 'more' || m.choice?.kind === 'moreOptions',
      answer: (m) => this.showMenu(m, undefined, m.choice?.kind === 'more' ? 'more' : 'moreOptions'),
    },
    {
      name: 'menu: the word works anywhere, a looser ask outside a dialog',
      applies: (m) => m.choice?.kind === 'menu' || (!m.dialogs.activeDialog && m.understood.command === 'menu'),
      answer: (m) => this.showMenu(m),
    },
    {
      name: 'the dialog waiting for an answer',
      applies: (m) => Boolean(m.dialogs.activeDialog),
      answer: (m) => this.continueDialog(m),
    },
    {
      name: 'first hello (the welcome answered it)',
      applies: (m) => m.firstContact && (m.understood.command === 'greeting' || m.text === ''),
      answer: async () => undefined,
    },
    {
      name: 'staff in Teams',
      applies: () => Boolean(this.extensions.staffTools),
      answer: (m) => this.extensions.staffTools!.handle(m.context, m.text),
    },
    {
      name: 'survey titles, carry on, delete my answers',
      applies: () => Boolean(this.extensions.surveys),
      answer: (m) => this.extensions.surveys!.handleMessage(m.dialogs, m.text, m.locale),
    },
    {
      name: 'language buttons',
      applies: (m) => m.choice?.kind === 'language' || m.understood.command === 'language',
      answer: (m) =>
        this.send(m, MessageFactory.suggestedActions(languageActions(), this.services.t(m.locale, 'language.choose'))),
    },
    {
      name: 'not sure what I need',
      applies: (m) => m.choice?.kind === 'notSure' || m.understood.command === 'notSure',
      answer: (m) => this.beginThrive(m),
    },
    {
      name: 'what changed',
      applies: (m) => m.choice?.kind === 'whatChanged' || m.understood.command === 'whatChanged',
      answer: (m) => this.whatChanged(m),
    },
    {
      name: 'surveys (not when they say they do not want one)',
      applies: (m) => m.choice?.kind === 'surveys' || (m.understood.command === 'surveys' && !REFUSAL.test(m.text)),
      answer: (m) => this.surveys(m),
    },
    {
      name: 'is it open now',
      applies: (m) => m.choice?.kind === 'openNow' || m.understood.command === 'openNow',
      answer: (m) => this.send(m, openNowReply(this.services, m.conversation.lastServiceIds, m.locale)),
    },
    {
      name: 'a topic button',
      applies: (m) => m.choice?.kind === 'topic',
      answer: (m) => this.signpost(m, [(m.choice as { topic: TopicId }).topic]),
    },
    {
      name: 'an age on its own ("I\'m 22")',
      applies: (m) => m.understood.age !== undefined && m.text.split(/\s+/).length <= AGE_ONLY_WORDS,
      answer: (m) => this.ageNoted(m),
    },
    {
      name: 'a need in their own words',
      applies: (m) => m.understood.topics.length > 0,
      answer: (m) => this.signpost(m, m.understood.topics, m.understood.subjects),
    },
    {
      name: 'who or what is this',
      applies: (m) => m.understood.command === 'about',
      answer: (m) => this.showMenu(m, this.services.t(m.locale, 'about.reply')),
    },
    { name: 'can I talk to a person', applies: (m) => m.understood.command === 'human', answer: (m) => this.human(m) },
    {
      name: 'who sees this',
      applies: (m) => m.understood.command === 'privacy',
      answer: (m) => this.send(m, this.services.t(m.locale, 'privacy.reply')),
    },
    {
      name: 'an age with something we could not place',
      applies: (m) => m.understood.age !== undefined,
      answer: (m) => this.ageNoted(m),
    },
    {
      name: 'hello',
      applies: (m) => m.understood.command === 'greeting',
      answer: (m) => this.showMenu(m, this.services.t(m.locale, 'greeting.reply')),
    },
    {
      name: 'thanks',
      applies: (m) => m.understood.command === 'thanks',
      answer: (m) => this.send(m, this.services.t(m.locale, 'thanks.reply')),
    },
    {
      name: 'bye',
      applies: (m) => m.understood.command === 'bye',
      answer: (m) => this.send(m, this.services.t(m.locale, 'bye.reply')),
    },
    {
      name: 'anything else: best guesses, say it another way, urgent help',
      applies: () => true,
      answer: (m) => this.fallback(m),
    },
  ];

  constructor(
    private readonly services: DialogServices,
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly extensions: BotExtensions = {},
  ) {
    this.dialogState = conversationState.createProperty(DIALOG_STATE_PROPERTY);
    this.conversationProfile = conversationState.createProperty(CONVERSATION_PROFILE_PROPERTY);
    this.userProfile = userState.createProperty(USER_PROFILE_PROPERTY);
    this.dialogs = new DialogSet(this.dialogState)
      .add(new ThriveRoutingDialog(services))
      .add(new SafetyCheckDialog(services));
    if (extensions.surveys) this.dialogs.add(extensions.surveys.dialog);
  }

  /**
   * Handles one turn and saves state, so a conversation carries on after a restart.
   * @example adapter.process(req, res, (context) => bot.run(context));
   */
  async run(context: TurnContext): Promise<void> {
    const user = await this.userProfile.get(context, {});
    const conversation = await this.conversationProfile.get(context, {});
    const turn: Turn = { context, conversation, user, locale: resolveLocale(user.locale, context.activity.locale) };
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
    await this.conversationState.saveChanges(context);
    await this.userState.saveChanges(context);
  }

  private async welcomeOnce(turn: Turn): Promise<boolean> {
    if (turn.conversation.welcomed) return false;
    turn.conversation.welcomed = true;
    await turn.context.sendActivities(
      welcomeActivities({ t: this.services.t, lines: this.services.directory.crisisLines(), locale: turn.locale }),
    );
    return true;
  }

  private async onEvent(turn: Turn): Promise<void> {
    const { name, value } = turn.context.activity;
    if (name !== 'startSurvey') return;
    await this.welcomeOnce(turn);
    const surveyId =
      typeof (value as { surveyId?: unknown })?.surveyId === 'string' ? (value as { surveyId: string }).surveyId : '';
    const invite =
      typeof (value as { invite?: unknown })?.invite === 'string'
        ? (value as { invite: string }).invite.slice(0, 64)
        : undefined;
    if (this.extensions.surveys && SurveyId.safeParse(surveyId).success)
      return this.extensions.surveys.start(
        await this.dialogs.createContext(turn.context),
        surveyId,
        turn.locale,
        invite,
      );
    await turn.context.sendActivity(this.services.t(turn.locale, 'survey.notFound'));
  }

  private async onMessage(turn: Turn): Promise<void> {
    const { context } = turn;
    const text = (context.activity.text ?? '').trim();
    const understood = understandingOf(context) ?? NOTHING;
    const dialogs = await this.dialogs.createContext(context);
    const message: Message = {
      ...turn,
      text,
      understood,
      choice: menuChoiceFromText(text),
      dialogs,
      firstContact: false,
    };
    if (understood.risk.level === 'none') {
      message.firstContact = await this.welcomeOnce(turn);
      if (!message.firstContact && this.extensions.whatChanged)
        await this.extensions.whatChanged.announceNews(context, turn.locale, turn.user);
    }
    for (const rule of this.rules) {
      if (!rule.applies(message)) continue;
      if ((await rule.answer(message)) !== false) return;
    }
  }

  private async send(message: Message, activity: Parameters<TurnContext['sendActivity']>[0]): Promise<void> {
    await message.context.sendActivity(activity);
  }

  /** Risk is answered in the language it was written in, whatever the page language. */
  private riskLocale(message: Message): SupportedLocale {
    return message.understood.language === 'ar' ? 'ar' : message.locale;
  }

  /** A survey pauses (answers kept, same question later) so the next message is not taken as an answer. */
  private async pauseSurvey(message: Message, locale: SupportedLocale): Promise<void> {
    if (message.dialogs.activeDialog?.id === SURVEY_DIALOG) {
      await message.dialogs.cancelAllDialogs();
      await message.context.sendActivity(this.services.t(locale, 'survey.crisisPaused'));
    }
  }

  private async crisis(message: Message): Promise<void> {
    const locale = this.riskLocale(message);
    message.conversation.welcomed = true;
    const { t, directory } = this.services;
    await message.context.sendActivities(
      crisisResponse({
        t,
        lines: directory.crisisLines(),
        locale,
        kinds: message.understood.risk.kinds,
        age: message.user.age,
      }),
    );
    await this.pauseSurvey(message, locale);
    // A safety question that was waiting has been answered by this message.
    if (message.dialogs.activeDialog?.id === SAFETY_CHECK_DIALOG) await message.dialogs.cancelAllDialogs();
  }

  private async concern(message: Message): Promise<void> {
    const locale = this.riskLocale(message);
    message.conversation.welcomed = true;
    await this.pauseSurvey(message, locale);
    await message.dialogs.cancelAllDialogs();
    await message.dialogs.beginDialog(SAFETY_CHECK_DIALOG, {
      locale,
      age: message.user.age,
      topics: message.understood.topics,
    } satisfies SafetyCheckOptions);
  }

  private async continueDialog(message: Message): Promise<boolean> {
    const result = await message.dialogs.continueDialog();
    if (result.status === DialogTurnStatus.complete) this.rememberShown(message, result.result);
    return !(result.result as { reroute?: boolean } | undefined)?.reroute;
  }

  private async beginThrive(message: Message): Promise<void> {
    await message.dialogs.beginDialog(THRIVE_ROUTING_DIALOG, { locale: message.locale, age: message.user.age });
  }

  private async whatChanged(message: Message): Promise<void> {
    if (this.extensions.whatChanged)
      return this.extensions.whatChanged.show(message.context, message.locale, message.user);
    await this.send(message, this.services.t(message.locale, 'whatChanged.none'));
  }

  private async surveys(message: Message): Promise<void> {
    if (this.extensions.surveys) return this.extensions.surveys.carryOnOrList(message.dialogs, message.locale);
    await this.send(message, this.services.t(message.locale, 'survey.noneOpen'));
  }

  private async human(message: Message): Promise<void> {
    const { t, directory } = this.services;
    const lines = orderCrisisLines(directory.crisisLines(), ['suicide'], message.user.age).filter(
      (line) => line.id !== 'emergency-999',
    );
    await this.send(message, `${t(message.locale, 'human.reply')}\n\n${crisisLinesText(lines, message.locale)}`);
    await this.signpost(message, ['leaving-care-support']);
  }

  private async ageNoted(message: Message): Promise<void> {
    const age = message.understood.age!;
    message.user.age = age;
    const { t } = this.services;
    await this.send(
      message,
      t(message.locale, age >= 16 && age <= 25 ? 'signpost.ageNoted' : 'signpost.ageOutOfRange', { age }),
    );
    // "I'm 19, what can I get?": the local offer and the leaving care team, or what was shown before, now for this age.
    await this.signpost(
      message,
      message.conversation.lastTopics?.length ? message.conversation.lastTopics : ['leaving-care-support'],
    );
  }

  private async fallback(message: Message): Promise<void> {
    const { t, directory } = this.services;
    await this.send(
      message,
      fallbackActivity({
        t,
        lines: directory.crisisLines(),
        locale: message.locale,
        likelyTopics: message.understood.likelyTopics,
      }),
    );
  }

  private async signpost(message: Message, topics: TopicId[], subjects: SubjectId[] = []): Promise<void> {
    if (message.understood.age !== undefined) message.user.age = message.understood.age;
    const showAgeHint = message.user.age === undefined && !message.conversation.ageHintShown;
    if (showAgeHint) message.conversation.ageHintShown = true;
    const note = showAgeHint ? this.services.t(message.locale, 'signpost.ageHint') : undefined;
    const result = signpost(this.services, { topics, subjects, locale: message.locale, age: message.user.age, note });
    await message.context.sendActivities(result.activities);
    this.rememberShown(message, { shownServiceIds: result.shownServiceIds, topics });
  }

  private rememberShown(turn: Turn, result: unknown): void {
    const shown = result as { shownServiceIds?: string[]; topics?: TopicId[] } | undefined;
    if (shown?.shownServiceIds) turn.conversation.lastServiceIds = shown.shownServiceIds;
    if (shown?.topics) turn.conversation.lastTopics = shown.topics;
  }

  private async setLocale(message: Message): Promise<void> {
    const locale = (message.choice as { locale: SupportedLocale }).locale;
    message.user.locale = locale;
    message.locale = locale;
    await this.showMenu(message, this.services.t(locale, 'language.changed'));
  }

  private async showMenu(message: Message, lead?: string, page: keyof typeof MENU_PAGES = 'main'): Promise<void> {
    const { t } = this.services;
    const surveyPaused = message.dialogs.activeDialog?.id === SURVEY_DIALOG;
    await message.dialogs.cancelAllDialogs();
    const prompt = page === 'main' ? t(message.locale, 'menu.prompt') : t(message.locale, 'menu.morePrompt');
    const leads = [surveyPaused ? t(message.locale, 'survey.pausedByMenu') : undefined, lead, prompt].filter(Boolean);
    await this.send(message, MessageFactory.suggestedActions(menuActions(t, message.locale, page), leads.join('\n\n')));
  }
}
