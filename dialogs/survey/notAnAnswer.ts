/** Messages in a survey that are not answers: a need ("where can I get food?"), a question for the bot, privacy. */
import type { TurnContext } from 'botbuilder';
import type { TopicId } from '../../content/topics';
import type { Question, Theme } from '../../surveys/schema';
import { understandingOf } from '../understanding/turnUnderstanding';

const ASKS_ABOUT_PRIVACY = new RegExp(
  [
    String.raw`\b(?:who (?:will |can |gets to )?(?:see|sees|read|reads)|anonymous|anon|confidential|private|`,
    String.raw`will (?:anyone|anybody|they|my pa|staff) (?:know|see|find out)|do you know who i am|`,
    String.raw`what happens to (?:my )?answers|where does (?:this|it) go)\b|من يرى|سري`,
  ].join(''),
  'i',
);

const HELP_CUE = /\b(?:help|need|where|how|can i|can you|can someone|who do i|what do i do)\b|\?/i;
/** Things asked of the bot itself that a survey answer never is. */
const ASKS_THE_BOT = new Set(['whatChanged', 'about', 'human', 'menu', 'notSure']);
/** The need a question's theme is about: "my pa is rubbish" answers a question about the PA, not a call for help. */
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
/** How long such a statement must be: "been smoking loads of weed" is a need, "my friend" an answer. */
const STATEMENT_WORDS = 4;

/**
 * Not an answer but a need ("been smoking loads of weed", "where can I get help with rent?") or a question for the
 * bot ("what changed?"): the survey pauses and the rest of the bot answers. Reads the turn's one understanding.
 */
export function asksForHelp(context: TurnContext, question: Question): boolean {
  const understood = understandingOf(context);
  if (!understood) return false;
  if (understood.command && ASKS_THE_BOT.has(understood.command)) return true;
  if (understood.topics.length === 0) return false;
  const text = context.activity.text ?? '';
  if (HELP_CUE.test(text)) return true;
  // A few words with no question in them ("my friend", "my pa") are an attempt at an answer, however sure the model.
  if (text.trim().split(/\s+/).length < STATEMENT_WORDS) return false;
  return understood.topics[0] !== THEME_TOPIC[question.theme] && understood.needScore >= CLEAR_NEED;
}

/**
 * "Who sees this?" deserves an answer, not a re-prompt.
 * @example asksAboutPrivacy('is this anonymous?') // true
 */
export function asksAboutPrivacy(text: string): boolean {
  return ASKS_ABOUT_PRIVACY.test(text);
}
