/** The control words, defined once, read the same wherever they are typed. */
import { CONTROL_WORDS, isResumeWord, isStopWord, surveyControl } from '../../dialogs/controlWords';
import { menuChoiceFromText } from '../../dialogs/menu/menu';
import { controlWord } from '../../dialogs/survey/answerParser';
import { normalise } from '../../dialogs/understanding/normalise';

describe('control words (word -> what it does)', () => {
  it.each([
    ...CONTROL_WORDS.skip.map((word) => [word, 'skip'] as const),
    ...CONTROL_WORDS.back.map((word) => [word, 'back'] as const),
    ...CONTROL_WORDS.stop.map((word) => [word, 'pause'] as const),
    ...CONTROL_WORDS.later.map((word) => [word, 'pause'] as const),
    ...CONTROL_WORDS.done.map((word) => [word, 'done'] as const),
  ])('reads "%s" in a survey as %s', (word, control) => {
    expect(controlWord(word)).toBe(control);
    expect(controlWord(`${word.toUpperCase()}!`)).toBe(control);
  });

  it.each(CONTROL_WORDS.stop)('reads "%s" as stop outside a survey too', (word) => {
    expect(isStopWord(normalise(word))).toBe(true);
  });

  it.each(CONTROL_WORDS.later)('does not read "%s" as stop when nothing is running', (word) => {
    expect(isStopWord(normalise(word))).toBe(false);
  });

  it.each([
    ...CONTROL_WORDS.menu.map((word) => [word, { kind: 'menu' }] as const),
    ...CONTROL_WORDS.arabic.map((word) => [word, { kind: 'setLocale', locale: 'ar' }] as const),
    ...CONTROL_WORDS.english.map((word) => [word, { kind: 'setLocale', locale: 'en-GB' }] as const),
  ])('reads "%s" anywhere as %j', (word, choice) => {
    expect(menuChoiceFromText(word)).toEqual(choice);
  });

  it.each([
    ['carry on', true],
    ['continue with the survey', true],
    ["let's carry on", true],
    ['carry on drinking', false],
  ])('reads "%s" as carry on with a paused survey: %s', (text, resume) => {
    expect(isResumeWord(normalise(text))).toBe(resume);
  });

  it('never reads a control word inside a longer message', () => {
    expect(surveyControl(normalise('i want to stop drinking'))).toBeUndefined();
    expect(isStopWord(normalise('how do i stop feeling like this'))).toBe(false);
  });
});
