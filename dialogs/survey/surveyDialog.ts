/** A survey in chat: consent first, one question per turn, skip/back/pause, then thanks, a deletion code and a check-in. */
import { ActionTypes, MessageFactory, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { SupportedLocale } from '../../content/i18n';
import type { SurveyCatalogue } from '../../surveys/catalogue';
import type { CompletionGuard } from '../../surveys/completionGuard';
import type { Invitations } from '../../surveys/invitations';
import {
  finalAnswers,
  goBack,
  profileOf,
  progressOf,
  questionById,
  recordAnswer,
  startProgress,
  type SurveyProgress,
} from '../../surveys/engine';
import type { ResponseStore } from '../../surveys/responses';
import type { Question, SurveyDefinition, Theme } from '../../surveys/schema';
import type { TopicId } from '../../content/topics';
import type { DialogServices } from '../deps';
import { SURVEY_DIALOG } from '../ids';
import { normalise } from '../understanding/normalise';
import { understandingOf } from '../understanding/turnUnderstanding';
import { signpost } from '../signposting/signpost';
import type { UserProfile } from '../state';
import { controlWord, parseAnswer, yesOrNo, type ParsedAnswer } from './answerParser';
import { questionActivity, remainingChoicesActivity } from './questionPrompt';

/** Progress per survey id, kept in user state. */
export type SurveyProgressBook = Record<string, SurveyProgress>;

export interface SurveyDialogOptions {
  surveyId: string;
  locale: SupportedLocale;
  /** An invitation code from the link (`/?survey=<id>&invite=<code>`). */
  invite?: string;
}

interface SurveyDialogState {
  surveyId: string;
  locale: SupportedLocale;
  stage: 'consent' | 'question' | 'checkIn';
  invite?: string;
}

export interface SurveyDialogDeps {
  services: DialogServices;
  catalogue: SurveyCatalogue;
  responses: ResponseStore;
  progress: StatePropertyAccessor<SurveyProgressBook>;
  userProfile: StatePropertyAccessor<UserProfile>;
  /** Single-use codes for invite-only surveys; without it every survey is open to anyone with the link. */
  invitations?: Invitations;
  /** Watches completions per device or network on open-link surveys. */
  completions?: CompletionGuard;
}

const imBack = (title: string) => ({ type: ActionTypes.ImBack, title, value: title });

export class SurveyDialog extends Dialog<SurveyDialogOptions> {
  constructor(private readonly deps: SurveyDialogDeps) {
    super(SURVEY_DIALOG);
  }

  private t(state: { locale: SupportedLocale }, key: string, options?: Record<string, unknown>): string {
    return this.deps.services.t(state.locale, key, options);
  }

  override async beginDialog(dc: DialogContext, options?: SurveyDialogOptions): Promise<DialogTurnResult> {
    if (!options) return dc.endDialog();
    const survey = await this.deps.catalogue.openSurvey(options.surveyId);
    const state: SurveyDialogState = { surveyId: options.surveyId, locale: options.locale, stage: 'consent' };
    if (!survey) {
      await dc.context.sendActivity(this.t(state, 'survey.notFound'));
      return dc.endDialog();
    }
    dc.activeDialog!.state = state;
    const book = await this.deps.progress.get(dc.context, {});
    const saved = book[survey.id];
    // An invite-only survey: a person needs a code that is not used up yet (the one they started with counts).
    if (this.deps.invitations && (await this.deps.catalogue.get(survey.id))?.inviteOnly) {
      state.invite = options.invite ?? saved?.invite;
      const invitation = await this.deps.invitations.check(survey.id, state.invite);
      if (invitation !== 'ok') {
        await dc.context.sendActivity(
          this.t(state, invitation === 'used' ? 'survey.inviteUsed' : 'survey.inviteNeeded'),
        );
        return dc.endDialog();
      }
    }
    if (saved && saved.version === survey.version && saved.currentId) {
      state.stage = 'question';
      await this.ask(dc.context, state, survey, saved, this.t(state, 'survey.resumed'));
      return Dialog.EndOfTurn;
    }
    const lead = (await this.deps.responses.hasAnswered(survey.id, who(dc.context)))
      ? `\n\n${this.t(state, 'survey.alreadyAnswered')}`
      : '';
    await dc.context.sendActivity(`**${survey.title[state.locale]}**\n\n${survey.intro[state.locale]}${lead}`);
    await dc.context.sendActivity(
      MessageFactory.suggestedActions(
        [imBack(this.t(state, 'survey.consentYes')), imBack(this.t(state, 'survey.consentNo'))],
        survey.consent[state.locale],
      ),
    );
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as SurveyDialogState;
    const text = dc.context.activity.text ?? '';
    if (state.stage === 'checkIn') return this.checkIn(dc, state, text);
    const survey = await this.deps.catalogue.get(state.surveyId).then((record) => record?.definition);
    if (!survey) {
      await dc.context.sendActivity(this.t(state, 'survey.notFound'));
      return dc.endDialog();
    }
    if (state.stage === 'consent') return this.consent(dc, state, survey, text);
    const book = await this.deps.progress.get(dc.context, {});
    const progress = book[survey.id];
    const question = questionById(survey, progress?.currentId);
    if (!progress || !question) return dc.endDialog();
    return this.answer(dc, state, survey, progress, question, parseAnswer(question, text, state.locale));
  }

  private async consent(
    dc: DialogContext,
    state: SurveyDialogState,
    survey: SurveyDefinition,
    text: string,
  ): Promise<DialogTurnResult> {
    const folded = text.trim().toLowerCase();
    const words = normalise(text);
    const saidYes =
      folded === this.t(state, 'survey.consentYes').toLowerCase() ||
      /^(?:start|go|let us|lets|begin|okay|fine|alright|sound|why not|do it|ready|happy|yes please)\b/.test(words) ||
      yesOrNo(text) === 'yes';
    const saidNo =
      folded === this.t(state, 'survey.consentNo').toLowerCase() ||
      yesOrNo(text) === 'no' ||
      controlWord(text) === 'pause';
    if (saidNo) {
      await dc.context.sendActivity(this.t(state, 'survey.consentDeclined'));
      return dc.endDialog();
    }
    if (!saidYes) {
      // Not a yes or a no: they are doing something else ("what changed?", a need), so let the rest of the bot answer.
      if (words.split(' ').length > 2 || (understandingOf(dc.context)?.topics.length ?? 0) > 0)
        return dc.endDialog({ reroute: true });
      await dc.context.sendActivity(
        MessageFactory.suggestedActions(
          [imBack(this.t(state, 'survey.consentYes')), imBack(this.t(state, 'survey.consentNo'))],
          this.t(state, 'survey.consentReprompt'),
        ),
      );
      return Dialog.EndOfTurn;
    }
    const progress: SurveyProgress = {
      ...startProgress(survey, this.deps.services.clock()),
      ...(state.invite ? { invite: state.invite } : {}),
    };
    await this.saveProgress(dc.context, progress);
    state.stage = 'question';
    await this.ask(dc.context, state, survey, progress);
    return Dialog.EndOfTurn;
  }

  private async answer(
    dc: DialogContext,
    state: SurveyDialogState,
    survey: SurveyDefinition,
    progress: SurveyProgress,
    question: Question,
    parsed: ParsedAnswer,
  ): Promise<DialogTurnResult> {
    switch (parsed.kind) {
      case 'pause': {
        const { n } = progressOf(survey, progress.answers, question.id);
        await dc.context.sendActivity(this.t(state, 'survey.paused', { n }));
        return dc.endDialog({ paused: true });
      }
      case 'back': {
        if (progress.answers.length === 0)
          return this.askAgain(dc, state, survey, progress, this.t(state, 'survey.firstQuestion'));
        const previous = goBack(survey, progress);
        await this.saveProgress(dc.context, previous);
        await this.ask(dc.context, state, survey, previous);
        return Dialog.EndOfTurn;
      }
      case 'skip':
        return this.advance(dc, state, survey, recordAnswer(survey, progress, { q: question.id, skipped: true }));
      case 'answer': {
        const value =
          question.type === 'multipleChoice' && Array.isArray(parsed.value)
            ? [...new Set([...(progress.pending ?? []), ...parsed.value])]
            : parsed.value;
        return this.advance(dc, state, survey, recordAnswer(survey, progress, { q: question.id, v: value }));
      }
      case 'pick': {
        if (question.type !== 'multipleChoice') return this.askAgain(dc, state, survey, progress);
        const exclusive = new Set(question.choices.filter((choice) => choice.exclusive).map((choice) => choice.id));
        if (exclusive.has(parsed.choiceId))
          return this.advance(
            dc,
            state,
            survey,
            recordAnswer(survey, progress, { q: question.id, v: [parsed.choiceId] }),
          );
        const pending = [...new Set([...(progress.pending ?? []).filter((id) => !exclusive.has(id)), parsed.choiceId])];
        await this.saveProgress(dc.context, { ...progress, pending, misses: 0 });
        await dc.context.sendActivity(
          remainingChoicesActivity({
            choices: question.choices,
            picked: pending,
            locale: state.locale,
            t: this.deps.services.t,
            canGoBack: progress.answers.length > 0,
          }),
        );
        return Dialog.EndOfTurn;
      }
      case 'done': {
        if (!progress.pending?.length)
          return this.askAgain(dc, state, survey, progress, this.t(state, 'survey.pickFirst'));
        return this.advance(dc, state, survey, recordAnswer(survey, progress, { q: question.id, v: progress.pending }));
      }
      case 'unclear': {
        // Someone asking for help mid-survey ("where can I get food?") is not answering: pause and help them.
        if (parsed.reason === 'notUnderstood' && asksForHelp(dc.context, question)) {
          const { n } = progressOf(survey, progress.answers, question.id);
          await dc.context.sendActivity(this.t(state, 'survey.pausedForHelp', { n }));
          return dc.endDialog({ paused: true, reroute: true });
        }
        // "Who sees this?" deserves an answer, not a re-prompt.
        if (ASKS_ABOUT_PRIVACY.test(dc.context.activity.text ?? ''))
          return this.askAgain(dc, state, survey, progress, this.t(state, 'survey.privacy'));
        const misses = (progress.misses ?? 0) + 1;
        await this.saveProgress(dc.context, { ...progress, misses });
        const range =
          question.type === 'scale' || question.type === 'number'
            ? { min: question.min, max: question.max }
            : question.type === 'freeText'
              ? { max: question.maxLength }
              : {};
        const key =
          parsed.reason === 'outOfRange'
            ? 'survey.outOfRange'
            : parsed.reason === 'tooLong'
              ? 'survey.tooLong'
              : misses > 1
                ? 'survey.unclearAgain'
                : 'survey.unclear';
        return this.askAgain(dc, state, survey, { ...progress, misses }, this.t(state, key, range));
      }
    }
  }

  private async askAgain(
    dc: DialogContext,
    state: SurveyDialogState,
    survey: SurveyDefinition,
    progress: SurveyProgress,
    lead?: string,
  ): Promise<DialogTurnResult> {
    await this.ask(dc.context, state, survey, progress, lead);
    return Dialog.EndOfTurn;
  }

  private async advance(
    dc: DialogContext,
    state: SurveyDialogState,
    survey: SurveyDefinition,
    progress: SurveyProgress,
  ): Promise<DialogTurnResult> {
    if (progress.currentId) {
      await this.saveProgress(dc.context, progress);
      await this.ask(dc.context, state, survey, progress);
      return Dialog.EndOfTurn;
    }
    return this.finish(dc, state, survey, progress);
  }

  private async finish(
    dc: DialogContext,
    state: SurveyDialogState,
    survey: SurveyDefinition,
    progress: SurveyProgress,
  ): Promise<DialogTurnResult> {
    const answers = finalAnswers(survey, progress.answers);
    const invite = progress.invite ?? state.invite;
    const inviteOnly = Boolean(this.deps.invitations && (await this.deps.catalogue.get(survey.id))?.inviteOnly);
    // One completion per code: the code is used up before the answers are saved, and given back if saving fails.
    if (inviteOnly && !(await this.deps.invitations!.claim(survey.id, invite))) {
      await this.saveProgress(dc.context, undefined, survey.id);
      await dc.context.sendActivity(this.t(state, 'survey.inviteUsed'));
      return dc.endDialog();
    }
    // On an open link, one device or network finishing again and again is refused after a while, and flagged sooner.
    const clientKey = inviteOnly ? undefined : clientKeyOf(dc.context);
    const verdict = this.deps.completions?.check(survey.id, clientKey) ?? { refuse: false, burst: false };
    if (verdict.refuse) {
      await this.saveProgress(dc.context, undefined, survey.id);
      await dc.context.sendActivity(this.t(state, 'survey.tooManyFromHere'));
      return dc.endDialog();
    }
    let deletionCode: string;
    try {
      ({ deletionCode } = await this.deps.responses.saveFromChat(
        { surveyId: survey.id, surveyVersion: survey.version, answers, ...profileOf(survey, answers) },
        who(dc.context),
        { burst: verdict.burst },
      ));
      this.deps.completions?.completed(survey.id, clientKey);
    } catch {
      if (inviteOnly && invite) await this.deps.invitations!.release(survey.id, invite).catch(() => undefined);
      // The answers stay in user state at the last question, so nothing is lost; the person can try again.
      await this.saveProgress(dc.context, goBack(survey, progress));
      await dc.context.sendActivity(this.t(state, 'survey.saveFailed'));
      return dc.endDialog();
    }
    await this.saveProgress(dc.context, undefined, survey.id);
    const user = await this.deps.userProfile.get(dc.context, {});
    const now = this.deps.services.clock().toISOString();
    user.answered = { ...(user.answered ?? {}), [survey.id]: now.slice(0, 10) };
    user.actionsSeenAt ??= now;
    await dc.context.sendActivity(`${this.t(state, 'survey.thanks')}\n\n${survey.nextSteps[state.locale]}`);
    await dc.context.sendActivity(this.t(state, 'survey.deletionCode', { code: deletionCode }));
    await dc.context.sendActivity(
      MessageFactory.suggestedActions(
        ['survey.feelOk', 'survey.feelNotGreat', 'survey.feelSupport'].map((key) => imBack(this.t(state, key))),
        this.t(state, 'survey.checkIn'),
      ),
    );
    state.stage = 'checkIn';
    return Dialog.EndOfTurn;
  }

  private async checkIn(dc: DialogContext, state: SurveyDialogState, text: string): Promise<DialogTurnResult> {
    const folded = text.trim().toLowerCase();
    const isLabel = (key: string) => folded === this.t(state, key).toLowerCase();
    const okWords = /^(?:i'?m |im )?(?:ok|okay|fine|good|great|alright|not bad|all good|yeah|yes|grand|sound)\b/;
    const lowWords =
      /\b(?:not (?:great|good|ok|okay|fine)|bad|sad|low|rubbish|upset|down|meh|worse|awful|shit|crap|support|help|talk)\b|لست بخير|دعم|حزين/;
    if (isLabel('survey.feelSupport') || isLabel('survey.feelNotGreat') || lowWords.test(folded)) {
      const user = await this.deps.userProfile.get(dc.context, {});
      const result = signpost(this.deps.services, {
        topics: ['feeling-low', 'someone-to-talk-to'],
        locale: state.locale,
        age: user.age,
        intro: this.t(state, 'survey.checkInSupport'),
      });
      await dc.context.sendActivities(result.activities);
      return dc.endDialog({ shownServiceIds: result.shownServiceIds, topics: ['feeling-low', 'someone-to-talk-to'] });
    }
    if (isLabel('survey.feelOk') || okWords.test(folded)) {
      await dc.context.sendActivity(this.t(state, 'survey.checkInOk'));
      return dc.endDialog();
    }
    // Anything else is a new message for the rest of the bot (a question, a need).
    return dc.endDialog({ reroute: true });
  }

  private async ask(
    context: TurnContext,
    state: SurveyDialogState,
    survey: SurveyDefinition,
    progress: SurveyProgress,
    lead?: string,
  ): Promise<void> {
    const question = questionById(survey, progress.currentId);
    if (!question) return;
    await context.sendActivity(
      questionActivity({
        survey,
        question,
        answers: progress.answers,
        locale: state.locale,
        t: this.deps.services.t,
        lead,
      }),
    );
  }

  private async saveProgress(
    context: TurnContext,
    progress: SurveyProgress | undefined,
    surveyId = progress?.surveyId,
  ): Promise<void> {
    if (!surveyId) return;
    const book = await this.deps.progress.get(context, {});
    if (progress) book[surveyId] = progress;
    else delete book[surveyId];
    await this.deps.progress.set(context, book);
  }
}

const ASKS_ABOUT_PRIVACY =
  /\b(?:who (?:will |can |gets to )?(?:see|sees|read|reads)|anonymous|anon|confidential|private|will (?:anyone|anybody|they|my pa|staff) (?:know|see|find out)|do you know who i am|what happens to (?:my )?answers|where does (?:this|it) go)\b|من يرى|سري/i;

const HELP_CUE = /\b(?:help|need|where|how|can i|can you|can someone|who do i|what do i do)\b|\?/i;
/** Things asked of the bot itself that a survey answer never is. */
const ASKS_THE_BOT = new Set(['whatChanged', 'about', 'human', 'menu', 'notSure']);
/** The need a question's theme is about: "my pa is rubbish" answers a question about the PA, it does not ask for help. */
const THEME_TOPIC: Partial<Record<Theme, TopicId>> = {
  health: 'health',
  housing: 'housing',
  'my PA': 'leaving-care-support',
  money: 'money',
  'education and work': 'education-work',
  'being heard': 'someone-to-talk-to',
  wellbeing: 'feeling-low',
};
/** How sure the needs model must be that a statement with no question in it is a need, not an answer. */
const CLEAR_NEED = 0.9;

/**
 * Not an answer but a need ("been smoking loads of weed", "where can I get help with rent?") or a question for the
 * bot ("what changed?"): the survey pauses and the rest of the bot answers.
 */
function asksForHelp(context: TurnContext, question: Question): boolean {
  const understood = understandingOf(context);
  if (!understood) return false;
  if (understood.command && ASKS_THE_BOT.has(understood.command)) return true;
  if (understood.topics.length === 0) return false;
  if (HELP_CUE.test(context.activity.text ?? '')) return true;
  return understood.topics[0] !== THEME_TOPIC[question.theme] && understood.needScore >= CLEAR_NEED;
}

/** The channel and user a turn comes from: only ever hashed into a pseudonym, never stored. */
/** The keyed hash of the sender's address that our Direct Line endpoint puts on web chat activities. */
function clientKeyOf(context: TurnContext): string | undefined {
  const key = (context.activity.channelData as { clientKey?: unknown } | undefined)?.clientKey;
  return context.activity.channelId === 'webchat' && typeof key === 'string' ? key : undefined;
}

export function who(context: TurnContext): { channelId: string; userId: string } {
  return {
    channelId: context.activity.channelId ?? 'unknown',
    userId: context.activity.from?.aadObjectId ?? context.activity.from?.id ?? 'unknown',
  };
}
