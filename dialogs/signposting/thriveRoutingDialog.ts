/**
 * "Not sure what I need?": a few short questions that route to an i-THRIVE grouping, then show services in it.
 * It never loops: each question is asked at most twice, then the best help is given.
 */
import type {
  Choice,
  DialogTurnResult,
  FoundChoice,
  PromptValidatorContext,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { ChoicePrompt, ComponentDialog, ListStyle, WaterfallDialog } from '../dialogsLibrary';
import type { SupportedLocale } from '../../content/i18n';
import { TOPIC_IDS, type ThriveGrouping, type TopicId } from '../../content/topics';
import { crisisResponse } from '../crisis/crisisResponse';
import type { DialogServices } from '../deps';
import { ENDED, signposted, type Ended, type Signposted } from '../dialogResults';
import {
  THRIVE_NEED_PROMPT,
  THRIVE_ROUTING_DIALOG,
  THRIVE_SAFE_PROMPT,
  THRIVE_TOPIC_PROMPT,
  THRIVE_WATERFALL,
} from '../ids';
import { shortAnswer, understandingOf } from '../understanding/turnUnderstanding';
import { signpost } from './signpost';

export interface ThriveRoutingOptions {
  locale: SupportedLocale;
  age?: number;
}

export type ThriveRoutingResult = Signposted | Ended;

const SAFE_ANSWERS = { yes: 'safeYes', no: 'safeNo', notSure: 'safeNotSure' } as const;

const NEED_TO_GROUPING: Record<string, ThriveGrouping> = {
  advice: 'getting-advice',
  help: 'getting-help',
  moreHelp: 'getting-more-help',
  riskSupport: 'getting-risk-support',
};

/** Asks: are you safe; what would help most; what is it about. Typing a need in words at the last step works too. */
export class ThriveRoutingDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(THRIVE_ROUTING_DIALOG);
    const style = { style: ListStyle.suggestedAction };
    this.addDialog(Object.assign(new ChoicePrompt(THRIVE_SAFE_PROMPT, (prompt) => this.readSafety(prompt)), style));
    this.addDialog(
      Object.assign(new ChoicePrompt(THRIVE_NEED_PROMPT, (prompt) => this.orAfterTwoTries(prompt, 'advice')), style),
    );
    this.addDialog(
      Object.assign(new ChoicePrompt(THRIVE_TOPIC_PROMPT, (prompt) => this.acceptTypedNeed(prompt)), style),
    );
    this.addDialog(
      new WaterfallDialog(THRIVE_WATERFALL, [
        (step) => this.askIfSafe(step),
        (step) => this.askWhatHelps(step),
        (step) => this.askTopic(step),
        (step) => this.showServices(step),
      ]),
    );
    this.initialDialogId = THRIVE_WATERFALL;
  }

  /** Both ways out: services shown, or (not safe) the urgent lines with nothing more to ask. */
  private end(step: WaterfallStepContext, result: ThriveRoutingResult): Promise<DialogTurnResult> {
    return step.endDialog(result);
  }

  private options(step: WaterfallStepContext): ThriveRoutingOptions {
    return step.options as ThriveRoutingOptions;
  }

  private choices(locale: SupportedLocale, keys: string[]): Choice[] {
    return keys.map((key) => ({
      value: key,
      action: {
        type: 'imBack',
        title: this.services.t(locale, `thrive.${key}`),
        value: this.services.t(locale, `thrive.${key}`),
      },
      synonyms: [this.services.t(locale, `thrive.${key}`)],
    }));
  }

  private async askIfSafe(step: WaterfallStepContext) {
    const { locale } = this.options(step);
    const choices = this.choices(locale, ['safeYes', 'safeNo', 'safeNotSure']);
    return step.prompt(THRIVE_SAFE_PROMPT, {
      prompt: this.services.t(locale, 'thrive.safe'),
      retryPrompt: this.services.t(locale, 'thrive.safeAgain'),
      choices,
      validations: { locale },
    });
  }

  /**
   * "Are you safe?" is answered by a button or a short yes/no/not sure, never by a "no" inside a longer message.
   * A need typed instead goes straight to help for it; a second unclear reply counts as "not sure".
   */
  private async readSafety(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    const text = prompt.context.activity.text ?? '';
    const locale = (prompt.options.validations as { locale?: SupportedLocale } | undefined)?.locale;
    const folded = text.trim().toLowerCase();
    const tapped = (['safeYes', 'safeNo', 'safeNotSure'] as const).find(
      (key) => folded === this.services.t(locale ?? 'en-GB', `thrive.${key}`).toLowerCase(),
    );
    const short = shortAnswer(text);
    const answer = tapped ?? (short && SAFE_ANSWERS[short]);
    const needs = understandingOf(prompt.context)?.topics ?? [];
    const value =
      answer ?? (needs.length ? `needs:${needs.join(',')}` : prompt.attemptCount >= 2 ? 'safeNotSure' : undefined);
    if (!value) return false;
    prompt.recognized.value = { value, index: 0, score: 1 };
    prompt.recognized.succeeded = true;
    return true;
  }

  /** Accepts a recognised choice; after two unclear replies, goes on with a sensible default, not a third ask. */
  private async orAfterTwoTries(prompt: PromptValidatorContext<FoundChoice>, fallback: string): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    if (prompt.attemptCount < 2) return false;
    prompt.recognized.value = { value: fallback, index: 0, score: 0 };
    prompt.recognized.succeeded = true;
    return true;
  }

  private async askWhatHelps(step: WaterfallStepContext) {
    const { locale, age } = this.options(step);
    const answer = (step.result as FoundChoice).value;
    if (answer.startsWith('needs:')) {
      const topics = answer.slice('needs:'.length).split(',') as TopicId[];
      const result = signpost(this.services, { topics, locale, age });
      await step.context.sendActivities(result.activities);
      return this.end(step, signposted(result.shownServiceIds, topics));
    }
    if (answer !== 'safeYes') {
      await this.sendDangerHelp(step, locale, age);
      if (answer === 'safeNo') return this.end(step, ENDED);
    }
    return step.prompt(THRIVE_NEED_PROMPT, {
      prompt: this.services.t(locale, 'thrive.whatHelps'),
      choices: this.choices(locale, ['advice', 'help', 'moreHelp', 'riskSupport']),
    });
  }

  /** The crisis reply for someone who may be in danger now, before the routing carries on or ends. */
  private async sendDangerHelp(step: WaterfallStepContext, locale: SupportedLocale, age?: number): Promise<void> {
    const lines = this.services.directory.crisisLines();
    await step.context.sendActivities(
      crisisResponse({ t: this.services.t, lines, locale, kinds: ['immediate-danger'], age }),
    );
  }

  private async askTopic(step: WaterfallStepContext) {
    const { locale, age } = this.options(step);
    const grouping = NEED_TO_GROUPING[(step.result as FoundChoice).value];
    (step.values as Record<string, unknown>).grouping = grouping;
    if (grouping === 'getting-risk-support') {
      await this.sendDangerHelp(step, locale, age);
    }
    const topicChoices: Choice[] = TOPIC_IDS.map((topic) => {
      const title = this.services.t(locale, `topics.${topic}.button`);
      return { value: topic, action: { type: 'imBack', title, value: title }, synonyms: [title] };
    });
    topicChoices.push(...this.choices(locale, ['anything']));
    return step.prompt(THRIVE_TOPIC_PROMPT, { prompt: this.services.t(locale, 'thrive.about'), choices: topicChoices });
  }

  /** Lets "i need money for food" answer "what is it about?" without tapping a button. */
  private async acceptTypedNeed(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    const needs = understandingOf(prompt.context)?.topics ?? [];
    if (needs.length === 0) return this.orAfterTwoTries(prompt, 'anything');
    prompt.recognized.value = { value: needs[0], index: 0, score: 1 };
    prompt.recognized.succeeded = true;
    return true;
  }

  private async showServices(step: WaterfallStepContext) {
    const { locale, age } = this.options(step);
    const grouping = (step.values as Record<string, unknown>).grouping as ThriveGrouping;
    const choice = (step.result as FoundChoice).value;
    const topics: TopicId[] = choice === 'anything' ? [...TOPIC_IDS] : [choice as TopicId];
    const result = signpost(this.services, {
      topics,
      locale,
      age,
      thrive: grouping,
      intro: this.services.t(locale, `thrive.explain-${grouping}`),
    });
    await step.context.sendActivities(result.activities);
    return this.end(step, signposted(result.shownServiceIds, topics));
  }
}
