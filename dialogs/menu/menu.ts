/** The topic menu: buttons for every need and the other things the bot can do, and reading a tapped button back. */
import { ActionTypes, type CardAction } from 'botbuilder';
import { LOCALE_RESOURCES, SUPPORTED_LOCALES, type SupportedLocale, type Translate } from '../../content/i18n';
import { TOPIC_IDS, type TopicId } from '../../content/topics';

export type MenuChoice =
  | { kind: 'topic'; topic: TopicId }
  | { kind: 'notSure' | 'whatChanged' | 'surveys' | 'language' | 'menu' | 'openNow' }
  | { kind: 'setLocale'; locale: SupportedLocale };

const OTHER_CHOICES = ['notSure', 'whatChanged', 'surveys', 'language', 'menu', 'openNow'] as const;

/** Names of each language in its own script, as shown on the language buttons. */
export const LANGUAGE_BUTTONS: Record<SupportedLocale, string> = { 'en-GB': 'English', ar: 'العربية' };

const imBack = (title: string): CardAction => ({ type: ActionTypes.ImBack, title, value: title });

/**
 * The menu as suggested actions (buttons) in the person's language.
 * @example context.sendActivity(MessageFactory.suggestedActions(menuActions(t, 'en-GB'), t('en-GB', 'menu.prompt')))
 */
export function menuActions(t: Translate, locale: SupportedLocale): CardAction[] {
  return [
    ...TOPIC_IDS.map((topic) => imBack(t(locale, `topics.${topic}.button`))),
    imBack(t(locale, 'menu.notSure')),
    imBack(t(locale, 'menu.whatChanged')),
    imBack(t(locale, 'menu.surveys')),
    imBack(t(locale, 'menu.language')),
  ];
}

/** Buttons that follow a list of services. */
export function afterSignpostActions(t: Translate, locale: SupportedLocale): CardAction[] {
  return [imBack(t(locale, 'menu.openNow')), imBack(t(locale, 'menu.notSure')), imBack(t(locale, 'menu.menu'))];
}

/** The language buttons. */
export function languageActions(): CardAction[] {
  return SUPPORTED_LOCALES.map((locale) => imBack(LANGUAGE_BUTTONS[locale]));
}

const fold = (text: string): string => text.normalize('NFKC').trim().toLowerCase().replace(/[.!?]+$/, '');

function buildLabelIndex(): Map<string, MenuChoice> {
  const index = new Map<string, MenuChoice>();
  for (const locale of SUPPORTED_LOCALES) {
    const resources = LOCALE_RESOURCES[locale] as { topics: Record<string, { button: string }>; menu: Record<string, string> };
    for (const topic of TOPIC_IDS) index.set(fold(resources.topics[topic].button), { kind: 'topic', topic });
    for (const kind of OTHER_CHOICES) index.set(fold(resources.menu[kind]), { kind });
    index.set(fold(LANGUAGE_BUTTONS[locale]), { kind: 'setLocale', locale });
  }
  return index;
}

const LABEL_INDEX = buildLabelIndex();

/**
 * Reads a tapped (or typed) button label in any language.
 * @example menuChoiceFromText('Housing') // { kind: 'topic', topic: 'housing' }
 */
export function menuChoiceFromText(text: string): MenuChoice | undefined {
  return LABEL_INDEX.get(fold(text));
}
