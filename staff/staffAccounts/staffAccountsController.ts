/** The staff accounts page (admins): add staff and switch them off while the service runs. */
import { NewStaff, StaffNotFoundError, type StaffAccount } from '../accounts';
import type { StaffServices } from '../index';
import { STAFF_ROLES } from '../roles';
import { HttpError } from '../shared/httpError';
import { staffTranslator } from '../shared/i18n';
import { field, json, page, redirect, signedIn, type StaffRequest, type StaffResult } from '../shared/route';

const day = (date: Date | undefined) => (date ? date.toISOString().slice(0, 10) : '');

/**
 * @example const accounts = createStaffAccountsController({ staff }); await accounts.list(req)
 */
export function createStaffAccountsController(deps: { staff: Pick<StaffServices, 'accounts' | 'audit'> }) {
  const t = staffTranslator('en-GB');

  async function accountsPage(
    req: StaffRequest,
    args: {
      status?: number;
      newToken?: string;
      newName?: string;
      form?: Record<string, string>;
      fieldErrors?: Record<string, string>;
    } = {},
  ): Promise<StaffResult> {
    const self = signedIn(req).principal;
    const fieldErrors = args.fieldErrors ?? {};
    const form = args.form ?? {};
    const accounts = (await deps.staff.accounts.list()).map((account: StaffAccount) => ({
      id: account._id,
      name: account.name,
      roleLabel: t(`roles.${account.role}`),
      added: day(account.createdAt),
      revoked: day(account.revokedAt),
      self: account._id === self.id,
    }));
    return page(
      'accounts.njk',
      'accounts',
      {
        title: t('accounts.title'),
        accounts,
        roleItems: STAFF_ROLES.map((value) => ({ value, text: t(`roles.${value}`), checked: form.role === value })),
        newToken: args.newToken,
        newName: args.newName,
        form,
        fieldErrors,
        errors: Object.entries(fieldErrors).map(([id, text]) => ({ text, href: `#${id}` })),
      },
      args.status ?? 200,
    );
  }

  return {
    list: (req: StaffRequest): Promise<StaffResult> => accountsPage(req),

    async add(req: StaffRequest): Promise<StaffResult> {
      const form = { name: field(req.body, 'name'), role: field(req.body, 'role') };
      const parsed = NewStaff.safeParse(form);
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues)
          fieldErrors[String(issue.path[0])] ??= t(
            issue.path[0] === 'role' ? 'accounts.chooseRole' : 'accounts.enterName',
          );
        return accountsPage(req, { status: 400, form, fieldErrors });
      }
      const { account, token } = await deps.staff.accounts.add(parsed.data);
      await deps.staff.audit.record(signedIn(req).principal, 'staff.add', account._id, account.role);
      if (!req.wantsHtml) return json({ id: account._id, token }, 201);
      return accountsPage(req, { status: 201, newToken: token, newName: account.name });
    },

    async revoke(req: StaffRequest): Promise<StaffResult> {
      const who = signedIn(req).principal;
      const id = req.params.staffId ?? '';
      if (id === who.id) throw new HttpError(400, 'errors.notYourself');
      try {
        await deps.staff.accounts.revoke(id);
      } catch (error) {
        if (error instanceof StaffNotFoundError) throw new HttpError(404, 'errors.staffNotFound');
        throw error;
      }
      await deps.staff.audit.record(who, 'staff.revoke', id);
      return req.wantsHtml ? redirect('/staff/accounts') : json({ revoked: id });
    },
  };
}
