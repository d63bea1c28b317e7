/**
 * The bot's own buttons and survey answers, as examples of "not a risk" for the risk model: tapping "Yes, I'm safe"
 * or "Prefer not to say" must never be read as a warning sign. Built from the locale files and survey definitions,
 * so a new button is learned without anyone copying it into a corpus.
 */
import { LOCALE_RESOURCES, SUPPORTED_LOCALES } from '../../content/i18n';
import type { Example } from '../../content/understanding/corpus';
import { loadShippedSurveys } from '../../surveys/catalogue';

/** Button labels, by locale key; the i-THRIVE "I'm worried I might get hurt" is left out on purpose. */
const BUTTON_KEYS = [
  'menu.notSure',
  'menu.whatChanged',
  'menu.surveys',
  'menu.language',
  'menu.menu',
  'menu.openNow',
  'menu.more',
  'menu.moreOptions',
  'thrive.safeYes',
  'thrive.safeNo',
  'thrive.safeNotSure',
  'thrive.advice',
  'thrive.help',
  'thrive.moreHelp',
  'thrive.anything',
  'concern.no',
  'survey.consentYes',
  'survey.consentNo',
  'survey.skip',
  'survey.preferNot',
  'survey.back',
  'survey.pause',
];

function lookup(resources: Record<string, unknown>, key: string): string | undefined {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources);
  return typeof value === 'string' ? value : undefined;
}

/**
 * @example
 * interfaceExamples().find((example) => example.text === 'Prefer not to say') // { label: 'none.everyday', ... }
 */
export function interfaceExamples(): Example[] {
  const examples: Example[] = [];
  const add = (text: string | undefined, locale: string) => {
    if (text) examples.push({ text, label: 'none.everyday', language: locale === 'ar' ? 'ar' : 'en' });
  };
  for (const locale of SUPPORTED_LOCALES) {
    const resources = LOCALE_RESOURCES[locale];
    for (const key of BUTTON_KEYS) add(lookup(resources, key), locale);
    for (const topic of Object.values((resources as { topics: Record<string, { button: string }> }).topics))
      add(topic.button, locale);
  }
  for (const survey of loadShippedSurveys()) {
    for (const question of survey.questions) {
      const choices = 'choices' in question ? question.choices : [];
      for (const choice of choices) {
        for (const locale of SUPPORTED_LOCALES) {
          add(choice.label[locale], locale);
          for (const synonym of choice.synonyms?.[locale] ?? []) add(synonym, locale);
        }
      }
    }
  }
  return examples;
}
