/** Staff sign-in sessions: a random id in an HttpOnly cookie (only its hash stored), a CSRF token and an expiry. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Collection, StoredDocument } from '../store/port';
import type { StaffPrincipal } from './accounts';

export interface SessionDocument extends StoredDocument {
  staffId: string;
  csrf: string;
  expiresAt: Date;
}

export const SESSION_HOURS = 8;
const hash = (value: string) => createHash('sha256').update(value).digest('hex');

export class Sessions {
  constructor(
    private readonly sessions: Collection<SessionDocument>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.sessions.ensureIndexes([{ key: { expiresAt: 1 }, name: 'session_ttl', expireAfterSeconds: 0 }]);
  }

  /** Starts a session; the id goes in the cookie and is never stored as is. */
  async create(principal: StaffPrincipal): Promise<{ id: string; csrf: string; expiresAt: Date }> {
    const id = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    const expiresAt = new Date(this.clock().getTime() + SESSION_HOURS * 3_600_000);
    await this.sessions.insertOne({ _id: hash(id), staffId: principal.id, csrf, expiresAt });
    return { id, csrf, expiresAt };
  }

  /** The session for a cookie value, if it exists and has not expired. */
  async find(id: string | undefined): Promise<{ staffId: string; csrf: string } | undefined> {
    if (!id || !/^[A-Za-z0-9_-]{20,100}$/.test(id)) return undefined;
    const session = await this.sessions.findOne({ _id: hash(id) });
    if (!session || session.expiresAt.getTime() <= this.clock().getTime()) return undefined;
    return { staffId: session.staffId, csrf: session.csrf };
  }

  async destroy(id: string | undefined): Promise<void> {
    if (id) await this.sessions.deleteOne({ _id: hash(id) });
  }
}

/** Compares a submitted CSRF token with the expected one in constant time. */
export function csrfMatches(expected: string, submitted: unknown): boolean {
  if (typeof submitted !== 'string' || submitted.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(submitted));
}
