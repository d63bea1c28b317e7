/** Serves GOV.UK Frontend's stylesheet, fonts and images, and our small stylesheet, from a list fixed at start-up. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { STAFF_DIR } from '../../staff/shared/render';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/manifest+json',
};

/** Our stylesheet sits beside the shared layout (the compiled server reads it from the source tree). */
const STAFF_CSS = path.join(STAFF_DIR, 'shared', 'staff.css');

function send(res: Response, file: string): void {
  const body = readFileSync(file);
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': 'public, max-age=86400',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

/**
 * @example registerStaffAssets(server, path.join(govukFrontendDir(), 'govuk'));
 */
export function registerStaffAssets(server: Server, govukDir: string): void {
  const css = path.join(govukDir, 'govuk-frontend.min.css');
  server.get('/assets/govuk-frontend.min.css', async (_req: Request, res: Response) => send(res, css));
  server.get('/assets/staff.css', async (_req: Request, res: Response) => send(res, STAFF_CSS));
  server.get('/assets/manifest.json', async (_req: Request, res: Response) =>
    send(res, path.join(govukDir, 'assets', 'manifest.json')),
  );
  for (const folder of ['fonts', 'images']) {
    const dir = path.join(govukDir, 'assets', folder);
    const files = new Set(readdirSync(dir));
    server.get(`/assets/${folder}/:file`, async (req: Request, res: Response) => {
      const file = String(req.params?.file ?? '');
      if (!files.has(file)) {
        res.status(404);
        res.json({ error: { code: 'NotFound', message: 'No such file.' } });
        return;
      }
      send(res, path.join(dir, file));
    });
  }
}
