/** The root of every turn: crisis check first, then global commands, then the active dialog, then signposting. */
import { ActivityTypes, MessageFactory, type ConversationState, type StatePropertyAccessor, type TurnContext, type UserState } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import { resolveLocale, type SupportedLocale } from '../content/i18n';
import type { TopicId } from '../content/topics';
import { SurveyId } from '../surveys/schema';
import { crisisResponse } from './crisis/crisisResponse';
import { RISK_ASSESSMENT_KEY } from './crisis/riskCheck';
import { detectRisk, type RiskAssessment } from './crisis/riskDetector';
import type { DialogServices } from './deps';
import { CONVERSATION_PROFILE_PROPERTY, DIALOG_STATE_PROPERTY, SURVEY_DIALOG, THRIVE_ROUTING_DIALOG, USER_PROFILE_PROPERTY } from './ids';
import { languageActions, menuActions, menuChoiceFromText, type MenuChoice } from './menu/menu';
import { recogniseNeeds } from './signposting/needRecogniser';
import { openNowReply, signpost } from './signposting/signpost';
import { ThriveRoutingDialog } from './signposting/thriveRoutingDialog';
import type { ConversationProfile, UserProfile } from './state';
import { asksIfOpenNow, extractAge } from './understanding/ageAndTime';
import { recogniseCommand, recogniseLooseIntent } from './understanding/commands';
import { welcomeActivities } from './welcome/welcome';
import type { SurveyFeature } from './survey/surveyFeature';
import type { WhatChangedFeature } from './whatChanged/whatChangedFeature';
import type { StaffToolsFeature } from './staffTools/staffToolsFeature';

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

export class CareLeaversBot {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly conversationProfile: StatePropertyAccessor<ConversationProfile>;
  private readonly userProfile: StatePropertyAccessor<UserProfile>;
  private readonly dialogs: DialogSet;

  constructor(
    private readonly services: DialogServices,
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly extensions: BotExtensions = {},
  ) {
    this.dialogState = conversationState.createProperty(DIALOG_STATE_PROPERTY);
    this.conversationProfile = conversationState.createProperty(CONVERSATION_PROFILE_PROPERTY);
    this.userProfile = userState.createProperty(USER_PROFILE_PROPERTY);
    this.dialogs = new DialogSet(this.dialogState).add(new ThriveRoutingDialog(services));
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
        if ((context.activity.membersAdded ?? []).some((member) => member.id !== context.activity.recipient?.id)) await this.welcomeOnce(turn);
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
    await turn.context.sendActivities(welcomeActivities({ t: this.services.t, lines: this.services.directory.crisisLines(), locale: turn.locale }));
    return true;
  }

  private async onEvent(turn: Turn): Promise<void> {
    const { name, value } = turn.context.activity;
    if (name !== 'startSurvey') return;
    await this.welcomeOnce(turn);
    const surveyId = typeof (value as { surveyId?: unknown })?.surveyId === 'string' ? (value as { surveyId: string }).surveyId : '';
    if (this.extensions.surveys && SurveyId.safeParse(surveyId).success) return this.extensions.surveys.start(await this.dialogs.createContext(turn.context), surveyId, turn.locale);
    await turn.context.sendActivity(this.services.t(turn.locale, 'survey.notFound'));
  }

  private async onMessage(turn: Turn): Promise<void> {
    const { context } = turn;
    const text = (context.activity.text ?? '').trim();
    // Safety first: risk is checked before anything else, whatever dialog is active.
    const checked = context.turnState.get(RISK_ASSESSMENT_KEY) as RiskAssessment | null | undefined;
    const risk = checked === undefined ? detectRisk(text) : checked;
    if (risk) {
      turn.conversation.welcomed = true;
      await context.sendActivities(crisisResponse({ t: this.services.t, lines: this.services.directory.crisisLines(), locale: turn.locale, kinds: risk.kinds, age: turn.user.age }));
      // A survey pauses (answers kept, same question later) so the next message is not taken as an answer;
      // the short routing dialog waits where it was, so "yes, I'm safe" carries on.
      const dialogContext = await this.dialogs.createContext(context);
      if (dialogContext.activeDialog?.id === SURVEY_DIALOG) {
        await dialogContext.cancelAllDialogs();
        await context.sendActivity(this.services.t(turn.locale, 'survey.crisisPaused'));
      }
      return;
    }
    const firstContact = await this.welcomeOnce(turn);
    const choice = menuChoiceFromText(text);
    if (choice?.kind === 'setLocale') return this.setLocale(turn, choice.locale);
    const command = recogniseCommand(text);
    if (command === 'menu' || choice?.kind === 'menu') return this.showMenu(turn);

    if (!firstContact && this.extensions.whatChanged) await this.extensions.whatChanged.announceNews(context, turn.locale, turn.user);
    const dialogContext = await this.dialogs.createContext(context);
    if (dialogContext.activeDialog) {
      const result = await dialogContext.continueDialog();
      if (result.status === DialogTurnStatus.complete) this.rememberShown(turn, result.result);
      if (!(result.result as { reroute?: boolean } | undefined)?.reroute) return;
    }
    if (firstContact && (command === 'greeting' || text === '')) return;
    if (this.extensions.staffTools && (await this.extensions.staffTools.handle(context, text))) return;
    if (this.extensions.surveys && (await this.extensions.surveys.handleMessage(dialogContext, text, turn.locale))) return;
    await this.route(turn, text, choice, command);
  }

  private async route(turn: Turn, text: string, choice: MenuChoice | undefined, command: ReturnType<typeof recogniseCommand>): Promise<void> {
    const { context, locale } = turn;
    const t = this.services.t;
    if (choice?.kind === 'language' || command === 'language') {
      await context.sendActivity(MessageFactory.suggestedActions(languageActions(), t(locale, 'language.choose')));
      return;
    }
    if (choice?.kind === 'notSure' || command === 'notSure') {
      const dialogContext = await this.dialogs.createContext(context);
      await dialogContext.beginDialog(THRIVE_ROUTING_DIALOG, { locale, age: turn.user.age });
      return;
    }
    if (choice?.kind === 'whatChanged' || command === 'whatChanged') {
      if (this.extensions.whatChanged) return this.extensions.whatChanged.show(context, locale, turn.user);
      await context.sendActivity(t(locale, 'whatChanged.none'));
      return;
    }
    if (choice?.kind === 'surveys' || command === 'surveys') {
      if (this.extensions.surveys) return this.extensions.surveys.list(context, locale);
      await context.sendActivity(t(locale, 'survey.noneOpen'));
      return;
    }
    if (choice?.kind === 'openNow' || asksIfOpenNow(text)) {
      await context.sendActivity(openNowReply(this.services, turn.conversation.lastServiceIds, locale));
      return;
    }
    const age = extractAge(text);
    const ageChanged = age !== undefined && age !== turn.user.age;
    if (age !== undefined) turn.user.age = age;
    const topics: TopicId[] = choice?.kind === 'topic' ? [choice.topic] : recogniseNeeds(text).slice(0, 2).map((match) => match.topic);
    if (topics.length > 0) return this.signpost(turn, topics);
    const loose = recogniseLooseIntent(text);
    if (loose === 'surveys' && this.extensions.surveys) return this.extensions.surveys.list(context, locale);
    if (loose === 'whatChanged' && this.extensions.whatChanged) return this.extensions.whatChanged.show(context, locale, turn.user);
    if (ageChanged && age !== undefined) {
      const inRange = age >= 16 && age <= 25;
      await context.sendActivity(t(locale, inRange ? 'signpost.ageNoted' : 'signpost.ageOutOfRange', { age }));
      if (turn.conversation.lastTopics?.length) await this.signpost(turn, turn.conversation.lastTopics);
      return;
    }
    if (command === 'greeting') return this.showMenu(turn, t(locale, 'greeting.reply'));
    if (command === 'thanks') {
      await context.sendActivity(t(locale, 'thanks.reply'));
      return;
    }
    await this.showMenu(turn, t(locale, 'fallback.notSure'));
  }

  private async signpost(turn: Turn, topics: TopicId[]): Promise<void> {
    const showAgeHint = turn.user.age === undefined && !turn.conversation.ageHintShown;
    if (showAgeHint) turn.conversation.ageHintShown = true;
    const note = showAgeHint ? this.services.t(turn.locale, 'signpost.ageHint') : undefined;
    const result = signpost(this.services, { topics, locale: turn.locale, age: turn.user.age, note });
    await turn.context.sendActivities(result.activities);
    this.rememberShown(turn, { shownServiceIds: result.shownServiceIds, topics });
  }

  private rememberShown(turn: Turn, result: unknown): void {
    const shown = result as { shownServiceIds?: string[]; topics?: TopicId[] } | undefined;
    if (shown?.shownServiceIds) turn.conversation.lastServiceIds = shown.shownServiceIds;
    if (shown?.topics) turn.conversation.lastTopics = shown.topics;
  }

  private async setLocale(turn: Turn, locale: SupportedLocale): Promise<void> {
    turn.user.locale = locale;
    turn.locale = locale;
    await this.showMenu(turn, this.services.t(locale, 'language.changed'));
  }

  private async showMenu(turn: Turn, lead?: string): Promise<void> {
    const { t } = this.services;
    const dialogContext = await this.dialogs.createContext(turn.context);
    const surveyPaused = dialogContext.activeDialog?.id === SURVEY_DIALOG;
    await dialogContext.cancelAllDialogs();
    const leads = [surveyPaused ? t(turn.locale, 'survey.pausedByMenu') : undefined, lead, t(turn.locale, 'menu.prompt')].filter(Boolean);
    const prompt = leads.join('\n\n');
    await turn.context.sendActivity(MessageFactory.suggestedActions(menuActions(t, turn.locale), prompt));
  }
}
