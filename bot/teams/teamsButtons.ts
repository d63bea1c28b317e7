/**
 * Teams shows only the first three suggested actions, so on Teams longer button lists (the menu, survey
 * choices) are sent as hero cards with up to six buttons each instead; every channel still accepts typing.
 */
import { ActionTypes, CardFactory, type Activity, type Middleware } from 'botbuilder';

const TEAMS_SUGGESTED_ACTIONS_SHOWN = 3;
const BUTTONS_PER_CARD = 6;

/** Rewrites one outgoing activity for Teams; others are returned as they are. */
export function forTeams(activity: Partial<Activity>): Partial<Activity> {
  const actions = activity.suggestedActions?.actions ?? [];
  if (actions.length <= TEAMS_SUGGESTED_ACTIONS_SHOWN) return activity;
  const buttons = actions.map((action) => ({
    type: ActionTypes.ImBack,
    title: action.title,
    value: action.value ?? action.title,
  }));
  const cards = [];
  for (let start = 0; start < buttons.length; start += BUTTONS_PER_CARD)
    cards.push(CardFactory.heroCard('', undefined, buttons.slice(start, start + BUTTONS_PER_CARD)));
  const { suggestedActions: _dropped, ...rest } = activity;
  return { ...rest, attachmentLayout: 'list', attachments: [...(activity.attachments ?? []), ...cards] };
}

/**
 * @example adapter.use(teamsButtons());
 */
export function teamsButtons(): Middleware {
  return {
    async onTurn(context, next) {
      if (context.activity.channelId === 'msteams') {
        context.onSendActivities(async (_context, activities, sendNext) => {
          activities.splice(0, activities.length, ...activities.map((activity) => forTeams(activity) as Activity));
          return sendNext();
        });
      }
      await next();
    },
  };
}
