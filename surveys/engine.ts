/**
 * The survey engine: which question comes next, which are hidden by conditions, and "Question n of m". Pure functions
 * over a definition and the answers so far.
 */
import type { Answer, Question, SurveyDefinition } from './schema';

/** Where someone is in a survey; kept in user state so it survives pauses, new conversations and restarts. */
export interface SurveyProgress {
  surveyId: string;
  version: number;
  /** Answers in the order given (skips included), so "back" can undo the last one. */
  answers: Answer[];
  /** The question being asked now; undefined once every question is answered. */
  currentId?: string;
  /** Choices picked so far on a multiple-choice question, before "Done". */
  pending?: string[];
  /** How many answers in a row could not be used, to make the re-prompt gentler and then offer to skip. */
  misses?: number;
  startedAt: string;
  /** The invitation code this person came with, for an invite-only survey (used up when they finish). */
  invite?: string;
}

function answerTo(answers: Answer[], questionId: string): Answer | undefined {
  return answers.find((answer) => answer.q === questionId);
}

/**
 * Whether a question is shown given the answers so far; a question whose condition's question was skipped is not shown.
 * @example isShown({ showIf: { question: 'pa_has', equals: 'yes' } } as Question, [{ q: 'pa_has', v: 'yes' }]) // true
 */
export function isShown(question: Question, answers: Answer[]): boolean {
  const condition = question.showIf;
  if (!condition) return true;
  const given = answerTo(answers, condition.question)?.v;
  if (given === undefined) return false;
  const values = Array.isArray(given) ? given : [given];
  if (condition.equals !== undefined) return values.includes(condition.equals as never);
  return values.some((value) => condition.in?.includes(value as never));
}

/** The first question after `afterId` (or the first of all) that is shown and not yet answered. */
export function nextQuestion(survey: SurveyDefinition, answers: Answer[], afterId?: string): Question | undefined {
  const start = afterId === undefined ? 0 : survey.questions.findIndex((question) => question.id === afterId) + 1;
  return survey.questions
    .slice(start)
    .find((question) => isShown(question, answers) && !answerTo(answers, question.id));
}

/**
 * Questions that will or might still be asked: shown ones, and conditional ones whose deciding question is still to
 * come.
 */
function countedQuestions(survey: SurveyDefinition, answers: Answer[]): Question[] {
  return survey.questions.filter((question) => {
    if (!question.showIf) return true;
    return answerTo(answers, question.showIf.question) === undefined ? true : isShown(question, answers);
  });
}

/**
 * Position of a question for "Question n of m" (m shrinks when an answer rules questions out).
 * @example progressOf(survey, [], survey.questions[0].id) // { n: 1, m: 15 }
 */
export function progressOf(survey: SurveyDefinition, answers: Answer[], questionId: string): { n: number; m: number } {
  const counted = countedQuestions(survey, answers);
  return { n: counted.findIndex((question) => question.id === questionId) + 1, m: counted.length };
}

/** A new progress record at the first question. */
export function startProgress(survey: SurveyDefinition, now: Date): SurveyProgress {
  return {
    surveyId: survey.id,
    version: survey.version,
    answers: [],
    currentId: nextQuestion(survey, [])?.id,
    startedAt: now.toISOString(),
  };
}

/** Records an answer (or a skip) to the current question and moves on. */
export function recordAnswer(survey: SurveyDefinition, progress: SurveyProgress, answer: Answer): SurveyProgress {
  const answers = [...progress.answers.filter((given) => given.q !== answer.q), answer];
  return {
    ...progress,
    answers,
    pending: undefined,
    misses: 0,
    currentId: nextQuestion(survey, answers, answer.q)?.id,
  };
}

/** Undoes the last answer so it is asked again; answers to questions it was deciding are dropped too. */
export function goBack(survey: SurveyDefinition, progress: SurveyProgress): SurveyProgress {
  const last = progress.answers.at(-1);
  if (!last) return { ...progress, pending: undefined, misses: 0 };
  const answers = progress.answers.slice(0, -1);
  const stillShown = answers.filter((answer) => {
    const question = survey.questions.find((candidate) => candidate.id === answer.q);
    return question ? isShown(question, answers) : false;
  });
  return { ...progress, answers: stillShown, pending: undefined, misses: 0, currentId: last.q };
}

/** Looks a question up by id. */
export function questionById(survey: SurveyDefinition, questionId: string | undefined): Question | undefined {
  return survey.questions.find((question) => question.id === questionId);
}

/** The answers kept in a finished response: only questions that were shown, in survey order. */
export function finalAnswers(survey: SurveyDefinition, answers: Answer[]): Answer[] {
  return survey.questions.flatMap((question) => {
    const answer = answerTo(answers, question.id);
    return answer && isShown(question, answers) ? [answer] : [];
  });
}

/**
 * The optional profile answers (age band, leaving-care status) the person chose to give, for filters.
 * @example profileOf(survey, answers) // { ageBand: '18_20', careStatus: undefined }
 */
export function profileOf(survey: SurveyDefinition, answers: Answer[]): { ageBand?: string; careStatus?: string } {
  const valueFor = (field: 'ageBand' | 'careStatus') => {
    const id = survey.questions.find((question) => question.profile === field)?.id;
    const value = answers.find((answer) => answer.q === id)?.v;
    return typeof value === 'string' ? value : undefined;
  };
  return { ageBand: valueFor('ageBand'), careStatus: valueFor('careStatus') };
}
