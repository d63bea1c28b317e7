/**
 * Serves the chat page: the official Web Chat bundle from our own server, our page script and styles, with a strict
 * CSP.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { LOCALE_RESOURCES, SUPPORTED_LOCALES, directionOf, type SupportedLocale } from '../../content/i18n';
import { INVITE_CODE } from '../../surveys/invitations';
import { projectPath } from '../../lib/paths';
import { SurveyId } from '../../surveys/schema';
import { sendError } from '../httpErrors';
import type { Logger } from '../logger';
import { DirectLineTokenError, fetchAzureToken } from './azureDirectLine';

export interface WebChatPageDeps {
  /** When set, the page uses Azure's Direct Line with tokens the server gets for it; otherwise our own endpoint. */
  directLineSecret?: string;
  logger: Logger;
  /** Injected so tests never call out of the machine. */
  fetchFn?: typeof fetch;
  azureBase?: string;
}

/** The page's own files (in the source tree, also when running from dist/). */
const ASSETS_DIR = projectPath('bot', 'web', 'assets');

const cspFor = (azure: boolean) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    // Web Chat injects its own styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    azure
      ? "connect-src 'self' https://directline.botframework.com wss://directline.botframework.com"
      : "connect-src 'self'",
    "font-src 'self' data:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');

interface Asset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

function loadAsset(file: string, type: string): Asset {
  const body = readFileSync(file);
  return { type, body, gzipped: gzipSync(body, { level: 9 }) };
}

function sendAsset(req: Request, res: Response, asset: Asset, cacheSeconds: number): void {
  const gzip = /\bgzip\b/.test(String(req.header('accept-encoding') ?? ''));
  const body = gzip ? asset.gzipped : asset.body;
  res.writeHead(200, {
    'Content-Type': asset.type,
    'Content-Length': body.length,
    'Cache-Control': `public, max-age=${cacheSeconds}`,
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  res.end(body);
}

/** The official bundle's file; the package's "exports" hide dist/, so find it from the package's main entry. */
function webChatBundlePath(): string {
  const main = require.resolve('botframework-webchat');
  return path.join(
    main.slice(0, main.lastIndexOf(`${path.sep}botframework-webchat${path.sep}`)),
    'botframework-webchat',
    'dist',
    'webchat.js',
  );
}

/**
 * Registers GET / and the page's assets.
 * @example registerWebChatPage(server, { logger });
 */
export function registerWebChatPage(server: Server, deps: WebChatPageDeps): void {
  const html = readFileSync(path.join(ASSETS_DIR, 'index.html'), 'utf8');
  const csp = cspFor(Boolean(deps.directLineSecret));
  const assets: Record<string, Asset> = {
    'chat.js': loadAsset(path.join(ASSETS_DIR, 'chat.js'), 'application/javascript; charset=utf-8'),
    'chat.css': loadAsset(path.join(ASSETS_DIR, 'chat.css'), 'text/css; charset=utf-8'),
  };
  let webchat: Asset | undefined;

  server.get('/', async (req: Request, res: Response) => {
    const survey =
      typeof req.query?.survey === 'string' && SurveyId.safeParse(req.query.survey).success ? req.query.survey : '';
    const invite = typeof req.query?.invite === 'string' && INVITE_CODE.test(req.query.invite) ? req.query.invite : '';
    const body = Buffer.from(html.replace('data-survey=""', `data-survey="${survey}" data-invite="${invite}"`));
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Content-Security-Policy': csp,
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'DENY',
    });
    res.end(body);
  });

  // The page's own words come from the same locale files as the bot's, so one translation covers both.
  server.get('/i18n/:locale', async (req: Request, res: Response) => {
    const locale = String(req.params.locale).replace(/\.json$/, '') as SupportedLocale;
    if (!SUPPORTED_LOCALES.includes(locale)) {
      res.status(404);
      res.json({ error: { code: 'NotFound', message: 'No such language.' } });
      return;
    }
    res.header('Cache-Control', 'public, max-age=300');
    res.json({
      locale,
      dir: directionOf(locale),
      strings: (LOCALE_RESOURCES[locale] as { page: Record<string, string> }).page,
    });
  });

  // Which Direct Line the page should use: ours (default) or Azure's, for which the server fetches a token.
  server.get('/api/chat-config', async (_req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    res.json({ directLine: deps.directLineSecret ? 'azure' : 'local' });
  });

  server.post('/api/directline/token', async (req: Request, res: Response) => {
    const userId = (req.body as { user?: { id?: unknown } } | undefined)?.user?.id;
    if (!deps.directLineSecret)
      return sendError(res, 404, 'NotFound', 'This server uses its own Direct Line endpoint.');
    if (typeof userId !== 'string' || !/^u_[A-Za-z0-9_-]{8,64}$/.test(userId))
      return sendError(res, 400, 'BadRequest', 'user.id must look like u_ followed by 8 to 64 letters or digits.');
    try {
      res.json(await fetchAzureToken(deps.directLineSecret, userId, deps.fetchFn ?? fetch, deps.azureBase));
    } catch (error) {
      deps.logger.error(
        { err: { name: (error as Error).name, message: (error as Error).message } },
        'Azure Direct Line token failed',
      );
      sendError(
        res,
        502,
        error instanceof DirectLineTokenError ? 'DirectLineUnavailable' : 'DirectLineError',
        'The chat service is not available right now.',
      );
    }
  });

  server.get('/favicon.ico', async (_req: Request, res: Response) => {
    res.writeHead(204, { 'Cache-Control': 'public, max-age=86400' });
    res.end();
  });

  server.get('/assets/webchat.js', async (req: Request, res: Response) => {
    // Loaded on first use: 4 MB that tests of the bot alone never need.
    webchat ??= loadAsset(webChatBundlePath(), 'application/javascript; charset=utf-8');
    sendAsset(req, res, webchat, 86400);
  });

  server.get('/assets/:file', async (req: Request, res: Response) => {
    const name = String(req.params.file);
    // Own keys only: "constructor" or "__proto__" are not files.
    const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (!asset) {
      res.status(404);
      res.json({ error: { code: 'NotFound', message: 'No such file.' } });
      return;
    }
    sendAsset(req, res, asset, 300);
  });
}
