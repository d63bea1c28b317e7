/** Rows of the table that hand over to a capability (surveys, what changed, i-THRIVE, staff), or have no answer. */
import { MessageFactory } from 'botbuilder';
import { fallbackActivity } from '../fallback/fallback';
import { THRIVE_ROUTING_DIALOG } from '../ids';
import type { ThriveRoutingOptions } from '../signposting/thriveRoutingDialog';
import { PASS_ON, say, type Message } from './message';

/** "Not sure what I need": the i-THRIVE questions. */
export async function beginThrive(message: Message): Promise<void> {
  const options: ThriveRoutingOptions = { locale: message.locale, age: message.user.age };
  await message.dialogs.beginDialog(THRIVE_ROUTING_DIALOG, options);
}

/** "What changed?": the "you said, we did" board, when surveys are plugged in. */
export async function showWhatChanged(message: Message): Promise<void> {
  const { whatChanged } = message.extensions;
  if (whatChanged) return whatChanged.show(message.context, message.locale, message.user);
  await say(message, 'whatChanged.none');
}

/** "Have my say": with one survey paused, carry on with it; otherwise the open surveys. */
export async function showSurveys(message: Message): Promise<void> {
  const { surveys } = message.extensions;
  if (surveys) return surveys.carryOnOrList(message.dialogs, message.locale);
  await say(message, 'survey.noneOpen');
}

/** "stop" with no survey running: say where things stand rather than reading a need into it. */
export async function nothingToStop(message: Message): Promise<void> {
  const { t } = message.services;
  const paused = (await message.extensions.surveys?.paused(message.context)) ?? [];
  const reply = paused.length
    ? t(message.locale, 'survey.alreadyPaused', { title: paused[0].title[message.locale] })
    : t(message.locale, 'survey.nothingToStop');
  await message.context.sendActivity(MessageFactory.suggestedActions([t(message.locale, 'menu.menu')], reply));
}

/** A tapped survey title, "carry on", "delete <code>". */
export async function surveyMessages(message: Message): Promise<void | typeof PASS_ON> {
  const { surveys } = message.extensions;
  return (await surveys?.handleMessage(message.dialogs, message.text, message.locale)) ? undefined : PASS_ON;
}

/** Survey counts for staff recognised in Teams. */
export async function staffTools(message: Message): Promise<void | typeof PASS_ON> {
  return (await message.extensions.staffTools?.handle(message.context, message.text)) ? undefined : PASS_ON;
}

/** Anything else: the best guesses as buttons, a way to say it another way, and one line of urgent help. */
export async function fallback(message: Message): Promise<void> {
  const { t, directory } = message.services;
  const { locale, understood } = message;
  await message.context.sendActivity(
    fallbackActivity({ t, lines: directory.crisisLines(), locale, likelyTopics: understood.likelyTopics }),
  );
}
