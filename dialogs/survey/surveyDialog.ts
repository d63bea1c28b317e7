/** A survey in chat: consent, one question per turn, skip/back/pause, then thanks, a deletion code and a check-in. */
import { ActionTypes, MessageFactory, type TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../dialogsLibrary';
import type { SupportedLocale } from '../../content/i18n';
import type { SurveyCatalogue } from '../../surveys/catalogue';
import {
  goBack,
  progressOf,
  questionById,
  recordAnswer,
  startProgress,
  type SurveyProgress,
} from '../../surveys/engine';
import type { AnswerValue, Question, SurveyDefinition } from '../../surveys/schema';
import type { TopicId } from '../../content/topics';
import type { DialogServices } from '../deps';
import { ENDED, REROUTED, signposted, type Ended, type Rerouted, type Signposted } from '../dialogResults';
import { SURVEY_DIALOG } from '../ids';
import { understandingOf } from '../understanding/turnUnderstanding';
import { signpost } from '../signposting/signpost';
import { parseAnswer, type ParsedAnswer } from './answerParser';
import { consentActivity, readConsent } from './consent';
import { CHECK_IN_KEYS, readCheckIn } from './checkIn';
import { asksAboutPrivacy, asksForHelp } from './notAnAnswer';
import { saveProgress } from './progressBook';
import { questionActivity, remainingChoicesActivity, unclearLead } from './questionPrompt';
import { saveCompletion, who, type CompletionDeps } from './surveyCompletion';

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

export interface SurveyDialogDeps extends Omit<CompletionDeps, 'clock'> {
  services: DialogServices;
  catalogue: SurveyCatalogue;
}

/** How a survey ends: answered or declined, paused by its own control word, rerouted, or services shown. */
export type SurveyDialogResult = Ended | { kind: 'paused' } | Rerouted | Signposted;

/** The survey a turn is about, with the dialog's state: passed between the steps of one turn. */
interface SurveyTurn {
  dc: DialogContext;
  state: SurveyDialogState;
  survey: SurveyDefinition;
}

const imBack = (title: string) => ({ type: ActionTypes.ImBack, title, value: title });

export class SurveyDialog extends Dialog<SurveyDialogOptions> {
  constructor(private readonly deps: SurveyDialogDeps) {
    super(SURVEY_DIALOG);
  }

  private t(state: { locale: SupportedLocale }, key: string, options?: Record<string, unknown>): string {
    return this.deps.services.t(state.locale, key, options);
  }

  /** Every way out of the survey goes through here, so the root gets a result it can switch on. */
  private end(dc: DialogContext, result: SurveyDialogResult = ENDED): Promise<DialogTurnResult> {
    return dc.endDialog(result);
  }

  private saveProgress(context: TurnContext, progress: SurveyProgress | undefined, surveyId?: string) {
    return saveProgress(this.deps.progress, context, progress, surveyId);
  }

  override async beginDialog(dc: DialogContext, options?: SurveyDialogOptions): Promise<DialogTurnResult> {
    if (!options) return this.end(dc);
    const survey = await this.deps.catalogue.openSurvey(options.surveyId);
    const state: SurveyDialogState = { surveyId: options.surveyId, locale: options.locale, stage: 'consent' };
    if (!survey) {
      await dc.context.sendActivity(this.t(state, 'survey.notFound'));
      return this.end(dc);
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
        return this.end(dc);
      }
    }
    if (saved && saved.version === survey.version && saved.currentId) {
      state.stage = 'question';
      return this.ask({ dc, state, survey }, saved, this.t(state, 'survey.resumed'));
    }
    const lead = (await this.deps.responses.hasAnswered(survey.id, who(dc.context)))
      ? `\n\n${this.t(state, 'survey.alreadyAnswered')}`
      : '';
    await dc.context.sendActivity(`**${survey.title[state.locale]}**\n\n${survey.intro[state.locale]}${lead}`);
    await dc.context.sendActivity(consentActivity(this.deps.services.t, state.locale, survey.consent[state.locale]));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as SurveyDialogState;
    const text = dc.context.activity.text ?? '';
    if (state.stage === 'checkIn') return this.checkIn(dc, state, text);
    const survey = await this.deps.catalogue.get(state.surveyId).then((record) => record?.definition);
    if (!survey) {
      await dc.context.sendActivity(this.t(state, 'survey.notFound'));
      return this.end(dc);
    }
    if (state.stage === 'consent') return this.consent({ dc, state, survey }, text);
    const book = await this.deps.progress.get(dc.context, {});
    const progress = book[survey.id];
    const question = questionById(survey, progress?.currentId);
    if (!progress || !question) return this.end(dc);
    return this.answer({ dc, state, survey }, progress, question, parseAnswer(question, text, state.locale));
  }

  private async consent(at: SurveyTurn, text: string): Promise<DialogTurnResult> {
    const { dc, state, survey } = at;
    const needs = understandingOf(dc.context)?.topics.length ?? 0;
    const consent = readConsent(text, this.deps.services.t, state.locale, needs);
    if (consent === 'no') {
      await dc.context.sendActivity(this.t(state, 'survey.consentDeclined'));
      return this.end(dc);
    }
    // Not a yes or a no: they are doing something else ("what changed?", a need), so let the rest of the bot answer.
    if (consent === 'elsewhere') return this.end(dc, REROUTED);
    if (consent === 'unclear') {
      const reprompt = this.t(state, 'survey.consentReprompt');
      await dc.context.sendActivity(consentActivity(this.deps.services.t, state.locale, reprompt));
      return Dialog.EndOfTurn;
    }
    const progress: SurveyProgress = {
      ...startProgress(survey, this.deps.services.clock()),
      ...(state.invite ? { invite: state.invite } : {}),
    };
    await this.saveProgress(dc.context, progress);
    state.stage = 'question';
    return this.ask(at, progress);
  }

  private async answer(
    at: SurveyTurn,
    progress: SurveyProgress,
    question: Question,
    parsed: ParsedAnswer,
  ): Promise<DialogTurnResult> {
    const { dc, state, survey } = at;
    const record = (answer: { v: AnswerValue } | { skipped: true }) =>
      this.advance(at, recordAnswer(survey, progress, { q: question.id, ...answer }));
    switch (parsed.kind) {
      case 'pause': {
        const { n } = progressOf(survey, progress.answers, question.id);
        await dc.context.sendActivity(this.t(state, 'survey.paused', { n }));
        return this.end(dc, { kind: 'paused' });
      }
      case 'back': {
        if (progress.answers.length === 0) return this.ask(at, progress, this.t(state, 'survey.firstQuestion'));
        const previous = goBack(survey, progress);
        await this.saveProgress(dc.context, previous);
        return this.ask(at, previous);
      }
      case 'skip':
        return record({ skipped: true });
      case 'answer':
        return record({
          v:
            question.type === 'multipleChoice' && Array.isArray(parsed.value)
              ? [...new Set([...(progress.pending ?? []), ...parsed.value])]
              : parsed.value,
        });
      case 'pick': {
        if (question.type !== 'multipleChoice') return this.ask(at, progress);
        const exclusive = new Set(question.choices.filter((choice) => choice.exclusive).map((choice) => choice.id));
        if (exclusive.has(parsed.choiceId)) return record({ v: [parsed.choiceId] });
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
      case 'done':
        if (!progress.pending?.length) return this.ask(at, progress, this.t(state, 'survey.pickFirst'));
        return record({ v: progress.pending });
      case 'unclear': {
        // Someone asking for help mid-survey ("where can I get food?") is not answering: pause and help them.
        if (parsed.reason === 'notUnderstood' && asksForHelp(dc.context, question)) {
          const { n } = progressOf(survey, progress.answers, question.id);
          await dc.context.sendActivity(this.t(state, 'survey.pausedForHelp', { n }));
          return this.end(dc, REROUTED);
        }
        // "Who sees this?" deserves an answer, not a re-prompt.
        if (asksAboutPrivacy(dc.context.activity.text ?? ''))
          return this.ask(at, progress, this.t(state, 'survey.privacy'));
        const misses = (progress.misses ?? 0) + 1;
        await this.saveProgress(dc.context, { ...progress, misses });
        const lead = unclearLead(this.deps.services.t, state.locale, question, parsed.reason, misses);
        return this.ask(at, { ...progress, misses }, lead);
      }
    }
  }

  private async advance(at: SurveyTurn, progress: SurveyProgress): Promise<DialogTurnResult> {
    if (!progress.currentId) return this.finish(at, progress);
    await this.saveProgress(at.dc.context, progress);
    return this.ask(at, progress);
  }

  private async finish({ dc, state, survey }: SurveyTurn, progress: SurveyProgress): Promise<DialogTurnResult> {
    const deps = { ...this.deps, clock: this.deps.services.clock };
    const completion = await saveCompletion(deps, dc.context, survey, progress, state.invite);
    if (completion.kind === 'refused') {
      await dc.context.sendActivity(this.t(state, completion.reason));
      return this.end(dc);
    }
    await dc.context.sendActivity(`${this.t(state, 'survey.thanks')}\n\n${survey.nextSteps[state.locale]}`);
    await dc.context.sendActivity(this.t(state, 'survey.deletionCode', { code: completion.deletionCode }));
    const feelings = CHECK_IN_KEYS.map((key) => imBack(this.t(state, key)));
    await dc.context.sendActivity(MessageFactory.suggestedActions(feelings, this.t(state, 'survey.checkIn')));
    state.stage = 'checkIn';
    return Dialog.EndOfTurn;
  }

  private async checkIn(dc: DialogContext, state: SurveyDialogState, text: string): Promise<DialogTurnResult> {
    const feeling = readCheckIn(text, this.deps.services.t, state.locale);
    if (feeling === 'support') {
      const user = await this.deps.userProfile.get(dc.context, {});
      const topics: TopicId[] = ['feeling-low', 'someone-to-talk-to'];
      const intro = this.t(state, 'survey.checkInSupport');
      const result = signpost(this.deps.services, { topics, locale: state.locale, age: user.age, intro });
      await dc.context.sendActivities(result.activities);
      return this.end(dc, signposted(result.shownServiceIds, topics));
    }
    if (feeling === 'ok') {
      await dc.context.sendActivity(this.t(state, 'survey.checkInOk'));
      return this.end(dc);
    }
    // Anything else is a new message for the rest of the bot (a question, a need).
    return this.end(dc, REROUTED);
  }

  /** Asks the current question (after a lead such as "Welcome back!"), and waits for the answer. */
  private async ask({ dc, state, survey }: SurveyTurn, progress: SurveyProgress, lead?: string) {
    const question = questionById(survey, progress.currentId);
    if (question) {
      const { t } = this.deps.services;
      const answers = progress.answers;
      await dc.context.sendActivity(questionActivity({ survey, question, answers, locale: state.locale, t, lead }));
    }
    return Dialog.EndOfTurn;
  }
}
