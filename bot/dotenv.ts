/** Reads a `.env` file from the project root at start, with Node's own parser; variables already set win. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/** The project root: where package.json is, from the source tree or from dist/. */
export const PROJECT_ROOT =
  [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..')].find((dir) =>
    existsSync(path.join(dir, 'package.json')),
  ) ?? process.cwd();

/**
 * Copies the values of `<root>/.env` into `env` where `env` has none; returns the names it set.
 * @example loadDotEnv(process.env) // ['PORT']
 */
export function loadDotEnv(env: Record<string, string | undefined>, file = path.join(PROJECT_ROOT, '.env')): string[] {
  if (!existsSync(file)) return [];
  const values = parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
  const set = Object.keys(values).filter((name) => env[name] === undefined);
  for (const name of set) env[name] = values[name];
  return set;
}
