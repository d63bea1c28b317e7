/** Saving a finished survey: one completion per invitation code, a watch on repeat completions, and a deletion code. */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { SurveyCatalogue } from '../../surveys/catalogue';
import type { CompletionGuard } from '../../surveys/completionGuard';
import { finalAnswers, goBack, profileOf, type SurveyProgress } from '../../surveys/engine';
import type { Invitations } from '../../surveys/invitations';
import type { ResponseStore } from '../../surveys/responses';
import type { SurveyDefinition } from '../../surveys/schema';
import type { UserProfile } from '../state';
import { saveProgress, type SurveyProgressBook } from './progressBook';

export interface CompletionDeps {
  catalogue: SurveyCatalogue;
  responses: ResponseStore;
  progress: StatePropertyAccessor<SurveyProgressBook>;
  userProfile: StatePropertyAccessor<UserProfile>;
  clock: () => Date;
  /** Single-use codes for invite-only surveys; without it every survey is open to anyone with the link. */
  invitations?: Invitations;
  /** Watches completions per device or network on open-link surveys. */
  completions?: CompletionGuard;
}

/** Saved (with the code that deletes the answers), or refused with the locale key that says why. */
export type Completion =
  | { kind: 'saved'; deletionCode: string }
  | { kind: 'refused'; reason: 'survey.inviteUsed' | 'survey.tooManyFromHere' | 'survey.saveFailed' };

/**
 * Saves the answers of a finished survey and records, by day only, that this person answered it.
 * @example const completion = await saveCompletion(deps, context, survey, progress, state.invite);
 */
export async function saveCompletion(
  deps: CompletionDeps,
  context: TurnContext,
  survey: SurveyDefinition,
  progress: SurveyProgress,
  startedWithInvite?: string,
): Promise<Completion> {
  const answers = finalAnswers(survey, progress.answers);
  const invite = progress.invite ?? startedWithInvite;
  const inviteOnly = Boolean(deps.invitations && (await deps.catalogue.get(survey.id))?.inviteOnly);
  // One completion per code: the code is used up before the answers are saved, and given back if saving fails.
  if (inviteOnly && !(await deps.invitations!.claim(survey.id, invite))) {
    await saveProgress(deps.progress, context, undefined, survey.id);
    return { kind: 'refused', reason: 'survey.inviteUsed' };
  }
  // On an open link, one device or network finishing again and again is refused after a while, and flagged sooner.
  const clientKey = inviteOnly ? undefined : clientKeyOf(context);
  const verdict = deps.completions?.check(survey.id, clientKey) ?? { refuse: false, burst: false };
  if (verdict.refuse) {
    await saveProgress(deps.progress, context, undefined, survey.id);
    return { kind: 'refused', reason: 'survey.tooManyFromHere' };
  }
  let deletionCode: string;
  try {
    ({ deletionCode } = await deps.responses.saveFromChat(
      { surveyId: survey.id, surveyVersion: survey.version, answers, ...profileOf(survey, answers) },
      who(context),
      { burst: verdict.burst },
    ));
    deps.completions?.completed(survey.id, clientKey);
  } catch {
    if (inviteOnly && invite) await deps.invitations!.release(survey.id, invite).catch(() => undefined);
    // The answers stay in user state at the last question, so nothing is lost; the person can try again.
    await saveProgress(deps.progress, context, goBack(survey, progress));
    return { kind: 'refused', reason: 'survey.saveFailed' };
  }
  await saveProgress(deps.progress, context, undefined, survey.id);
  const user = await deps.userProfile.get(context, {});
  const now = deps.clock().toISOString();
  user.answered = { ...(user.answered ?? {}), [survey.id]: now.slice(0, 10) };
  user.actionsSeenAt ??= now;
  return { kind: 'saved', deletionCode };
}

/** The keyed hash of the sender's address that our Direct Line endpoint puts on web chat activities. */
function clientKeyOf(context: TurnContext): string | undefined {
  const key = (context.activity.channelData as { clientKey?: unknown } | undefined)?.clientKey;
  return context.activity.channelId === 'webchat' && typeof key === 'string' ? key : undefined;
}

/** The channel and user a turn comes from: only ever hashed into a pseudonym, never stored. */
export function who(context: TurnContext): { channelId: string; userId: string } {
  return {
    channelId: context.activity.channelId ?? 'unknown',
    userId: context.activity.from?.aadObjectId ?? context.activity.from?.id ?? 'unknown',
  };
}
