/** Single-use invitations for invite-only surveys: a worker hands out links; each code counts one completion. */
import { createHash, randomBytes } from 'node:crypto';
import type { Collection, StoredDocument } from '../store/port';

/** Letters and digits that cannot be mistaken for each other when read aloud or copied from a QR code. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** 12 characters from 31: about 59 bits, far beyond guessing. */
const CODE_LENGTH = 12;
export const INVITE_CODE = /^[a-z2-9]{12}$/;

export interface InvitationDocument extends StoredDocument {
  /** A hash of the code: the store never holds a code that could be used. */
  _id: string;
  surveyId: string;
  createdAt: Date;
  usedAt?: Date;
}

export type InvitationState = 'ok' | 'used' | 'unknown';

const hashOf = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * @example
 * const [code] = await invitations.create('wellbeing-check-in', 1);
 * await invitations.claim('wellbeing-check-in', code) // true
 */
export class Invitations {
  constructor(
    private readonly invitations: Collection<InvitationDocument>,
    private readonly clock: () => Date = () => new Date(),
    private readonly random: (bytes: number) => Buffer = randomBytes,
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.invitations.ensureIndexes([{ key: { surveyId: 1 }, name: 'by_survey' }]);
  }

  /** Makes `count` new codes for a survey; only their hashes are stored. */
  async create(surveyId: string, count: number): Promise<string[]> {
    const codes = Array.from({ length: count }, () =>
      Array.from(this.random(CODE_LENGTH), (byte) => ALPHABET[byte % ALPHABET.length]).join(''),
    );
    await this.invitations.insertMany(codes.map((code) => ({ _id: hashOf(code), surveyId, createdAt: this.clock() })));
    return codes;
  }

  /** Whether a code can still be used for this survey. */
  async check(surveyId: string, code: string | undefined): Promise<InvitationState> {
    if (!code || !INVITE_CODE.test(code)) return 'unknown';
    const found = await this.invitations.findOne({ _id: hashOf(code), surveyId });
    if (!found) return 'unknown';
    return found.usedAt ? 'used' : 'ok';
  }

  /** Uses the code up, once: true for the one completion that gets it, false for any other. */
  async claim(surveyId: string, code: string | undefined): Promise<boolean> {
    if (!code || !INVITE_CODE.test(code)) return false;
    const claimed = await this.invitations.findOneAndUpdate(
      { _id: hashOf(code), surveyId, usedAt: { $exists: false } },
      { $set: { usedAt: this.clock() } },
    );
    return claimed !== null;
  }

  /** Gives a claimed code back when the answers it was for could not be saved. */
  async release(surveyId: string, code: string): Promise<void> {
    await this.invitations.updateOne({ _id: hashOf(code), surveyId }, { $unset: { usedAt: '' } });
  }

  /** How many codes a survey has, and how many were used. */
  async counts(surveyId: string): Promise<{ created: number; used: number }> {
    const [created, used] = await Promise.all([
      this.invitations.countDocuments({ surveyId }),
      this.invitations.countDocuments({ surveyId, usedAt: { $exists: true } }),
    ]);
    return { created, used };
  }
}
