/**
 * Reads a worker's phone-survey form into answers: zod-checked, free text scrubbed, questions hidden by conditions
 * dropped. What is wrong comes back as staff locale keys with their values, so the page can say it in words.
 */
import { z } from 'zod';
import { scrub } from '../../surveys/anonymise/scrubber';
import { finalAnswers, profileOf } from '../../surveys/engine';
import type { Answer, SurveyDefinition } from '../../surveys/schema';

/** The value of the "skipped or prefer not to say" choice on every question. */
export const SKIPPED = '__skipped';
const FormValue = z.union([z.string().max(2000), z.array(z.string().max(200)).max(20)]).optional();

/** A problem with one answer: a key under `assisted.errors` in the staff locale file and its values. */
export interface AnswerProblem {
  key: 'tooLong' | 'choose' | 'wholeNumber' | 'chooseListed' | 'keepUnder';
  values: Record<string, string | number>;
}

export type AssistedResult =
  | { ok: true; answers: Answer[]; ageBand?: string; careStatus?: string }
  | { ok: false; errors: Record<string, AnswerProblem> };

/**
 * @example readAssistedForm(survey, { pa_has: 'yes', one_change: 'More help' })
 */
export function readAssistedForm(survey: SurveyDefinition, body: Record<string, unknown>): AssistedResult {
  const errors: Record<string, AnswerProblem> = {};
  const answers: Answer[] = [];
  for (const question of survey.questions) {
    const problem = (key: AnswerProblem['key'], values: AnswerProblem['values'] = {}) =>
      (errors[question.id] = { key, values: { question: question.text['en-GB'], ...values } });
    const parsed = FormValue.safeParse(body[question.id]);
    if (!parsed.success) {
      problem('tooLong');
      continue;
    }
    const raw = parsed.data;
    const single = Array.isArray(raw) ? raw[0] : raw;
    const skip = () => answers.push({ q: question.id, skipped: true });
    if (raw === undefined || single === undefined || single.trim() === '' || single === SKIPPED) {
      skip();
      continue;
    }
    switch (question.type) {
      case 'yesNo':
      case 'singleChoice': {
        const allowed = question.type === 'yesNo' ? ['yes', 'no'] : question.choices.map((choice) => choice.id);
        if (allowed.includes(single)) answers.push({ q: question.id, v: single });
        else problem('choose');
        break;
      }
      case 'scale':
      case 'number': {
        const value = Number(single);
        if (Number.isInteger(value) && value >= question.min && value <= question.max)
          answers.push({ q: question.id, v: value });
        else problem('wholeNumber', { min: question.min, max: question.max });
        break;
      }
      case 'multipleChoice': {
        const values = (Array.isArray(raw) ? raw : [raw]).filter((value) => value !== SKIPPED);
        const allowed = question.choices.map((choice) => choice.id);
        if (values.length === 0) skip();
        else if (values.every((value) => allowed.includes(value)))
          answers.push({ q: question.id, v: [...new Set(values)] });
        else problem('chooseListed');
        break;
      }
      case 'freeText': {
        const text = scrub(single.trim()).text;
        if (text.length > question.maxLength) problem('keepUnder', { max: question.maxLength });
        else answers.push({ q: question.id, v: text });
        break;
      }
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const kept = finalAnswers(survey, answers);
  return { ok: true, answers: kept, ...profileOf(survey, kept) };
}
