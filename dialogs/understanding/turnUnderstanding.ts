/** Where the understanding step leaves its verdict for the turn, so every dialog reads the same one. */
import type { TurnContext } from 'botbuilder';
import { yesOrNo } from '../survey/answerParser';
import { normalise } from './normalise';
import type { Understanding } from './understand';

export const UNDERSTANDING_KEY = Symbol('understanding');

/** The turn's understanding, when the middleware ran (every adapter uses it). */
export function understandingOf(context: TurnContext): Understanding | undefined {
  return context.turnState.get(UNDERSTANDING_KEY) as Understanding | undefined;
}

/** How many words a reply can have and still be an answer to a yes/no question ("no im ok", "yeah i am"). */
export const SHORT_ANSWER_WORDS = 4;

const UNSURE = new RegExp(
  [
    String.raw`^(?:not sure|unsure|dunno|do not know|i do not know|no idea|`,
    String.raw`maybe|kind of|sort of|idk|i am not sure|not really sure|لست متاكدا|`,
    String.raw`لا اعرف|مش عارف|يمكن)$`,
  ].join(''),
);

/**
 * A yes, no or not sure to a yes/no question, only when the reply is short: "no im ok" is a no, but the "no" in
 * "i have no money for food" is not an answer at all.
 * @example shortAnswer('nah im good') // 'no'
 * @example shortAnswer('i have no money for food') // undefined
 */
export function shortAnswer(text: string): 'yes' | 'no' | 'notSure' | undefined {
  const words = normalise(text);
  if (!words || words.split(' ').length > SHORT_ANSWER_WORDS) return undefined;
  if (UNSURE.test(words)) return 'notSure';
  return yesOrNo(text);
}
