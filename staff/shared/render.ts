/** Renders the staff, CiCC and public pages with nunjucks and GOV.UK Frontend's own component macros. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import nunjucks from 'nunjucks';

/** The staff folder in the source tree (views are not compiled, so the copy in dist/ reads them from the source). */
export const STAFF_DIR =
  [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..', '..', 'staff')].find((dir) =>
    existsSync(path.join(dir, 'shared', 'layout.njk')),
  ) ?? path.resolve(__dirname, '..');

/** GOV.UK Frontend's package folder (its "exports" hide dist/, so find it from the main entry). */
export function govukFrontendDir(): string {
  const main = require.resolve('govuk-frontend');
  return path.join(main.slice(0, main.lastIndexOf(`${path.sep}govuk-frontend${path.sep}`)), 'govuk-frontend', 'dist');
}

/** Every page folder with a view is searched, so a new page folder needs no change here. */
const FEATURE_VIEWS = readdirSync(STAFF_DIR, { withFileTypes: true })
  .filter(
    (entry) =>
      entry.isDirectory() && readdirSync(path.join(STAFF_DIR, entry.name)).some((name) => name.endsWith('.njk')),
  )
  .map((entry) => path.join(STAFF_DIR, entry.name));

const environment = new nunjucks.Environment(
  new nunjucks.FileSystemLoader([...FEATURE_VIEWS, govukFrontendDir()], { noCache: false }),
  { autoescape: true, throwOnUndefined: false },
);

/**
 * @example render('youSaidWeDid.njk', { actions, cspNonce })
 */
export function render(view: string, context: Record<string, unknown>): string {
  return environment.render(view, context);
}
