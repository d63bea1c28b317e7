/** Drives the real bot (real content, recognisers and translator) through botbuilder's TestAdapter. */
import { MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { loadDirectory } from '../../content/directory';
import { createTranslator } from '../../content/i18n';
import { isOpenAt } from '../../content/openingHours';
import { createBot } from '../../dialogs/createBot';
import { scrub } from '../../surveys/anonymise/scrubber';
import type { SurveyServices } from '../../surveys/index';

const directory = loadDirectory();

/** A conversation with the bot at a fixed time; `send` returns every reply to one message. */
export function botConversation(
  options: {
    now?: Date;
    storage?: Storage;
    locale?: string;
    conversationId?: string;
    userId?: string;
    surveys?: SurveyServices;
    handleErrors?: boolean;
  } = {},
) {
  const now = options.now ?? new Date('2026-11-24T14:00:00Z');
  const assembled = createBot({
    storage: options.storage ?? new MemoryStorage(),
    services: { directory, isOpenAt, t: createTranslator(), clock: () => now },
    scrub: (text) => scrub(text).text,
    surveys: options.surveys,
  });
  const template = {
    conversation: { id: options.conversationId ?? 'test-conv' },
    locale: options.locale ?? 'en-GB',
    ...(options.userId ? { from: { id: options.userId, name: 'user' } } : {}),
  };
  const adapter = new TestAdapter(assembled.logic, template as Partial<Activity>);
  // As the server does; off by default so a bug in a test's turn fails the test loudly.
  if (options.handleErrors) adapter.onTurnError = assembled.onTurnError;
  for (const middleware of assembled.middleware) adapter.use(middleware);
  return {
    directory,
    adapter,
    async send(activity: string | Partial<Activity>): Promise<Partial<Activity>[]> {
      adapter.activeQueue.splice(0);
      await adapter.receiveActivity(activity);
      return adapter.activeQueue.splice(0);
    },
  };
}

/** What a person would read: message text, card titles, subtitles and text, and button titles. */
export function readable(activities: Partial<Activity>[]): string {
  const parts: string[] = [];
  for (const activity of activities) {
    if (activity.text) parts.push(activity.text);
    for (const attachment of activity.attachments ?? []) {
      const content = attachment.content as {
        title?: string;
        subtitle?: string;
        text?: string;
        buttons?: Array<{ title: string }>;
      };
      parts.push(
        content.title ?? '',
        content.subtitle ?? '',
        content.text ?? '',
        ...(content.buttons ?? []).map((button) => button.title),
      );
    }
    for (const action of activity.suggestedActions?.actions ?? []) parts.push(action.title);
  }
  return parts.filter(Boolean).join('\n');
}

/** Names of the services shown as cards, in order. */
export function cardTitles(activities: Partial<Activity>[]): string[] {
  return activities.flatMap((activity) =>
    (activity.attachments ?? []).map((attachment) => String((attachment.content as { title?: string }).title ?? '')),
  );
}
