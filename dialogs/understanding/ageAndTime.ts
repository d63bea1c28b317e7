/** Finds an age someone tells us ("I'm 19") and questions about opening times ("is it open now?"). */
import { Culture, recognizeNumber } from '@microsoft/recognizers-text-number';
import { normalise } from './normalise';

const MIN_AGE = 10;
const MAX_AGE = 30;

/** "i am 19", "19 years old", "age 22", "19yo", "turned 18", "i am twenty" (after normalising). */
const AGE_PATTERNS: RegExp[] = [
  new RegExp(
    [
      String.raw`\b(?:i am|am|aged?|my age is|age is|just turned|i turned|turned|`,
      String.raw`turning|i will be|be)\s+([a-z0-9 -]{1,20}?)(?:\s+(?:years?|`,
      String.raw`yrs?|yo)(?:\s+old)?|\s+y\s*o|\s+last\b|\s+next\b|\s+now\b|\s+and\b|`,
      String.raw`\s+so\b|\s+but\b|\s+in\b|$)`,
    ].join(''),
  ),
  /\b(\d{2})\s*(?:years?|yrs?|yo|y o)(?:\s+old)?\b/,
  /\b(\d{2})yo\b/,
  // "i am 19 what can i get": two digits straight after "i am" are an age whatever follows.
  new RegExp(
    [
      String.raw`\b(?:i am|aged?|age is|my age is|just turned|turned|turning)\s+(\d{2})\b(?!\s*(?:pounds|`,
      String.raw`quid|minutes|mins|hours|days|weeks|pills|tablets|%|percent))`,
    ].join(''),
  ),
];

const AGE_WORD =
  /\b(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)\b/;

function toAge(candidate: string): number | undefined {
  const trimmed = candidate.trim();
  if (/^\d{2}$/.test(trimmed)) return Number(trimmed);
  // Only a written-out age from ten to thirty is worth the number recogniser ("i am ok" is not).
  if (/\d/.test(trimmed) || !AGE_WORD.test(trimmed)) return undefined;
  const results = recognizeNumber(trimmed, Culture.English);
  if (results.length !== 1 || results[0].start !== 0 || results[0].end !== trimmed.length - 1) return undefined;
  const value = Number(results[0].resolution?.value);
  return Number.isInteger(value) ? value : undefined;
}

/**
 * The age someone gave, when it is plausibly an age (10 to 30).
 * @example extractAge("im 19 and need a flat") // 19
 * @example extractAge("i have 2 kids") // undefined
 */
export function extractAge(text: string): number | undefined {
  const normalised = normalise(text);
  for (const pattern of AGE_PATTERNS) {
    const match = pattern.exec(normalised);
    if (!match) continue;
    const age = toAge(match[1]);
    if (age !== undefined && age >= MIN_AGE && age <= MAX_AGE) return age;
  }
  return undefined;
}
