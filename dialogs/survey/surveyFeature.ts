/**
 * Plugs surveys into the root bot: starting one (event, link, button or title), listing open ones, and deleting
 * answers with a code.
 */
import { ActionTypes, MessageFactory, type TurnContext, type UserState } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { SupportedLocale } from '../../content/i18n';
import type { SurveyCatalogue } from '../../surveys/catalogue';
import { extractDeletionCode } from '../../surveys/pseudonym';
import { createCompletionGuard } from '../../surveys/completionGuard';
import { recentEvents } from '../../surveys/recentEvents';
import type { Invitations } from '../../surveys/invitations';
import type { ResponseStore } from '../../surveys/responses';
import type { SurveyDefinition } from '../../surveys/schema';
import { isResumeWord } from '../controlWords';
import type { DialogServices } from '../deps';
import { SURVEY_DIALOG, SURVEY_PROGRESS_PROPERTY, USER_PROFILE_PROPERTY } from '../ids';
import type { UserProfile } from '../state';
import { normalise } from '../understanding/normalise';
import type { SurveyProgressBook } from './progressBook';
import { SurveyDialog, type SurveyDialogOptions } from './surveyDialog';

const DELETE_WORDS = /\b(?:delete|remove|erase|wipe|get rid of)\b|حذف|احذف|امسح/i;
const CODE_LIKE = /\b[a-z]+(?:[\s-]+[a-z]+){1,3}[\s-]+\d{1,3}\b/i;
const ABOUT_ANSWERS = /\b(?:answers?|responses?|survey|data|what i said)\b|إجابات|اجابات|إجاباتي|اجاباتي/i;

/**
 * Wrong deletion codes are limited, so codes cannot be guessed: 5 an hour in one conversation, 30 a minute in all.
 * @example const guesses = deletionGuessLimit(Date.now); guesses.failed('c1'); guesses.blocked('c1') // false
 */
export function deletionGuessLimit(now: () => number, limits = { perConversationHour: 5, everyoneMinute: 30 }) {
  const byConversation = recentEvents(now, 3_600_000);
  const everyone = recentEvents(now, 60_000, 1);
  return {
    blocked: (conversation: string): boolean =>
      everyone.times('').length >= limits.everyoneMinute ||
      byConversation.times(conversation).length >= limits.perConversationHour,
    failed(conversation: string): void {
      everyone.add('');
      byConversation.add(conversation);
    },
  };
}

export interface SurveyFeature {
  dialog: SurveyDialog;
  start(dc: DialogContext, surveyId: string, locale: SupportedLocale, invite?: string): Promise<void>;
  list(context: TurnContext, locale: SupportedLocale): Promise<void>;
  /** Surveys this person started and paused, still open. */
  paused(context: TurnContext): Promise<SurveyDefinition[]>;
  /** "survey": with exactly one survey paused, carry on with it; otherwise list the open ones. */
  carryOnOrList(dc: DialogContext, locale: SupportedLocale): Promise<void>;
  /** Handles survey messages outside the dialog (a tapped survey title, "delete <code>"); true when handled. */
  handleMessage(dc: DialogContext, text: string, locale: SupportedLocale): Promise<boolean>;
}

/**
 * @example const surveys = createSurveyFeature({ services, catalogue, responses, userState });
 */
export function createSurveyFeature(deps: {
  services: DialogServices;
  catalogue: SurveyCatalogue;
  responses: ResponseStore;
  userState: UserState;
  invitations?: Invitations;
}): SurveyFeature {
  const progress = deps.userState.createProperty<SurveyProgressBook>(SURVEY_PROGRESS_PROPERTY);
  const userProfile = deps.userState.createProperty<UserProfile>(USER_PROFILE_PROPERTY);
  const dialog = new SurveyDialog({
    services: deps.services,
    catalogue: deps.catalogue,
    responses: deps.responses,
    progress,
    userProfile,
    invitations: deps.invitations,
    completions: createCompletionGuard(() => deps.services.clock().getTime()),
  });
  const { t } = deps.services;
  const guesses = deletionGuessLimit(() => deps.services.clock().getTime());

  const start = async (dc: DialogContext, surveyId: string, locale: SupportedLocale, invite?: string) => {
    await dc.cancelAllDialogs();
    await dc.beginDialog(SURVEY_DIALOG, {
      surveyId,
      locale,
      ...(invite ? { invite } : {}),
    } satisfies SurveyDialogOptions);
  };

  const pausedSurveys = async (context: TurnContext) => {
    const started = await progress.get(context, {});
    return (await deps.catalogue.listOpen()).filter((survey) => started[survey.id]?.currentId);
  };

  const feature: SurveyFeature = {
    dialog,
    start,
    paused: pausedSurveys,
    async carryOnOrList(dc, locale) {
      const paused = await pausedSurveys(dc.context);
      if (paused.length === 1) return start(dc, paused[0].id, locale);
      return feature.list(dc.context, locale);
    },
    async list(context, locale) {
      const open = await deps.catalogue.listOpen();
      if (open.length === 0) {
        await context.sendActivity(t(locale, 'survey.noneOpen'));
        return;
      }
      const started = await progress.get(context, {});
      const ordered = [...open].sort((a, b) => Number(Boolean(started[b.id])) - Number(Boolean(started[a.id])));
      const buttons = ordered.map((survey) => ({
        type: ActionTypes.ImBack,
        title: survey.title[locale],
        value: survey.title[locale],
      }));
      await context.sendActivity(
        MessageFactory.suggestedActions(
          [...buttons, { type: ActionTypes.ImBack, title: t(locale, 'menu.menu'), value: t(locale, 'menu.menu') }],
          t(locale, 'survey.listIntro'),
        ),
      );
    },
    async handleMessage(dc, text, locale) {
      const code = extractDeletionCode(text);
      if (code && (DELETE_WORDS.test(text) || normalise(text).split(' ').length <= 6)) {
        const conversation = dc.context.activity.conversation?.id ?? '';
        if (guesses.blocked(conversation)) {
          await dc.context.sendActivity(t(locale, 'survey.deleteWait'));
          return true;
        }
        const deleted = await deps.responses.deleteByCode(code);
        if (!deleted) guesses.failed(conversation);
        await dc.context.sendActivity(t(locale, deleted ? 'survey.deleted' : 'survey.deleteNotFound'));
        return true;
      }
      // "delete banana-split-00": meant as a code, but not one of ours; say what a code looks like.
      if (DELETE_WORDS.test(text) && (ABOUT_ANSWERS.test(text) || CODE_LIKE.test(text))) {
        await dc.context.sendActivity(t(locale, CODE_LIKE.test(text) ? 'survey.notACode' : 'survey.deleteHow'));
        return true;
      }
      const folded = normalise(text);
      if (!folded) return false;
      if (isResumeWord(folded)) {
        // "carry on": with exactly one survey paused, go straight back to it; otherwise the list decides.
        const paused = await pausedSurveys(dc.context);
        if (paused.length === 1) {
          await start(dc, paused[0].id, locale);
          return true;
        }
      }
      const chosen = (await deps.catalogue.listOpen()).find((survey) =>
        [survey.title['en-GB'], survey.title.ar].some((title) => normalise(title) === folded),
      );
      if (!chosen) return false;
      await start(dc, chosen.id, locale);
      return true;
    },
  };
  return feature;
}
