/** "Not sure what I need?": a few short questions that route to an i-THRIVE grouping, then show services in it. */
import {
  ChoicePrompt,
  ComponentDialog,
  ListStyle,
  WaterfallDialog,
  type Choice,
  type FoundChoice,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { SupportedLocale } from '../../content/i18n';
import { TOPIC_IDS, type ThriveGrouping, type TopicId } from '../../content/topics';
import { crisisResponse } from '../crisis/crisisResponse';
import type { DialogServices } from '../deps';
import { THRIVE_NEED_PROMPT, THRIVE_ROUTING_DIALOG, THRIVE_SAFE_PROMPT, THRIVE_TOPIC_PROMPT, THRIVE_WATERFALL } from '../ids';
import { recogniseNeeds } from './needRecogniser';
import { signpost } from './signpost';

export interface ThriveRoutingOptions {
  locale: SupportedLocale;
  age?: number;
}

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
    this.addDialog(Object.assign(new ChoicePrompt(THRIVE_SAFE_PROMPT), style));
    this.addDialog(Object.assign(new ChoicePrompt(THRIVE_NEED_PROMPT), style));
    this.addDialog(Object.assign(new ChoicePrompt(THRIVE_TOPIC_PROMPT, (prompt) => this.acceptTypedNeed(prompt)), style));
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

  private options(step: WaterfallStepContext): ThriveRoutingOptions {
    return step.options as ThriveRoutingOptions;
  }

  private choices(locale: SupportedLocale, keys: string[]): Choice[] {
    return keys.map((key) => ({ value: key, action: { type: 'imBack', title: this.services.t(locale, `thrive.${key}`), value: this.services.t(locale, `thrive.${key}`) }, synonyms: [this.services.t(locale, `thrive.${key}`)] }));
  }

  private async askIfSafe(step: WaterfallStepContext) {
    const { locale } = this.options(step);
    return step.prompt(THRIVE_SAFE_PROMPT, { prompt: this.services.t(locale, 'thrive.safe'), choices: this.choices(locale, ['safeYes', 'safeNo', 'safeNotSure']) });
  }

  private async askWhatHelps(step: WaterfallStepContext) {
    const { locale, age } = this.options(step);
    const answer = (step.result as FoundChoice).value;
    if (answer !== 'safeYes') {
      await step.context.sendActivities(crisisResponse({ t: this.services.t, lines: this.services.directory.crisisLines(), locale, kinds: ['immediate-danger'], age }));
      if (answer === 'safeNo') return step.endDialog();
    }
    return step.prompt(THRIVE_NEED_PROMPT, { prompt: this.services.t(locale, 'thrive.whatHelps'), choices: this.choices(locale, ['advice', 'help', 'moreHelp', 'riskSupport']) });
  }

  private async askTopic(step: WaterfallStepContext) {
    const { locale, age } = this.options(step);
    const grouping = NEED_TO_GROUPING[(step.result as FoundChoice).value];
    (step.values as Record<string, unknown>).grouping = grouping;
    if (grouping === 'getting-risk-support') {
      await step.context.sendActivities(crisisResponse({ t: this.services.t, lines: this.services.directory.crisisLines(), locale, kinds: ['immediate-danger'], age }));
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
    const needs = recogniseNeeds(prompt.context.activity.text ?? '');
    if (needs.length === 0) return false;
    prompt.recognized.value = { value: needs[0].topic, index: 0, score: needs[0].score };
    prompt.recognized.succeeded = true;
    return true;
  }

  private async showServices(step: WaterfallStepContext) {
    const { locale, age } = this.options(step);
    const grouping = (step.values as Record<string, unknown>).grouping as ThriveGrouping;
    const choice = (step.result as FoundChoice).value;
    const topics: TopicId[] = choice === 'anything' ? [...TOPIC_IDS] : [choice as TopicId];
    const result = signpost(this.services, { topics, locale, age, thrive: grouping, intro: this.services.t(locale, `thrive.explain-${grouping}`) });
    await step.context.sendActivities(result.activities);
    return step.endDialog({ shownServiceIds: result.shownServiceIds, topics });
  }
}
