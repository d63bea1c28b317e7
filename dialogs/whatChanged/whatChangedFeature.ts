/**
 * "What changed?": the published "you said, we did" board in chat, and news for people who answered a survey on the
 * themes it covers.
 */
import { MessageFactory, type TurnContext } from 'botbuilder';
import type { SupportedLocale } from '../../content/i18n';
import type { ActionBoard, StoredAction } from '../../surveys/actions';
import type { DialogServices } from '../deps';
import { menuActions } from '../menu/menu';
import type { UserProfile } from '../state';

const SHOWN = 5;

export interface WhatChangedFeature {
  show(context: TurnContext, locale: SupportedLocale, user: UserProfile): Promise<void>;
  /**
   * Tells someone who answered a survey about actions published on it since they last heard; at most once per action.
   */
  announceNews(context: TurnContext, locale: SupportedLocale, user: UserProfile): Promise<void>;
}

/**
 * Staff-written text shown as the words typed: Web Chat reads messages as Markdown (and some HTML), so links, images
 * and formatting characters are escaped rather than rendered.
 * @example
 * asPlainText('see [this](https://x.example) <img src=x>') // 'see \\[this\\]\\(https://x.example\\) &lt;img src=x&gt;'
 */
export function asPlainText(text: string): string {
  return text
    .replace(/[\\`*_[\]()#!~]/g, (char) => `\\${char}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** One action as a short block: theme, you said, we did, status. */
export function actionText(action: StoredAction, locale: SupportedLocale, t: DialogServices['t']): string {
  return [
    `**${t(locale, `themes.${action.theme}`)}** · ${t(locale, `whatChanged.status.${action.status}`)}`,
    `${t(locale, 'whatChanged.youSaid')} ${asPlainText(action.said)}`,
    `${t(locale, 'whatChanged.weDid')} ${asPlainText(action.did)}`,
  ].join('\n\n');
}

/** The later of now and the newest action shown, so nothing shown is announced again. */
function seenUpTo(now: Date, shown: StoredAction[]): string {
  const newest = shown.reduce((latest, action) => Math.max(latest, action.publishedAt?.getTime() ?? 0), now.getTime());
  return new Date(newest).toISOString();
}

/**
 * @example const whatChanged = createWhatChangedFeature({ services, board });
 */
export function createWhatChangedFeature(deps: { services: DialogServices; board: ActionBoard }): WhatChangedFeature {
  const { t, clock } = deps.services;
  return {
    async show(context, locale, user) {
      const actions = await deps.board.published({ limit: SHOWN });
      user.actionsSeenAt = seenUpTo(clock(), actions);
      if (actions.length === 0) {
        await context.sendActivity(
          MessageFactory.suggestedActions(menuActions(t, locale), t(locale, 'whatChanged.none')),
        );
        return;
      }
      const blocks = actions.map((action) => actionText(action, locale, t));
      await context.sendActivity(`${t(locale, 'whatChanged.intro')}\n\n---\n\n${blocks.join('\n\n---\n\n')}`);
      await context.sendActivity(
        MessageFactory.suggestedActions(menuActions(t, locale), t(locale, 'whatChanged.more')),
      );
    },
    async announceNews(context, locale, user) {
      const surveyIds = Object.keys(user.answered ?? {});
      if (surveyIds.length === 0) return;
      const since = user.actionsSeenAt ? new Date(user.actionsSeenAt) : undefined;
      const news = await deps.board.published({ surveyIds, since, limit: 3 });
      if (news.length === 0) return;
      user.actionsSeenAt = seenUpTo(clock(), news);
      await context.sendActivity(
        `${t(locale, 'whatChanged.news')}\n\n` +
          news.map((action) => actionText(action, locale, t)).join('\n\n---\n\n'),
      );
    },
  };
}
