/** One message on its way through the root's precedence table, and the shape of a row in that table. */
import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { SupportedLocale } from '../../content/i18n';
import type { DialogServices } from '../deps';
import type { MenuChoice } from '../menu/menu';
import type { ConversationProfile, UserProfile } from '../state';
import type { StaffToolsFeature } from '../staffTools/staffToolsFeature';
import type { SurveyFeature } from '../survey/surveyFeature';
import type { Understanding } from '../understanding/understand';
import type { WhatChangedFeature } from '../whatChanged/whatChangedFeature';

/** Capabilities that live in other folders (surveys, "you said, we did"); optional so signposting stands alone. */
export interface BotExtensions {
  surveys?: SurveyFeature;
  whatChanged?: WhatChangedFeature;
  staffTools?: StaffToolsFeature;
}

/** What every turn has, made once at its start: state, the language to answer in, and the one dialog context. */
export interface Turn {
  context: TurnContext;
  locale: SupportedLocale;
  conversation: ConversationProfile;
  user: UserProfile;
  dialogs: DialogContext;
  services: DialogServices;
  extensions: BotExtensions;
}

/** A message: what was typed, the turn's one understanding of it, and the button it names, if any. */
export interface Message extends Turn {
  text: string;
  understood: Understanding;
  choice?: MenuChoice;
  /** This message was the first of the conversation, so the welcome has just answered it. */
  firstContact: boolean;
}

/** Returned by a row that, after all, leaves the message to the rows below it. */
export const PASS_ON = 'passOn';

/** A row of the precedence table. */
export interface Rule {
  /** What the row is for, as a reader of the table would say it. */
  name: string;
  applies(message: Message): boolean;
  answer(message: Message): Promise<void | typeof PASS_ON>;
}

/**
 * @example row('thanks', (m) => m.understood.command === 'thanks', (m) => say(m, 'thanks.reply'))
 */
export function row(name: string, applies: Rule['applies'], answer: Rule['answer']): Rule {
  return { name, applies, answer };
}

/**
 * Replies with one line from the locale files, in the language of the turn.
 * @example await say(message, 'privacy.reply');
 */
export async function say(turn: Turn, key: string, options?: Record<string, unknown>): Promise<void> {
  await turn.context.sendActivity(turn.services.t(turn.locale, key, options));
}

/** Conditions and answers the table is written in, so each row reads as one line. */
type Kind = NonNullable<MenuChoice>['kind'];

/** A button (or its label typed) of one of these kinds. @example taps('more', 'moreOptions') */
export const taps =
  (...kinds: Kind[]) =>
  (m: Message): boolean =>
    m.choice !== undefined && kinds.includes(m.choice.kind);

/** A command the understanding step read in the message. @example asks('thanks') */
export const asks =
  (command: NonNullable<Understanding['command']>) =>
  (m: Message): boolean =>
    m.understood.command === command;

/** The button, or the same thing asked in words. @example tapsOrAsks('openNow') */
export const tapsOrAsks =
  (kind: Kind & NonNullable<Understanding['command']>) =>
  (m: Message): boolean =>
    taps(kind)(m) || asks(kind)(m);

/** The risk level the understanding step gave the message. @example risk('crisis') */
export const risk =
  (level: Understanding['risk']['level']) =>
  (m: Message): boolean =>
    m.understood.risk.level === level;

/** Replies with one line from the locale files. @example says('thanks.reply') */
export const says =
  (key: string) =>
  (m: Message): Promise<void> =>
    say(m, key);

/** Answered already (the welcome said hello): nothing more to send. */
export async function nothingMore(): Promise<void> {}
