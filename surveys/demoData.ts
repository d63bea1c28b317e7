/** Synthetic answers for demos and benchmarks: plausible, varied, following the survey's conditions. */
import { isShown, profileOf } from './engine';
import type { Answer, SurveyDefinition } from './schema';

const COMMENTS = [
  'More help with money when I move out',
  'Quicker replies from the leaving care team',
  'Help to get my health history',
  'Somewhere to meet other care leavers',
  'Explain Staying Put earlier',
  'Help with bills and budgeting',
  'More drop-in times in the evening',
  'Being asked before decisions are made',
];

/**
 * One synthetic set of answers (about 1 in 12 skipped).
 * @example syntheticAnswers(survey, seededRandom(1))
 */
export function syntheticAnswers(
  survey: SurveyDefinition,
  random: () => number,
): { answers: Answer[]; ageBand?: string; careStatus?: string } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const answers: Answer[] = [];
  for (const question of survey.questions) {
    if (!isShown(question, answers)) continue;
    if (random() < 1 / 12) {
      answers.push({ q: question.id, skipped: true });
      continue;
    }
    switch (question.type) {
      case 'yesNo':
        answers.push({ q: question.id, v: random() < 0.6 ? 'yes' : 'no' });
        break;
      case 'scale':
      case 'number':
        answers.push({ q: question.id, v: question.min + Math.floor(random() * (question.max - question.min + 1)) });
        break;
      case 'singleChoice':
        answers.push({ q: question.id, v: pick(question.choices).id });
        break;
      case 'multipleChoice':
        answers.push({ q: question.id, v: [...new Set([pick(question.choices).id, pick(question.choices).id])] });
        break;
      case 'freeText':
        answers.push({ q: question.id, v: pick(COMMENTS) });
        break;
    }
  }
  return { answers, ...profileOf(survey, answers) };
}
