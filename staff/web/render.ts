/** Renders the staff, CiCC and public pages with nunjucks and GOV.UK Frontend's own component macros. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import nunjucks from 'nunjucks';

/** Views sit beside this module in the source tree; the compiled copy in dist/ reads them from there. */
const VIEWS = [path.join(__dirname, 'views'), path.resolve(__dirname, '..', '..', '..', 'staff', 'web', 'views')].find((dir) => existsSync(dir)) ?? path.join(__dirname, 'views');

/** GOV.UK Frontend's package folder (its "exports" hide dist/, so find it from the main entry). */
export function govukFrontendDir(): string {
  const main = require.resolve('govuk-frontend');
  return path.join(main.slice(0, main.lastIndexOf(`${path.sep}govuk-frontend${path.sep}`)), 'govuk-frontend', 'dist');
}

const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader([VIEWS, govukFrontendDir()], { noCache: false }), { autoescape: true, throwOnUndefined: false });

/**
 * @example render('youSaidWeDid.njk', { actions, cspNonce })
 */
export function render(view: string, context: Record<string, unknown>): string {
  return environment.render(view, context);
}
