/** The keys: pseudonyms' HMAC key and the Direct Line token key, from PSEUDONYM_SECRET or a secret kept in DATA_DIR. */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config';

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

/** The keys the services use, each derived for its own purpose from the one secret. */
export interface Keys {
  /** Keys young people's pseudonyms (survey responses, deletion codes). */
  pseudonym: string;
  /** Signs our Direct Line endpoint's conversation tokens. */
  directLine: string;
}

/**
 * The keys for this configuration (in local mode the secret is made on first use and kept in DATA_DIR).
 * @example const { pseudonym } = keysFor(loadConfig(process.env));
 */
export function keysFor(config: Pick<Config, 'PSEUDONYM_SECRET' | 'DATA_DIR'>): Keys {
  const secret = pseudonymSecret(config.PSEUDONYM_SECRET, config.DATA_DIR);
  return { pseudonym: deriveKey(secret, 'pseudonym'), directLine: deriveKey(secret, 'directline') };
}
