/** The dialog waiting for an answer gets the message, and the root reads the typed result it ends with. */
import { DialogTurnStatus } from '../dialogsLibrary';
import type { SafetyCheckResult } from '../crisis/safetyCheckDialog';
import type { ThriveRoutingResult } from '../signposting/thriveRoutingDialog';
import { rememberShown } from '../signposting/signpostReplies';
import type { SurveyDialogResult } from '../survey/surveyDialog';
import { PASS_ON, type Message } from './message';

/** Every way a dialog started from the root can end. */
export type RootDialogResult = SurveyDialogResult | ThriveRoutingResult | SafetyCheckResult;

/**
 * Continues the active dialog; a message that was not its answer ("rerouted") passes on down the table.
 * @example row('the dialog waiting for an answer', (m) => Boolean(m.dialogs.activeDialog), continueActiveDialog)
 */
export async function continueActiveDialog(message: Message): Promise<void | typeof PASS_ON> {
  const turn = await message.dialogs.continueDialog();
  if (turn.status !== DialogTurnStatus.complete) return;
  // Cancelled or ended without a word (botbuilder's own prompts) counts as ended.
  const result = turn.result as RootDialogResult | undefined;
  switch (result?.kind) {
    case 'signposted':
      rememberShown(message, result.shown);
      return;
    case 'rerouted':
      return PASS_ON;
    default:
      return;
  }
}
