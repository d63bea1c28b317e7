/** The one typed error a staff page throws for a failure: the adapter in bot/ turns it into a page or JSON. */
import type { StaffKey } from './i18n';

/** A cookie a result asks the adapter to set or clear (the adapter adds HttpOnly, SameSite and Secure). */
export interface CookieToSet {
  name: string;
  value: string;
  maxAgeSeconds: number;
}

/**
 * A failure the person asking can act on: a status, a title and a message (locale keys in the staff namespace,
 * with their values), and any headers (Retry-After, WWW-Authenticate) or cookies to send with it.
 * @example throw new HttpError(404, 'errors.surveyNotFound');
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    /** The key of `<key>.title` and `<key>.message` in the staff locale file. */
    readonly key: StaffKey,
    readonly values: Record<string, string | number> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${key}`);
  }
}
