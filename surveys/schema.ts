/** The shape of a survey definition (data in surveys/definitions/*.json), validated with zod when loaded. */
import { z } from 'zod';

/** "You said" themes that results are grouped under. */
export const THEMES = [
  'health',
  'housing',
  'my PA',
  'money',
  'education and work',
  'being heard',
  'wellbeing',
  'about you',
] as const;
export const Theme = z.enum(THEMES);
export type Theme = z.infer<typeof Theme>;

/**
 * Reads a theme as people type it on a command line or in a URL: any case, with hyphens or underscores for spaces.
 * @example themeFrom('my-pa') // 'my PA'
 * @example themeFrom('Education_and_work') // 'education and work'
 */
export function themeFrom(input: unknown): Theme | undefined {
  if (typeof input !== 'string') return undefined;
  const folded = input.trim().toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ');
  return THEMES.find((theme) => theme.toLowerCase() === folded);
}

/** Text in every language the bot speaks; Arabic is required so no question falls back silently. */
export const LocalText = z.object({ 'en-GB': z.string().min(1).max(400), ar: z.string().min(1).max(400) }).strict();
export type LocalText = z.infer<typeof LocalText>;

/** A survey's id as it appears in links (`/?survey=<id>`), events and the command line. */
export const SurveyId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'survey ids are lower-case letters, digits and hyphens');

const Id = z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, 'ids are lower_snake_case');

export const Choice = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_]{0,40}$/, 'choice ids are lower_snake_case'),
    label: LocalText,
    /** Other ways people say this answer ("uni", "job"), so typing works as well as tapping. */
    synonyms: z
      .object({
        'en-GB': z.array(z.string().min(1).max(60)).max(20).optional(),
        ar: z.array(z.string().min(1).max(60)).max(20).optional(),
      })
      .strict()
      .optional(),
    /** "None of these": on a multiple-choice question it stands alone and is never part of "all of them". */
    exclusive: z.literal(true).optional(),
  })
  .strict();
export type Choice = z.infer<typeof Choice>;

/** Show a question only after a given answer to an earlier question. */
export const Condition = z
  .object({
    question: Id,
    equals: z.union([z.string(), z.number()]).optional(),
    in: z.array(z.union([z.string(), z.number()])).optional(),
  })
  .strict()
  .refine((c) => c.equals !== undefined || c.in !== undefined, 'a condition needs "equals" or "in"');
export type Condition = z.infer<typeof Condition>;

const Base = {
  id: Id,
  theme: Theme,
  text: LocalText,
  /** Wording a worker reads aloud on a phone call; the chat wording is used when absent. */
  readAloud: LocalText.optional(),
  showIf: Condition.optional(),
  /** Stored beside the answers (for filters) when the person chose to give it. */
  profile: z.enum(['ageBand', 'careStatus']).optional(),
};

export const Question = z.discriminatedUnion('type', [
  z.object({ ...Base, type: z.literal('yesNo') }).strict(),
  z
    .object({
      ...Base,
      type: z.literal('scale'),
      min: z.number().int().min(0).max(10),
      max: z.number().int().min(1).max(10),
      /** Words for the two ends (0 to 10), or for every point (a 5-point agree scale). */
      minLabel: LocalText,
      maxLabel: LocalText,
      pointLabels: z.array(LocalText).optional(),
    })
    .strict(),
  z.object({ ...Base, type: z.literal('singleChoice'), choices: z.array(Choice).min(2).max(10) }).strict(),
  z.object({ ...Base, type: z.literal('multipleChoice'), choices: z.array(Choice).min(2).max(10) }).strict(),
  z.object({ ...Base, type: z.literal('number'), min: z.number().int(), max: z.number().int() }).strict(),
  z.object({ ...Base, type: z.literal('freeText'), maxLength: z.number().int().min(10).max(1000) }).strict(),
]);
export type Question = z.infer<typeof Question>;

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** How many questions an intro promises ("Five short questions…", "3 questions"), if it says. */
function questionCountIn(intro: string): number | undefined {
  const number = String.raw`(\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
  const match = new RegExp(String.raw`\b${number}\s+(?:short\s+|quick\s+)?questions?\b`, 'i').exec(intro);
  if (!match) return undefined;
  const word = match[1].toLowerCase();
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS.indexOf(word);
}

export const SurveyDefinition = z
  .object({
    id: SurveyId,
    version: z.number().int().min(1),
    title: LocalText,
    intro: LocalText,
    /** What is kept, for how long, who sees it, and that they can stop at any time. */
    consent: LocalText,
    /** The consent as read out on a phone call (no chat words), one point per "- " line. */
    phoneConsent: LocalText.optional(),
    /** What happens next, shown with the thanks. */
    nextSteps: LocalText,
    questions: z.array(Question).min(1).max(40),
  })
  .strict()
  .superRefine((survey, ctx) => {
    const promised = questionCountIn(survey.intro['en-GB']);
    if (promised !== undefined && promised !== survey.questions.length)
      ctx.addIssue({
        code: 'custom',
        path: ['intro', 'en-GB'],
        message: `the intro promises ${promised} questions but there are ${survey.questions.length}`,
      });
    const seen = new Set<string>();
    for (const [index, question] of survey.questions.entries()) {
      if (seen.has(question.id))
        ctx.addIssue({
          code: 'custom',
          path: ['questions', index, 'id'],
          message: `duplicate question id ${question.id}`,
        });
      if (question.showIf && !seen.has(question.showIf.question))
        ctx.addIssue({
          code: 'custom',
          path: ['questions', index, 'showIf'],
          message: `showIf must refer to an earlier question, not ${question.showIf.question}`,
        });
      if ((question.type === 'scale' || question.type === 'number') && question.min >= question.max)
        ctx.addIssue({ code: 'custom', path: ['questions', index], message: 'min must be below max' });
      if (
        question.type === 'scale' &&
        question.pointLabels &&
        question.pointLabels.length !== question.max - question.min + 1
      )
        ctx.addIssue({ code: 'custom', path: ['questions', index, 'pointLabels'], message: 'one label per point' });
      seen.add(question.id);
    }
  });
export type SurveyDefinition = z.infer<typeof SurveyDefinition>;

/** One answer: a choice id, 'yes'/'no', a number, choice ids, scrubbed text, or skipped. */
export type AnswerValue = string | number | string[];
export interface Answer {
  q: string;
  /** Absent when skipped. */
  v?: AnswerValue;
  skipped?: true;
}
