/** What the server and the command line do first, before anything else loads: quiet warnings, private files, .env. */
import type { Env } from './config';
import { loadDotEnv } from './dotenv';

/**
 * Prepares this process for an entry point; returns the names `.env` set.
 * @example prepareProcess(process.env); const config = loadConfig(process.env);
 */
export function prepareProcess(env: Env = process.env): string[] {
  // restify 11 reads process.binding('http_parser') when it loads; the warning says nothing actionable to an operator.
  process.noDeprecation = true;
  // Data files (answers, transcripts, secrets) are readable by this user only.
  process.umask(0o077);
  return loadDotEnv(env);
}
