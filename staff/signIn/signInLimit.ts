/** Failed staff sign-ins (form or Bearer) are limited per client address, so tokens cannot be guessed at speed. */
import { recentEvents } from '../../surveys/recentEvents';

export interface SignInLimit {
  /** Seconds to wait when this address has failed too often lately; 0 when it may try. */
  waitSeconds(address: string): number;
  failed(address: string): void;
}

/**
 * @example const limit = createSignInLimit(Date.now); limit.failed('127.0.0.1'); limit.waitSeconds('127.0.0.1') // 0
 */
export function createSignInLimit(
  now: () => number = Date.now,
  options = { attempts: 10, windowMs: 15 * 60 * 1000 },
): SignInLimit {
  const failures = recentEvents(now, options.windowMs);
  return {
    waitSeconds(address) {
      const times = failures.times(address);
      return times.length >= options.attempts ? Math.ceil((times[0] + options.windowMs - now()) / 1000) : 0;
    },
    failed: (address) => failures.add(address),
  };
}

/** No limit (load tests and tests with RATE_LIMIT_PER_MINUTE=0). */
export const NO_SIGN_IN_LIMIT: SignInLimit = { waitSeconds: () => 0, failed: () => undefined };
