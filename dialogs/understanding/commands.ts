/** Recognises the short global commands (menu, stop, what changed, surveys, not sure, greetings, thanks, language). */
import { normalise } from './normalise';

export type Command = 'menu' | 'stop' | 'whatChanged' | 'surveys' | 'notSure' | 'greeting' | 'thanks' | 'language';

const COMMANDS: Array<[Command, RegExp]> = [
  ['menu', /^(?:help|help me|menu|main menu|the menu|show (?:me )?(?:the )?menu|options|show options|start again|start over|restart|home|back to (?:the )?(?:start|menu)|what can you do|what do you do|القائمة|مساعدة)$/],
  ['stop', /^(?:stop|pause|quit|exit|cancel|later|not now|stop (?:the )?survey|pause (?:the )?survey|i want to stop|can we stop|توقف|إيقاف|ايقاف|لاحقا)$/],
  ['whatChanged', /^(?:(?:so |and )?what (?:has |have |has actually |is |things have |things )?changed|what is changed|whats changed|what changed|has anything changed|did anything change|has something changed|what has been done|what have you changed|you said we did|what have you done|what did you do|what happened|any changes|ما الذي تغير|ماذا تغير)$/],
  ['surveys', /^(?:survey|surveys|a survey|do a survey|take a survey|give feedback|feedback|have my say|have a say|my say|questionnaire|استطلاع|استبيان)$/],
  ['notSure', /^(?:not sure|i am not sure|dunno|do not know|i do not know|i do not know what i need|not sure what i need|no idea|idk what i need|i do not know what to do|لست متأكدا|لا أعرف|لا اعرف)$/],
  ['greeting', /^(?:hi+|hey+|hello+|hiya|yo|heya|hey there|alright|you alright|wagwan|sup|good (?:morning|afternoon|evening)|morning|مرحبا|السلام عليكم|اهلا|أهلا)(?: there| bot| mate)?$/],
  ['thanks', /^(?:thanks?|thank you|thank u|thankyou|cheers|ta|nice one|thanks (?:a lot|so much|mate)|thank you so much|شكرا|شكراً)$/],
  ['language', /^(?:language|change language|languages|switch language|arabic|in arabic|english|in english|العربية|عربي|اللغة)$/],
];

/**
 * Returns the command a short message is, or null (a longer message with "help" in it is a need, not the menu).
 * @example recogniseCommand("Help!") // 'menu'
 * @example recogniseCommand("i need help with housing") // null
 */
export function recogniseCommand(text: string): Command | null {
  const normalised = normalise(text)
    .replace(/\b(?:please|pls|the bot|bot|ok|okay)\b/g, ' ')
    .replace(/(?:\s+(?:then|tho|though|lately|recently|so far|yet|mate|innit|at all|for us|for me))+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!normalised || normalised.split(' ').length > 8) return null;
  for (const [command, pattern] of COMMANDS) if (pattern.test(normalised)) return command;
  return null;
}

/** Looser ways of asking for a survey or for "what changed?", used only when a message is about no need. */
const LOOSE_INTENTS: Array<[Extract<Command, 'surveys' | 'whatChanged'>, RegExp]> = [
  ['surveys', /\b(?:surveys?|questionnaires?|feedback|have (?:my|a|our) say|my say)\b/],
  ['whatChanged', /\b(?:what|anything|has anything|have you|did you)\b.*\b(?:changed?|done about|happened since|did you change|did you do|have you done)\b|\byou said we did\b/],
];
const REFUSAL = /\b(?:do not|dont|not|no|never|stop|hate|without)\b.*\b(?:surveys?|questionnaires?|feedback)\b/;

/**
 * "can I do the survey", "what have you lot done about it": asked in other words than the exact commands.
 * Callers check for needs first, so "what changed with my universal credit" stays a money question.
 * @example recogniseLooseIntent('can i do the survey') // 'surveys'
 * @example recogniseLooseIntent("i don't want to do a survey") // null
 */
export function recogniseLooseIntent(text: string): 'surveys' | 'whatChanged' | null {
  const normalised = normalise(text);
  if (!normalised || normalised.split(' ').length > 12) return null;
  for (const [intent, pattern] of LOOSE_INTENTS) {
    if (!pattern.test(normalised)) continue;
    if (intent === 'surveys' && REFUSAL.test(normalised)) return null;
    return intent;
  }
  return null;
}
