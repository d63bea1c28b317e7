/** Small HTTP helpers for the server-rendered pages: cookies, CSP nonces, HTML responses, and who is asking. */
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'restify';

/** Reads the Cookie header into a map (first value wins, values URI-decoded). */
export function readCookies(req: Request): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of String(req.header('cookie') ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 1) continue;
    const name = part.slice(0, index).trim();
    if (!(name in cookies)) {
      try {
        cookies[name] = decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        // A malformed cookie is ignored rather than failing the request.
      }
    }
  }
  return cookies;
}

/** A Set-Cookie value: HttpOnly and SameSite=Strict always, Secure when the service is served over https. */
export function cookie(name: string, value: string, options: { maxAgeSeconds: number; secure: boolean }): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${options.maxAgeSeconds}`];
  if (options.secure) attributes.push('Secure');
  return [`${name}=${encodeURIComponent(value)}`, ...attributes].join('; ');
}

export const newNonce = (): string => randomBytes(16).toString('base64');

const csp = (nonce: string) =>
  [
    `default-src 'self'`,
    `script-src 'nonce-${nonce}'`,
    `style-src 'self'`,
    `img-src 'self' data:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    `base-uri 'none'`,
    `object-src 'none'`,
  ].join('; ');

/** Sends a page with a strict CSP (only the template's own nonce'd script runs) and no caching of staff data. */
export function sendHtml(
  res: Response,
  status: number,
  html: string,
  nonce: string,
  extraHeaders: Record<string, string | string[]> = {},
): void {
  const body = Buffer.from(html);
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': body.length,
    'Content-Security-Policy': csp(nonce),
    'Cache-Control': 'no-store',
    'X-Frame-Options': 'DENY',
    ...extraHeaders,
  });
  res.end(body);
}

/** Whether the client is a browser asking for a page (rather than a script asking for data). */
export function wantsHtml(req: Request): boolean {
  return /text\/html/.test(String(req.header('accept') ?? ''));
}

/** A see-other redirect (after a form), never cached. */
export function redirect(res: Response, location: string, extraHeaders: Record<string, string | string[]> = {}): void {
  res.writeHead(303, { Location: location, 'Cache-Control': 'no-store', ...extraHeaders });
  res.end();
}

/** A parsed form or JSON body as a plain object (empty when there is none). */
export function formBody(req: Request): Record<string, unknown> {
  return req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
}
