/**
 * Open-link surveys: completions from one device or network (a keyed hash of its address, held in memory only) are
 * watched, so one person filling a survey in again and again cannot pass for many people.
 */

import { recentEvents } from './recentEvents';

export interface CompletionVerdict {
  /** Too many from this client today: refused, kindly. */
  refuse: boolean;
  /** Several from this client within minutes: kept, but flagged so its comment is not shown. */
  burst: boolean;
}

/**
 * @example
 * const guard = createCompletionGuard(Date.now)
 * guard.check('wellbeing-check-in', 'k1') // { refuse: false, burst: false }
 */
export function createCompletionGuard(
  now: () => number = Date.now,
  limits = { perDay: 20, burstCount: 3, burstMinutes: 10 },
) {
  const completions = recentEvents(now, 86_400_000, 50_000);
  return {
    check(surveyId: string, clientKey: string | undefined): CompletionVerdict {
      if (!clientKey) return { refuse: false, burst: false };
      const key = `${surveyId}|${clientKey}`;
      return {
        refuse: completions.times(key).length >= limits.perDay,
        burst: completions.times(key, limits.burstMinutes * 60_000).length + 1 >= limits.burstCount,
      };
    },
    completed(surveyId: string, clientKey: string | undefined): void {
      if (clientKey) completions.add(`${surveyId}|${clientKey}`);
    },
  };
}
export type CompletionGuard = ReturnType<typeof createCompletionGuard>;
