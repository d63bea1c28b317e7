/** Each survey question as a form field for a worker on a call: read-aloud wording, and "skipped" on every question. */
import type { Question, SurveyDefinition } from '../../surveys/schema';
import type { StaffTranslate } from '../shared/i18n';
import { SKIPPED } from './assistedForm';

/**
 * @example assistedField(t, question, {}, undefined).kind // 'radios'
 */
export function assistedField(t: StaffTranslate, question: Question, form: Record<string, unknown>, error?: string) {
  const legend = (question.readAloud ?? question.text)['en-GB'];
  const name = question.id;
  const value = form[name];
  const skipped = { value: SKIPPED, text: t('assisted.skipped'), checked: value === SKIPPED };
  const or = { divider: t('assisted.or') };
  const choice = (id: string, text: string) => ({
    value: id,
    text,
    checked: Array.isArray(value) ? value.includes(id) : value === id,
  });
  switch (question.type) {
    case 'yesNo':
      return {
        kind: 'radios',
        name,
        legend,
        error,
        items: [choice('yes', t('results.yes')), choice('no', t('results.no')), or, skipped],
      };
    case 'singleChoice':
      return {
        kind: 'radios',
        name,
        legend,
        error,
        items: [...question.choices.map((option) => choice(option.id, option.label['en-GB'])), or, skipped],
      };
    case 'scale': {
      const points = Array.from({ length: question.max - question.min + 1 }, (_, index) => question.min + index);
      return {
        kind: 'radios',
        name,
        legend,
        error,
        hint: `${question.min} = ${question.minLabel['en-GB']}, ${question.max} = ${question.maxLabel['en-GB']}`,
        items: [
          ...points.map((point, index) =>
            choice(String(point), question.pointLabels?.[index]?.['en-GB'] ?? String(point)),
          ),
          or,
          skipped,
        ],
      };
    }
    case 'multipleChoice':
      return {
        kind: 'checkboxes',
        name,
        legend,
        error,
        hint: t('assisted.tickAll'),
        items: [
          ...question.choices.map((option) => choice(option.id, option.label['en-GB'])),
          or,
          { ...skipped, behaviour: 'exclusive' },
        ],
      };
    case 'number':
      return {
        kind: 'number',
        name,
        legend,
        error,
        hint: t('assisted.numberHint', { min: question.min, max: question.max }),
        value: typeof value === 'string' ? value : '',
      };
    case 'freeText':
      return {
        kind: 'text',
        name,
        legend,
        error,
        hint: t('assisted.textHint', { max: question.maxLength }),
        value: typeof value === 'string' ? value : '',
      };
  }
}

/** The consent points to read out on a call: the survey's phone wording, else its chat wording's "- " lines. */
export function phoneConsentPoints(survey: SurveyDefinition): string[] {
  const text = (survey.phoneConsent ?? survey.consent)['en-GB'];
  const points = text
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2).trim());
  return points.length > 0 ? points : [text];
}
