/** Per-client rate limits (token buckets in memory): a client sending far faster than a person types gets 429. */
import type { Request, Response } from 'restify';
import { sendError } from './httpErrors';
import { setNewest } from '../lib/newestFirstMap';

/** At most this many clients are tracked; the least recently seen are forgotten first, so memory stays bounded. */
const MAX_TRACKED = 20_000;

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimiter {
  /** Takes one request from the key's allowance; false (with when to retry) when it is used up. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number };
}

/**
 * A bucket per key holding a third of a minute's allowance (bursts of taps are fine), refilled at `perMinute`.
 * `perMinute` 0 turns limits off (load tests and benchmarks).
 * @example const limiter = createRateLimiter(30, Date.now); limiter.take('conv-1').ok // true
 */
export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const capacity = Math.max(5, Math.ceil(perMinute / 3));
  const perMs = perMinute / 60_000;
  return {
    take(key) {
      if (perMinute <= 0) return { ok: true };
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, at: time };
      bucket.tokens = Math.min(capacity, bucket.tokens + (time - bucket.at) * perMs);
      bucket.at = time;
      setNewest(buckets, key, bucket, MAX_TRACKED);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}

/** The address a request came from (the socket's; a proxy in front would need its own limits). */
export const clientAddress = (req: Request): string => req.socket?.remoteAddress ?? 'unknown';

/**
 * Answers 429 with Retry-After and returns false when the key is over its limit.
 * @example if (!allow(limiter, `dl|${conversationId}`, res)) return;
 */
export function allow(limiter: RateLimiter, key: string, res: Response): boolean {
  const taken = limiter.take(key);
  if (taken.ok) return true;
  res.header('Retry-After', String(taken.retryAfterSeconds));
  sendError(res, 429, 'TooManyRequests', `Too many messages. Wait ${taken.retryAfterSeconds} seconds and try again.`);
  return false;
}
