/** What the bot remembers between turns: small, typed, and free of anything a person typed. */
import type { SupportedLocale } from '../content/i18n';
import type { TopicId } from '../content/topics';

/** Per conversation. */
export interface ConversationProfile {
  welcomed?: boolean;
  /** Services shown last, so "is it open now?" knows what "it" is. */
  lastServiceIds?: string[];
  lastTopics?: TopicId[];
  ageHintShown?: boolean;
}

/** Per user (the channel keys it; nothing here identifies the person). */
export interface UserProfile {
  locale?: SupportedLocale;
  /** Only when the person told us, and only to leave out services they cannot use. */
  age?: number;
  /** Surveys this person finished (id -> day), so they can be told when something changes on those themes. */
  answered?: Record<string, string>;
  /** The day they last saw "you said, we did" news, so each action is announced once. */
  actionsSeenAt?: string;
}
