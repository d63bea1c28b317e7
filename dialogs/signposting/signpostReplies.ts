/** Replies that show services: for needs, for a given age, for "can I talk to a person", and "is it open now?". */
import type { SubjectId, TopicId } from '../../content/topics';
import { crisisLinesText, orderCrisisLines } from '../crisis/crisisLines';
import type { Shown } from '../dialogResults';
import type { Message, Turn } from '../root/message';
import { openNowReply, signpost } from './signpost';

/** Remembered so "is it open now?" knows what "it" is, and an age given later shows the same topics again. */
export function rememberShown(turn: Turn, shown: Shown): void {
  turn.conversation.lastServiceIds = shown.shownServiceIds;
  turn.conversation.lastTopics = shown.topics;
}

/**
 * Services for needs (their specific subjects first), for the person's age if known; the first time, a hint that an
 * age would narrow them down.
 * @example await signpostTopics(message, ['housing']);
 */
export async function signpostTopics(message: Message, topics: TopicId[], subjects: SubjectId[] = []): Promise<void> {
  if (message.understood.age !== undefined) message.user.age = message.understood.age;
  const showAgeHint = message.user.age === undefined && !message.conversation.ageHintShown;
  if (showAgeHint) message.conversation.ageHintShown = true;
  const note = showAgeHint ? message.services.t(message.locale, 'signpost.ageHint') : undefined;
  const { locale, user } = message;
  const result = signpost(message.services, { topics, subjects, locale, age: user.age, note });
  await message.context.sendActivities(result.activities);
  rememberShown(message, { shownServiceIds: result.shownServiceIds, topics });
}

/** A need the person named in their own words, with the specific subjects in it. */
export function signpostNeeds(message: Message): Promise<void> {
  return signpostTopics(message, message.understood.topics, message.understood.subjects);
}

/** A tapped topic button ("Housing"). */
export function signpostTappedTopic(message: Message): Promise<void> {
  return message.choice?.kind === 'topic' ? signpostTopics(message, [message.choice.topic]) : Promise.resolve();
}

/** "I'm 19": noted, then the services shown last (or the leaving care team), now for that age. */
export async function noteAge(message: Message): Promise<void> {
  const age = message.understood.age!;
  message.user.age = age;
  const key = age >= 16 && age <= 25 ? 'signpost.ageNoted' : 'signpost.ageOutOfRange';
  await message.context.sendActivity(message.services.t(message.locale, key, { age }));
  const last = message.conversation.lastTopics;
  await signpostTopics(message, last?.length ? last : ['leaving-care-support']);
}

/** "Can I talk to a real person?": lines staffed by people (not 999), then the leaving care team. */
export async function offerAPerson(message: Message): Promise<void> {
  const { t, directory } = message.services;
  const lines = orderCrisisLines(directory.crisisLines(), ['suicide'], message.user.age).filter(
    (line) => line.id !== 'emergency-999',
  );
  await message.context.sendActivity(
    `${t(message.locale, 'human.reply')}\n\n${crisisLinesText(lines, message.locale)}`,
  );
  await signpostTopics(message, ['leaving-care-support']);
}

/** "Is it open now?" about the services shown last. */
export async function openNow(message: Message): Promise<void> {
  await message.context.sendActivity(
    openNowReply(message.services, message.conversation.lastServiceIds, message.locale),
  );
}
