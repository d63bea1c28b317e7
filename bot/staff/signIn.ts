/** The sign-in form's CSRF token: a random value in a short-lived cookie that the form must echo (there is no session yet). */
import { randomBytes } from 'node:crypto';

export const SIGN_IN_COOKIE = 'clb_signin';
export const newSignInCsrf = (): string => randomBytes(24).toString('base64url');
