/** The shape every staff page's routes share: a plain request in, a plain result out. Nothing here knows restify. */
import type { StaffPrincipal } from '../accounts';
import type { StaffArea } from '../roles';
import type { CookieToSet } from './httpError';
import type { PageLocale } from './i18n';

/** Who is signed in, and how (a session cookie carries a CSRF token; a Bearer token does not need one). */
export interface SignedIn {
  principal: StaffPrincipal;
  via: 'bearer' | 'session';
  csrf?: string;
  sessionId?: string;
}

/** What a handler is given: already parsed, authenticated and role-checked by the adapter. */
export interface StaffRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  /** The form (or JSON) body; empty for a GET. */
  body: Record<string, unknown>;
  /** Present on every route with a role. */
  staff?: SignedIn;
  requestId: string;
  locale: PageLocale;
  /** A browser asking for a page rather than a script asking for data. */
  wantsHtml: boolean;
  cookies: Record<string, string>;
  clientAddress: string;
  /** This server as the client reached it, e.g. http://127.0.0.1:3978 (links when PUBLIC_URL is not set). */
  origin: string;
}

/** A page rendered in the shared layout; `active` picks the navigation item. */
export interface PageResult {
  kind: 'page';
  status?: number;
  view: string;
  active: string;
  data: Record<string, unknown>;
  headers?: Record<string, string>;
  cookies?: CookieToSet[];
}

export type StaffResult =
  | PageResult
  | { kind: 'redirect'; location: string; cookies?: CookieToSet[] }
  | { kind: 'json'; status?: number; body: unknown }
  | { kind: 'download'; contentType: string; filename: string; body: string };

/** One route of a staff page. Without a role it is public; with one, only roles that may use that area get in. */
export interface StaffRoute {
  method: 'GET' | 'POST';
  /** A restify-style path, e.g. /staff/surveys/:id/share */
  path: string;
  role?: StaffArea;
  /** The page may be read in Arabic (?lang=ar or Accept-Language); staff pages render in English. */
  localised?: boolean;
  handler: (req: StaffRequest) => Promise<StaffResult>;
}

/**
 * The signed-in staff member of a guarded route (the adapter guarantees one; this keeps types honest).
 * @example const { principal } = signedIn(req);
 */
export function signedIn(req: StaffRequest): SignedIn {
  if (!req.staff) throw new Error('A guarded route ran without a signed-in staff member.');
  return req.staff;
}

/**
 * A page result.
 * @example return page('audit.njk', 'staff', { entries });
 */
export function page(view: string, active: string, data: Record<string, unknown>, status = 200): PageResult {
  return { kind: 'page', status, view, active, data };
}

/**
 * A see-other redirect after a form.
 * @example return redirect('/staff/actions');
 */
export function redirect(location: string, cookies?: CookieToSet[]): StaffResult {
  return { kind: 'redirect', location, cookies };
}

/**
 * JSON for scripts.
 * @example return json({ id: action._id }, 201);
 */
export function json(body: unknown, status = 200): StaffResult {
  return { kind: 'json', status, body };
}

/**
 * A trimmed string field of a form or query, or '' when it is missing or not text.
 * @example field(req.body, 'said')
 */
export function field(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
}
