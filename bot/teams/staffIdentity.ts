/**
 * Recognises staff in Teams from the Entra tenant and object id on the activity, against the TEAMS_STAFF allow-list.
 */
import type { TurnContext } from 'botbuilder';
import type { TeamsStaffEntry } from '../../app/config';

/**
 * Only activities from the Teams channel count, and only by ids Teams sets (never a display name or a Web Chat id).
 * @example const roleOf = teamsStaffRole(config.TEAMS_STAFF ?? []); roleOf(context) // 'cicc' | undefined
 */
export function teamsStaffRole(
  allowList: TeamsStaffEntry[],
): (context: TurnContext) => TeamsStaffEntry['role'] | undefined {
  return (context) => {
    const activity = context.activity;
    if (activity.channelId !== 'msteams') return undefined;
    const objectId = activity.from?.aadObjectId?.toLowerCase();
    const tenantId = (
      (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation?.tenantId
    )?.toLowerCase();
    if (!objectId || !tenantId) return undefined;
    return allowList.find((entry) => entry.objectId === objectId && entry.tenantId === tenantId)?.role;
  };
}
