/** The sign-in form: a staff token, the form's CSRF echo and where to go next (only ever a path on this site). */
import { z } from 'zod';

/** A `next` that stays on this site, else ''. @example SafeNext.parse('//evil.example') // '' */
export const SafeNext = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === 'string' && /^\/(?![/\\])[\w\-/?=&.%]*$/.test(value) ? value : ''));

export const SignInForm = z.object({
  token: z
    .unknown()
    .optional()
    .transform((value) => (typeof value === 'string' ? value.trim() : '')),
  csrf: z.unknown().optional(),
  next: SafeNext,
});
