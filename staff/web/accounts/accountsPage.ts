/** The /staff/accounts page (admins): add staff and switch them off while the service runs. */
import type { StaffAccount, StaffPrincipal } from '../../accounts';
import { page, type PageContext } from '../pages';

export const ROLE_LABELS: Record<StaffAccount['role'], string> = {
  participation: 'Participation worker (surveys, results, content)',
  cicc: 'Children in Care Council member (results only)',
  admin: 'Admin (everything, including staff accounts)',
};

const day = (date: Date | undefined) => (date ? date.toISOString().slice(0, 10) : '');

/**
 * @example accountsPage(ctx, { accounts, self: principal })
 */
export function accountsPage(
  ctx: PageContext,
  args: {
    accounts: StaffAccount[];
    self: StaffPrincipal;
    newToken?: string;
    newName?: string;
    form?: Record<string, string>;
    fieldErrors?: Record<string, string>;
  },
): string {
  const fieldErrors = args.fieldErrors ?? {};
  const form = args.form ?? {};
  return page('accounts.njk', ctx, 'accounts', {
    title: 'Staff accounts',
    accounts: args.accounts.map((a) => ({
      id: a._id,
      name: a.name,
      roleLabel: ROLE_LABELS[a.role],
      added: day(a.createdAt),
      revoked: day(a.revokedAt),
      self: a._id === args.self.id,
    })),
    roleItems: (Object.keys(ROLE_LABELS) as StaffAccount['role'][]).map((value) => ({
      value,
      text: ROLE_LABELS[value],
      checked: form.role === value,
    })),
    newToken: args.newToken,
    newName: args.newName,
    form,
    fieldErrors,
    errors: Object.entries(fieldErrors).map(([id, text]) => ({ text, href: `#${id}` })),
  });
}
