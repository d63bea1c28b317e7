/** Reads a `.env` file from the project root at start, with Node's own parser; variables already set win. */
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { projectPath } from '../lib/paths';
import type { Env } from './config';

/**
 * Copies the values of `<root>/.env` into `env` where `env` has none; returns the names it set.
 * @example loadDotEnv(process.env) // ['PORT']
 */
export function loadDotEnv(env: Env, file = projectPath('.env')): string[] {
  if (!existsSync(file)) return [];
  const values = parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
  const set = Object.keys(values).filter((name) => env[name] === undefined);
  for (const name of set) env[name] = values[name];
  return set;
}
