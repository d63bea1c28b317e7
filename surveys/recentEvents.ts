/**
 * Times of recent events per key, kept in memory only, for the limits on guesses and repeats (wrong deletion codes,
 * failed staff sign-ins, open-link completions). Keys not used lately are forgotten first beyond a bound.
 */
import { setNewest } from '../lib/newestFirstMap';

/**
 * @example const failures = recentEvents(Date.now, 60_000); failures.add('c1'); failures.times('c1').length // 1
 */
export function recentEvents(now: () => number, windowMs: number, maxKeys = 10_000) {
  const events = new Map<string, number[]>();
  const times = (key: string, withinMs = windowMs): number[] =>
    (events.get(key) ?? []).filter((time) => now() - time < Math.min(withinMs, windowMs));
  return {
    /** This key's events in the last `withinMs` (at most the window), oldest first. */
    times,
    add(key: string): void {
      setNewest(events, key, [...times(key), now()], maxKeys);
    },
  };
}
