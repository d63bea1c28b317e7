/** Staff accounts: a role and the hash of a one-time sign-in token (the token is shown once and never stored). */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Collection, StoredDocument } from '../store/port';
import { StaffRole } from './roles';

// The roles live in roles.ts; they are re-exported here for modules that read them beside accounts.
export { mayUse, STAFF_ROLES, StaffRole } from './roles';

export const NewStaff = z.object({ name: z.string().trim().min(1).max(80), role: StaffRole }).strict();

export interface StaffAccount extends StoredDocument {
  name: string;
  role: StaffRole;
  tokenHash: string;
  createdAt: Date;
  revokedAt?: Date;
}

/** Who is acting: a signed-in staff member, a Teams user on the allow-list, or the command line. */
export interface StaffPrincipal {
  id: string;
  name: string;
  role: StaffRole;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class StaffNotFoundError extends Error {
  override readonly name = 'StaffNotFoundError';
}

export class StaffAccounts {
  constructor(
    private readonly accounts: Collection<StaffAccount>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.accounts.ensureIndexes([{ key: { tokenHash: 1 }, name: 'token_hash_unique', unique: true }]);
  }

  /**
   * Creates an account and returns its sign-in token (256 random bits), which is not kept anywhere.
   * @example const { token } = await accounts.add({ name: 'Sam', role: 'cicc' });
   */
  async add(input: z.input<typeof NewStaff>): Promise<{ account: StaffAccount; token: string }> {
    const { name, role } = NewStaff.parse(input);
    const token = `stf_${randomBytes(32).toString('base64url')}`;
    const account: StaffAccount = {
      _id: `staff_${randomUUID()}`,
      name,
      role,
      tokenHash: hashToken(token),
      createdAt: this.clock(),
    };
    await this.accounts.insertOne(account);
    return { account, token };
  }

  /** The active account a token belongs to, or undefined (wrong, revoked or malformed token). */
  async byToken(token: string): Promise<StaffPrincipal | undefined> {
    if (!/^stf_[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
    const hash = hashToken(token);
    const account = await this.accounts.findOne({ tokenHash: hash });
    if (!account || account.revokedAt) return undefined;
    // The lookup is by hash already; the constant-time compare is belt and braces.
    if (!timingSafeEqual(Buffer.from(account.tokenHash), Buffer.from(hash))) return undefined;
    return { id: account._id, name: account.name, role: account.role };
  }

  async byId(id: string): Promise<StaffPrincipal | undefined> {
    const account = await this.accounts.findOne({ _id: id });
    return account && !account.revokedAt ? { id: account._id, name: account.name, role: account.role } : undefined;
  }

  async list(): Promise<StaffAccount[]> {
    return this.accounts.find({}, { sort: { createdAt: 1 } });
  }

  async revoke(id: string): Promise<void> {
    const result = await this.accounts.updateOne(
      { _id: id, revokedAt: { $exists: false } },
      { $set: { revokedAt: this.clock() } },
    );
    if (result.matchedCount === 0) throw new StaffNotFoundError(`There is no active staff account "${id}".`);
  }
}
