/**
 * The bot's own buttons, control words and survey answers, as examples of "not a risk" for the risk model: tapping
 * "Yes, I'm safe" or "Prefer not to say", or typing "carry on", must never be read as a warning sign. Built from the
 * locale files, control words and survey definitions, so a new button is learned without anyone copying it.
 */
import { LOCALE_RESOURCES, SUPPORTED_LOCALES } from '../../content/i18n';
import { languageOf, type Example } from '../../content/understanding/corpus';
import { CONTROL_WORDS } from '../controlWords';
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
  // The words that steer a survey ("carry on", "no more", "finish later") are typed alone, and crisis detection reads
  // them first: "carry on" had come to sound like carrying for a gang.
  for (const word of Object.values(CONTROL_WORDS).flat()) add(word, languageOf(word) === 'ar' ? 'ar' : 'en-GB');
  for (const word of CONTROL_WORDS.resume) add(`${word} with the survey`, 'en-GB');
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
