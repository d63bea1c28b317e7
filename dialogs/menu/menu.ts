/** The topic menu: buttons for every need and the other things the bot can do, and reading a tapped button back. */
import { ActionTypes, type CardAction } from 'botbuilder';
import { LOCALE_RESOURCES, SUPPORTED_LOCALES, type SupportedLocale, type Translate } from '../../content/i18n';
import { TOPIC_IDS, type TopicId } from '../../content/topics';
import { CONTROL_WORDS } from '../controlWords';

export type MenuChoice =
  | { kind: 'topic'; topic: TopicId }
  | { kind: 'notSure' | 'whatChanged' | 'surveys' | 'language' | 'menu' | 'openNow' | 'more' | 'moreOptions' }
  | { kind: 'setLocale'; locale: SupportedLocale };

const OTHER_CHOICES = [
  'notSure',
  'whatChanged',
  'surveys',
  'language',
  'menu',
  'openNow',
  'more',
  'moreOptions',
] as const;

type MenuItem = TopicId | 'notSure' | 'whatChanged' | 'surveys' | 'language' | 'menu' | 'more' | 'moreOptions';

/**
 * The menu in pages of at most six buttons, so on a phone the latest message and the send box stay in view.
 * The needs asked about most come first; "More topics" leads on.
 */
export const MENU_PAGES: Record<'main' | 'more' | 'moreOptions', MenuItem[]> = {
  main: ['feeling-low', 'housing', 'money', 'someone-to-talk-to', 'notSure', 'more'],
  more: [
    'health',
    'drugs-alcohol',
    'education-work',
    'leaving-care-support',
    'behaviour-neurodiversity',
    'moreOptions',
  ],
  moreOptions: ['parenting', 'surveys', 'whatChanged', 'language', 'menu'],
};

/** Names of each language in its own script, as shown on the language buttons. */
export const LANGUAGE_BUTTONS: Record<SupportedLocale, string> = { 'en-GB': 'English', ar: 'العربية' };

const imBack = (title: string): CardAction => ({ type: ActionTypes.ImBack, title, value: title });

/**
 * The menu as suggested actions (buttons) in the person's language.
 * @example context.sendActivity(MessageFactory.suggestedActions(menuActions(t, 'en-GB'), t('en-GB', 'menu.prompt')))
 */
export function menuActions(
  t: Translate,
  locale: SupportedLocale,
  page: keyof typeof MENU_PAGES = 'main',
): CardAction[] {
  return MENU_PAGES[page].map((item) =>
    imBack(t(locale, (TOPIC_IDS as readonly string[]).includes(item) ? `topics.${item}.button` : `menu.${item}`)),
  );
}

/** Buttons for a few topics (the fallback's best guesses), then the menu. */
export function topicActions(t: Translate, locale: SupportedLocale, topics: TopicId[]): CardAction[] {
  return [...topics.map((topic) => imBack(t(locale, `topics.${topic}.button`))), imBack(t(locale, 'menu.menu'))];
}

/** Buttons that follow a list of services. */
export function afterSignpostActions(t: Translate, locale: SupportedLocale): CardAction[] {
  return [imBack(t(locale, 'menu.openNow')), imBack(t(locale, 'menu.notSure')), imBack(t(locale, 'menu.menu'))];
}

/** The language buttons. */
export function languageActions(): CardAction[] {
  return SUPPORTED_LOCALES.map((locale) => imBack(LANGUAGE_BUTTONS[locale]));
}

/** Folded for lookup: case, end punctuation and a polite "please" do not change which button it is. */
const fold = (text: string): string =>
  text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[.!?]+$/, '')
    .replace(/^(?:please|pls|plz)\s+|\s+(?:please|pls|plz)$/g, '')
    .trim();

function buildLabelIndex(): Map<string, MenuChoice> {
  const index = new Map<string, MenuChoice>();
  for (const locale of SUPPORTED_LOCALES) {
    const resources = LOCALE_RESOURCES[locale] as {
      topics: Record<string, { button: string }>;
      menu: Record<string, string>;
    };
    for (const topic of TOPIC_IDS) index.set(fold(resources.topics[topic].button), { kind: 'topic', topic });
    for (const kind of OTHER_CHOICES) index.set(fold(resources.menu[kind]), { kind });
    index.set(fold(LANGUAGE_BUTTONS[locale]), { kind: 'setLocale', locale });
  }
  return index;
}

/** Typed words that work like a button anywhere, in a survey too: the menu, and switching language by name. */
const TYPED_CHOICES: Array<[string, MenuChoice]> = [
  ...CONTROL_WORDS.menu.map((word): [string, MenuChoice] => [word, { kind: 'menu' }]),
  ...CONTROL_WORDS.arabic.map((word): [string, MenuChoice] => [word, { kind: 'setLocale', locale: 'ar' }]),
  ...CONTROL_WORDS.english.map((word): [string, MenuChoice] => [word, { kind: 'setLocale', locale: 'en-GB' }]),
];

const LABEL_INDEX = new Map([...TYPED_CHOICES, ...buildLabelIndex()]);

/**
 * Reads a tapped (or typed) button label in any language.
 * @example menuChoiceFromText('Housing') // { kind: 'topic', topic: 'housing' }
 */
export function menuChoiceFromText(text: string): MenuChoice | undefined {
  return LABEL_INDEX.get(fold(text));
}
