/** Where the project's files are on disk, answered once whether the code runs from the source tree or from dist/. */
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The project root (where package.json is): this module's parent folder in the source tree, one further up in dist/.
 * Only TypeScript is compiled into dist/; data files (content, survey definitions, views, page assets) stay in the
 * source tree, so modules find them from here rather than from their own compiled location.
 */
export const PROJECT_ROOT =
  [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..')].find((dir) =>
    existsSync(path.join(dir, 'package.json')),
  ) ?? process.cwd();

/**
 * A path inside the project's source tree, the same from source and from dist/.
 * @example projectPath('content', 'services.json') // '/srv/care-leavers-bot/content/services.json'
 */
export function projectPath(...segments: string[]): string {
  return path.join(PROJECT_ROOT, ...segments);
}
