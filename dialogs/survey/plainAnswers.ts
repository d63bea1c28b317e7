/** Plain answers in young people's words: yes or no (slang and Arabic too), and numbers (digits, words, Arabic). */
import { recognizeBoolean } from '@microsoft/recognizers-text-choice';
import { Culture, recognizeNumber } from '@microsoft/recognizers-text-number';
import { normalise } from '../understanding/normalise';

const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
const ARABIC_NUMBER_WORDS: Record<string, number> = {
  صفر: 0,
  واحد: 1,
  واحدة: 1,
  اثنان: 2,
  اثنين: 2,
  إثنان: 2,
  ثلاثة: 3,
  ثلاث: 3,
  أربعة: 4,
  اربعة: 4,
  أربع: 4,
  خمسة: 5,
  خمس: 5,
  ستة: 6,
  ست: 6,
  سبعة: 7,
  سبع: 7,
  ثمانية: 8,
  ثمان: 8,
  تسعة: 9,
  تسع: 9,
  عشرة: 10,
  عشر: 10,
};
const YES = new RegExp(
  [
    String.raw`^(?:yes+|yeah|yea|yeh|yep|yup|ya|yah|ye|yh|y|sure|ofc|of course|course|defo|definitely|deffo|aye|`,
    String.raw`correct|right|true|100|نعم|ايوه|أيوه|ايوة|أيوة|اي|أجل|اجل|بلى|طبعا)(?:\s|$)`,
  ].join(''),
);
const NO = new RegExp(
  [
    String.raw`^(?:no+|nah+|nope|na|naa|n|never|do not think so|i do not think so|dont think so|i dont think so|`,
    String.raw`lol no|not really|not at all|not right now|not at the moment|not anymore|not any more|not now|`,
    String.raw`not yet|no way|i do not|i have not|i am not|i dont|i havent|لا|كلا|أبدا|ابدا)(?:\s|$)`,
  ].join(''),
);
/** Short affirmative phrases that are only a yes when they are the whole message ("I am with my carers" is not). */
const YES_WHOLE =
  /^(?:i do|i have|i am|i think so|think so|i guess so|guess so|i do have one|i have one|i have got one|got one)$/;
/** "Not sure" is neither yes nor no: it is asked again (or skipped). */
const UNSURE = new RegExp(
  [
    String.raw`^(?:not sure|unsure|dunno|do not know|i do not know|no idea|maybe|kind of|sort of|idk|not too sure`,
    String.raw`|i am not sure)(?:\s|$)`,
  ].join(''),
);

/**
 * Text folded for matching: digits in Arabic script become 0-9, "8/10" and "8 out of 10" become 8.
 * @example fold('٨/10') // '8'
 */
export function fold(text: string): string {
  const latinDigits = text.replace(ARABIC_DIGITS, (digit) => String(digit.charCodeAt(0) & 0xf));
  return normalise(latinDigits.replace(/(\d+)\s*(?:\/|out of|من)\s*10\b/gi, '$1'));
}

/** The first whole number in the text (digits, English number words via recognizers-text, or Arabic words 0-10). */
export function firstNumber(text: string, folded = fold(text)): number | undefined {
  const digits = /(?:^|\s)(-?\d+)(?:\s|$)/.exec(folded);
  if (digits) return Number(digits[1]);
  const recognised = recognizeNumber(folded, Culture.English)
    .map((result) => Number((result.resolution as { value?: string }).value))
    .find((value) => Number.isInteger(value));
  if (recognised !== undefined) return recognised;
  return folded
    .split(' ')
    .map((word) => ARABIC_NUMBER_WORDS[word.replace(/^و/, '')])
    .find((value) => value !== undefined);
}

/** 'yes', 'no' or undefined, from slang, recognizers-text and Arabic. */
export function yesOrNo(text: string, folded = fold(text)): 'yes' | 'no' | undefined {
  // "ya" is read as "you" by the text-speak rewrites, so the plain lower-case text is tried too.
  const plain = text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .trim();
  if (UNSURE.test(folded)) return undefined;
  if (NO.test(folded) || NO.test(plain)) return 'no';
  if (YES.test(folded) || YES.test(plain) || YES_WHOLE.test(folded)) return 'yes';
  const recognised = recognizeBoolean(folded, Culture.English)[0]?.resolution as
    { value?: boolean; score?: number } | undefined;
  if (recognised && (recognised.score ?? 0) >= 0.5) return recognised.value ? 'yes' : 'no';
  return undefined;
}
