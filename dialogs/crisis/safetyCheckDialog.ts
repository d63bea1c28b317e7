/**
 * The concern level: a warning sign without a clear statement ("sorry for being a burden"). The bot asks straight and
 * kindly whether the person is thinking about ending their life or is not safe, with the urgent lines shown, and
 * reads the answer in their own words: only a short reply is a yes or no, so "i have no money" is not a "no".
 */
import { ActionTypes, MessageFactory } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../dialogsLibrary';
import type { SupportedLocale } from '../../content/i18n';
import type { TopicId } from '../../content/topics';
import type { DialogServices } from '../deps';
import { ENDED, REROUTED, signposted, type Ended, type Rerouted, type Signposted } from '../dialogResults';
import { SAFETY_CHECK_DIALOG } from '../ids';
import { afterSignpostActions } from '../menu/menu';
import { signpost } from '../signposting/signpost';
import { shortAnswer, understandingOf } from '../understanding/turnUnderstanding';
import { crisisResponse } from './crisisResponse';
import { crisisLinesText, orderCrisisLines } from './crisisLines';

export interface SafetyCheckOptions {
  locale: SupportedLocale;
  age?: number;
  /** Needs the first message also spoke of, shown once the person says they are safe. */
  topics: TopicId[];
}

interface SafetyCheckState extends SafetyCheckOptions {
  asked: number;
  /** Services already shown for the need the message spoke of. */
  shownServiceIds?: string[];
}

type SafetyAnswer = 'yes' | 'no' | 'notSure';

/** Lines given, services shown after a "no", or not an answer at all (the rest of the bot answers it). */
export type SafetyCheckResult = Ended | Signposted | Rerouted;

/** After "no", these people were not asked about ending their life or safety: they are talking about something. */
const STILL_NEEDS: TopicId[] = ['feeling-low', 'someone-to-talk-to'];

export class SafetyCheckDialog extends Dialog<SafetyCheckOptions> {
  constructor(private readonly services: DialogServices) {
    super(SAFETY_CHECK_DIALOG);
  }

  private end(dc: DialogContext, result: SafetyCheckResult): Promise<DialogTurnResult> {
    return dc.endDialog(result);
  }

  private buttons(locale: SupportedLocale) {
    return (['yes', 'no', 'notSure'] as const).map((key) => {
      const title = this.services.t(locale, `concern.${key}`);
      return { type: ActionTypes.ImBack, title, value: title };
    });
  }

  private async ask(
    dc: DialogContext,
    state: SafetyCheckState,
    key: 'concern.ask' | 'concern.askAgain',
  ): Promise<DialogTurnResult> {
    const { t, directory } = this.services;
    state.asked += 1;
    if (key === 'concern.ask') {
      const lines = orderCrisisLines(directory.crisisLines(), ['suicide'], state.age);
      await dc.context.sendActivity(`${t(state.locale, 'concern.lines')}\n\n${crisisLinesText(lines, state.locale)}`);
    }
    await dc.context.sendActivity(MessageFactory.suggestedActions(this.buttons(state.locale), t(state.locale, key)));
    return Dialog.EndOfTurn;
  }

  override async beginDialog(dc: DialogContext, options?: SafetyCheckOptions): Promise<DialogTurnResult> {
    const state: SafetyCheckState = {
      locale: options?.locale ?? 'en-GB',
      age: options?.age,
      topics: options?.topics ?? [],
      asked: 0,
    };
    dc.activeDialog!.state = state;
    if (state.topics.length) {
      // "i feel so alone": the need is answered too, and the question comes last so its buttons are the ones shown.
      const result = signpost(this.services, { topics: state.topics, locale: state.locale, age: state.age });
      await dc.context.sendActivities(result.activities.slice(0, -1));
      state.shownServiceIds = result.shownServiceIds;
    }
    return this.ask(dc, state, 'concern.ask');
  }

  private async crisisHelp(dc: DialogContext, state: SafetyCheckState): Promise<DialogTurnResult> {
    const { t, directory } = this.services;
    await dc.context.sendActivities(
      crisisResponse({ t, lines: directory.crisisLines(), locale: state.locale, kinds: ['suicide'], age: state.age }),
    );
    return this.end(dc, ENDED);
  }

  /** A yes, no or not sure: a tapped button, or a short reply that says so. */
  private answerOf(text: string, locale: SupportedLocale): SafetyAnswer | undefined {
    const folded = text.trim().toLowerCase();
    for (const key of ['yes', 'no', 'notSure'] as const)
      if (folded === this.services.t(locale, `concern.${key}`).toLowerCase()) return key;
    return shortAnswer(text);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as SafetyCheckState;
    const { t } = this.services;
    const answer = this.answerOf(dc.context.activity.text ?? '', state.locale);
    if (answer === 'yes' || answer === 'notSure') {
      return this.crisisHelp(dc, state);
    }
    if (answer === 'no') {
      await dc.context.sendActivity(t(state.locale, 'concern.thanksNo'));
      if (state.shownServiceIds) {
        await dc.context.sendActivity(
          MessageFactory.suggestedActions(afterSignpostActions(t, state.locale), t(state.locale, 'signpost.more')),
        );
        return this.end(dc, signposted(state.shownServiceIds, state.topics));
      }
      const topics = state.topics.length ? state.topics : STILL_NEEDS;
      const result = signpost(this.services, { topics, locale: state.locale, age: state.age });
      await dc.context.sendActivities(result.activities);
      return this.end(dc, signposted(result.shownServiceIds, topics));
    }
    // Not an answer: they are telling us something else, which the rest of the bot can answer.
    const understood = understandingOf(dc.context);
    if (understood && (understood.topics.length > 0 || understood.command)) return this.end(dc, REROUTED);
    if (state.asked < 2) return this.ask(dc, state, 'concern.askAgain');
    // Asked twice without an answer: leave the lines with them rather than ask a third time.
    return this.crisisHelp(dc, state);
  }
}
