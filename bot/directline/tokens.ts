/** Short-lived Direct Line tokens, HMAC-signed and bound to one conversation and one user. */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export const TOKEN_LIFETIME_SECONDS = 1800;

/** The token is missing, malformed, forged or expired. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

const sign = (secret: string, body: string): string => createHmac('sha256', secret).update(body).digest('base64url');

/**
 * @example const token = issueToken(secret, { conversationId: 'c1', userId: 'dl_x' }, new Date());
 */
export function issueToken(
  secret: string,
  subject: { conversationId: string; userId: string },
  now: Date,
): { token: string; expiresIn: number } {
  const claims: TokenClaims = { ...subject, exp: Math.floor(now.getTime() / 1000) + TOKEN_LIFETIME_SECONDS };
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { token: `${body}.${sign(secret, body)}`, expiresIn: TOKEN_LIFETIME_SECONDS };
}

/**
 * Checks the signature and expiry; throws InvalidTokenError otherwise.
 * @example verifyToken(secret, req.header('authorization'), new Date()).conversationId
 */
export function verifyToken(secret: string, authorization: string | undefined, now: Date): TokenClaims {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw new InvalidTokenError('A Bearer token is required.');
  const [body, signature] = token.split('.');
  if (!body || !signature) throw new InvalidTokenError('The token is malformed.');
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw new InvalidTokenError('The token is not valid.');
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    throw new InvalidTokenError('The token is malformed.');
  }
  if (typeof claims.conversationId !== 'string' || typeof claims.userId !== 'string' || typeof claims.exp !== 'number')
    throw new InvalidTokenError('The token is malformed.');
  if (claims.exp * 1000 <= now.getTime()) throw new InvalidTokenError('The token has expired.');
  return claims;
}
