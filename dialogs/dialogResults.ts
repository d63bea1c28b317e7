/** What a dialog hands back to the root when it ends: one small union per dialog, read by the root with a switch. */
import type { TopicId } from '../content/topics';

/** Services just shown: "is it open now?" asks about these, and an age given later shows the same topics again. */
export interface Shown {
  shownServiceIds: string[];
  topics: TopicId[];
}

/** Done, nothing for the root to do. */
export interface Ended {
  kind: 'ended';
}

/** Services were shown; the root remembers them. */
export interface Signposted {
  kind: 'signposted';
  shown: Shown;
}

/** The message was not an answer (a need, a question for the bot): the rest of the precedence table answers it. */
export interface Rerouted {
  kind: 'rerouted';
}

export const ENDED: Ended = { kind: 'ended' };
export const REROUTED: Rerouted = { kind: 'rerouted' };

/**
 * @example return dc.endDialog(signposted(result.shownServiceIds, topics));
 */
export function signposted(shownServiceIds: string[], topics: TopicId[]): Signposted {
  return { kind: 'signposted', shown: { shownServiceIds, topics } };
}
