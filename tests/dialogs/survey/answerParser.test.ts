import { parseAnswer } from '../../../dialogs/survey/answerParser';
import { loadShippedSurveys } from '../../../surveys/catalogue';
import type { Question } from '../../../surveys/schema';

const questions = new Map(
  loadShippedSurveys().flatMap((survey) =>
    survey.questions.map((question) => [question.id, question] as [string, Question]),
  ),
);
const q = (id: string) => questions.get(id)!;

describe('understanding typed survey answers', () => {
  it.each([
    ['pa_has', 'yes', 'yes'],
    ['pa_has', 'Yeah', 'yes'],
    ['pa_has', 'yep def', 'yes'],
    ['pa_has', 'ye', 'yes'],
    ['pa_has', 'ofc', 'yes'],
    ['pa_has', 'nah', 'no'],
    ['pa_has', 'nope', 'no'],
    ['pa_has', 'no not really', 'no'],
    ['pa_has', 'NO', 'no'],
    ['pa_has', 'نعم', 'yes'],
    ['pa_has', 'لا', 'no'],
    ['pa_has', 'ايوه', 'yes'],
    ['life_satisfaction', '7', 7],
    ['life_satisfaction', 'seven', 7],
    ['life_satisfaction', 'about 8 out of 10', 8],
    ['life_satisfaction', '6/10', 6],
    ['life_satisfaction', 'prob a 3', 3],
    ['life_satisfaction', '٧', 7],
    ['life_satisfaction', 'سبعة', 7],
    ['life_satisfaction', '0', 0],
    ['pa_support', 'agree', 4],
    ['pa_support', 'Strongly agree', 5],
    ['pa_support', 'disagree', 2],
    ['pa_support', 'strongly disagree', 1],
    ['pa_support', 'not sure', 3],
    ['pa_support', '4', 4],
    ['pa_support', 'أوافق بشدة', 5],
    ['age_band', "I'm 19", '18_20'],
    ['age_band', '16', '16_17'],
    ['age_band', '2', '18_20'],
    ['age_band', '21 to 25', '21_25'],
    ['age_band', 'the first one', '16_17'],
    ['care_status', 'left care', 'left_care'],
    ['care_status', 'staying put', 'staying_put'],
    ['care_status', 'still in care', 'still_in_care'],
    ['pa_contact', 'most of the time', 'mostly'],
    ['pa_contact', 'hardly ever tbh', 'hardly_ever'],
    ['pa_contact', 'always', 'always'],
    ['health_history', 'yeah', 'yes'],
    ['health_history', 'not sure what that is', 'not_sure'],
    ['money_worries', 'bills and food', ['bills', 'food']],
    ['money_worries', '1, 3', ['bills', 'debt']],
    ['money_worries', '1 and 2 and 4', ['bills', 'food', 'benefits']],
    ['money_worries', 'bills and nothing else', ['bills']],
  ])('reads %s ← "%s" as %j', (id, text, expected) => {
    const parsed = parseAnswer(q(id as string), text as string, 'en-GB');
    expect(parsed).toEqual({ kind: 'answer', value: expected });
  });

  it.each([
    ['skip'],
    ['Skip'],
    ['prefer not to say'],
    ['Prefer not to say'],
    ['pass'],
    ['rather not say'],
    ['تخطي'],
    ['أفضل عدم القول'],
  ])('treats "%s" as a skip on every kind of question', (text) => {
    for (const id of ['pa_has', 'life_satisfaction', 'age_band', 'money_worries', 'one_change'])
      expect(parseAnswer(q(id), text, 'en-GB')).toEqual({ kind: 'skip' });
  });

  it.each([['stop'], ['pause'], ['Pause'], ['later'], ['finish later'], ['توقف']])('treats "%s" as pause', (text) => {
    expect(parseAnswer(q('pa_has'), text, 'en-GB')).toEqual({ kind: 'pause' });
  });

  it.each([['back'], ['go back'], ['Back'], ['رجوع']])('treats "%s" as back', (text) => {
    expect(parseAnswer(q('life_satisfaction'), text, 'en-GB')).toEqual({ kind: 'back' });
  });

  it('adds one tapped choice at a time on a multiple-choice question, and "Done" finishes it', () => {
    expect(parseAnswer(q('money_worries'), 'Food', 'en-GB')).toEqual({ kind: 'pick', choiceId: 'food' });
    expect(parseAnswer(q('money_worries'), 'Done', 'en-GB')).toEqual({ kind: 'done' });
  });

  it('asks again rather than guessing', () => {
    expect(parseAnswer(q('life_satisfaction'), '11', 'en-GB')).toEqual({ kind: 'unclear', reason: 'outOfRange' });
    expect(parseAnswer(q('life_satisfaction'), 'dunno really', 'en-GB').kind).toBe('unclear');
    expect(parseAnswer(q('pa_has'), 'what do you mean', 'en-GB').kind).toBe('unclear');
    expect(parseAnswer(q('age_band'), 'purple', 'en-GB').kind).toBe('unclear');
    expect(parseAnswer(q('one_change'), 'x'.repeat(501), 'en-GB')).toEqual({ kind: 'unclear', reason: 'tooLong' });
  });

  it('keeps free text as typed (it was scrubbed before it got here)', () => {
    expect(parseAnswer(q('one_change'), 'More help with bills', 'en-GB')).toEqual({
      kind: 'answer',
      value: 'More help with bills',
    });
    expect(parseAnswer(q('one_change'), 'no', 'en-GB')).toEqual({ kind: 'answer', value: 'no' });
  });
});
