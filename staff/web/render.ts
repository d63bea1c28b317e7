/** Renders the staff, CiCC and public pages with nunjucks and GOV.UK Frontend's own component macros. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import nunjucks from 'nunjucks';

/** Views sit beside this module in the source tree; the compiled copy in dist/ reads them from there. */
const VIEWS =
  [path.join(__dirname, 'views'), path.resolve(__dirname, '..', '..', '..', 'staff', 'web', 'views')].find((dir) =>
    existsSync(dir),
  ) ?? path.join(__dirname, 'views');

/** GOV.UK Frontend's package folder (its "exports" hide dist/, so find it from the main entry). */
export function govukFrontendDir(): string {
  const main = require.resolve('govuk-frontend');
  return path.join(main.slice(0, main.lastIndexOf(`${path.sep}govuk-frontend${path.sep}`)), 'govuk-frontend', 'dist');
}

/** A page's own folder (staff/web/<page>/) keeps its views beside its code; each folder with a view is searched too. */
const WEB_DIR = path.dirname(VIEWS);
const FEATURE_VIEWS = readdirSync(WEB_DIR, { withFileTypes: true })
  .filter(
    (entry) =>
      entry.isDirectory() &&
      entry.name !== 'views' &&
      readdirSync(path.join(WEB_DIR, entry.name)).some((name) => name.endsWith('.njk')),
  )
  .map((entry) => path.join(WEB_DIR, entry.name));

const environment = new nunjucks.Environment(
  new nunjucks.FileSystemLoader([VIEWS, ...FEATURE_VIEWS, govukFrontendDir()], { noCache: false }),
  { autoescape: true, throwOnUndefined: false },
);

/**
 * @example render('youSaidWeDid.njk', { actions, cspNonce })
 */
export function render(view: string, context: Record<string, unknown>): string {
  return environment.render(view, context);
}
