/** The words that steer the conversation rather than say something (menu, stop, skip, a language...), in one place. */
import { normalise } from './understanding/normalise';

/**
 * Every control word, by what it does. Lists are matched whole (never inside a longer message) after the caller's
 * folding: menu and language words as a button label is read (case, end punctuation, "please"), survey words after
 * `normalise` (text speak expanded, so "lets" is "let us"). A button's label works too: buttons are read from locales.
 */
export const CONTROL_WORDS = {
  /** Back to the menu, from anywhere, a survey included (the survey pauses). */
  menu: ['menu', 'main menu', 'help', 'start again', 'القائمة', 'مساعدة'],
  /** Switching language by name, from anywhere. */
  arabic: ['arabic', 'in arabic', 'arabic please', 'عربي', 'بالعربي', 'العربي'],
  english: ['english', 'in english', 'english please', 'انجليزي', 'إنجليزي', 'بالانجليزي', 'الإنجليزية'],
  /** Stop what is running: a survey pauses (answers and place kept); with nothing running, the bot says so. */
  stop: [
    'stop',
    'pause',
    'cancel',
    'quit',
    'exit',
    'stop it',
    'pause it',
    'stop survey',
    'stop the survey',
    'pause survey',
    'pause the survey',
    'i want to stop',
    'توقف',
    'إيقاف مؤقت',
    'ايقاف مؤقت',
    'إيقاف',
    'ايقاف',
  ],
  /** Putting a survey off: it pauses like "stop"; outside a survey there is nothing to put off. */
  later: [
    'later',
    'not now',
    'finish later',
    'i will finish later',
    'carry on later',
    'do it later',
    // Arabic: "later"
    'لاحقا',
    'لاحقًا',
  ],
  /** Leave a survey question unanswered. */
  skip: [
    'skip',
    'skip it',
    'skip this',
    'skip question',
    'pass',
    'next',
    'next question',
    'prefer not to say',
    'i prefer not to say',
    'rather not say',
    'i would rather not say',
    'do not want to say',
    'i do not want to say',
    'no comment',
    'none of your business',
    'تخطي',
    'تخطى',
    'تخط',
    'أفضل عدم القول',
    'افضل عدم القول',
    'لا أريد أن أقول',
    'لا اريد ان اقول',
  ],
  /** Back to the previous survey question. */
  back: [
    'back',
    'go back',
    'previous',
    'previous question',
    'change my last answer',
    'change last answer',
    'undo',
    'oops go back',
    'رجوع',
    'ارجع',
    'السابق',
    'عودة',
  ],
  /** Back to a paused survey; each may also end "(with) the survey", "my questions", "it" (see `isResumeWord`). */
  resume: [
    'continue',
    'carry on',
    'resume',
    'keep going',
    'finish',
    'go back to',
    'back to',
    'lets carry on',
    'let us carry on',
    'can i carry on',
    'can i continue',
  ],
  /** Finished picking choices in a multiple-choice question. */
  done: [
    'done',
    'finished',
    'that is all',
    'that is it',
    'thats all',
    'no more',
    'nothing else',
    'تم',
    'انتهيت',
    'هذا كل شيء',
  ],
} as const satisfies Record<string, readonly string[]>;

export type ControlWordKind = keyof typeof CONTROL_WORDS;

/** How a survey reads its control words: "stop" and "later" both pause it. */
export type SurveyControl = 'skip' | 'back' | 'pause' | 'done';

/** Keyed by the words as `normalise` leaves them, so "thats all" is found as "that is all", as typed. */
const SURVEY_CONTROLS: ReadonlyMap<string, SurveyControl> = new Map(
  (
    [
      ['skip', CONTROL_WORDS.skip],
      ['back', CONTROL_WORDS.back],
      ['pause', [...CONTROL_WORDS.stop, ...CONTROL_WORDS.later]],
      ['done', CONTROL_WORDS.done],
    ] as const
  ).flatMap(([control, words]) => words.map((word): [string, SurveyControl] => [normalise(word), control])),
);

/**
 * The survey control a whole message is, given its normalised words.
 * @example surveyControl('finish later') // 'pause'
 */
export function surveyControl(normalised: string): SurveyControl | undefined {
  return SURVEY_CONTROLS.get(normalised);
}

const STOP = new Set<string>(CONTROL_WORDS.stop.map(normalise));

/**
 * Whether a whole message (normalised words) asks to stop.
 * @example isStopWord('stop the survey') // true
 */
export function isStopWord(normalised: string): boolean {
  return STOP.has(normalised);
}

/** "carry on", "continue with the survey": back to a paused survey. Matched on normalised words. */
const RESUME = new RegExp(
  `^(?:${CONTROL_WORDS.resume.join('|')})(?: (?:with )?(?:the |my )?(?:survey|questions|questionnaire|it))?$`,
);

/**
 * Whether a whole message (normalised words) asks to carry on with a paused survey.
 * @example isResumeWord('carry on with the survey') // true
 */
export function isResumeWord(normalised: string): boolean {
  return RESUME.test(normalised);
}
