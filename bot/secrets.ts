/** The HMAC key for pseudonyms (and, derived from it, Direct Line tokens): from the environment, or made once and kept in DATA_DIR. */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SECRET_FILE = 'pseudonym-secret';

/**
 * Returns PSEUDONYM_SECRET, or in local mode a random secret generated once and kept (mode 0600) in the data directory.
 * @example const secret = pseudonymSecret(config.PSEUDONYM_SECRET, config.DATA_DIR);
 */
export function pseudonymSecret(fromEnv: string | undefined, dataDir: string): string {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}

/** A key for one purpose derived from the main secret, so one leak does not give away the other. */
export function deriveKey(secret: string, purpose: string): string {
  return createHmac('sha256', secret).update(`care-leavers-bot:${purpose}`).digest('base64url');
}
