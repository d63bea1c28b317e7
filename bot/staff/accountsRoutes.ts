/** Thin HTTP routes for /staff/accounts (admins only): add staff and switch them off while the server runs. */
import type { Server } from 'restify';
import { NewStaff, StaffNotFoundError } from '../../staff/accounts';
import type { StaffServices } from '../../staff/index';
import { accountsPage } from '../../staff/web/accounts/accountsPage';
import { formBody, redirect, sendHtml, wantsHtml } from './http';
import type { createStaffGuard } from './staffAuth';

/**
 * @example registerAccountsRoutes(server, { staff, guard });
 */
export function registerAccountsRoutes(
  server: Server,
  deps: { staff: StaffServices; guard: ReturnType<typeof createStaffGuard> },
): void {
  const { guarded, fail, context } = deps.guard;

  server.get(
    '/staff/accounts',
    guarded('admin', async (_req, res, auth, nonce) =>
      sendHtml(
        res,
        200,
        accountsPage(context(auth, nonce), { accounts: await deps.staff.accounts.list(), self: auth.principal }),
        nonce,
      ),
    ),
  );

  server.post(
    '/staff/accounts',
    guarded('admin', async (req, res, auth, nonce) => {
      const body = formBody(req);
      const form = {
        name: typeof body.name === 'string' ? body.name : '',
        role: typeof body.role === 'string' ? body.role : '',
      };
      const parsed = NewStaff.safeParse(form);
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues)
          fieldErrors[String(issue.path[0])] ??=
            issue.path[0] === 'role' ? 'Choose a role' : 'Enter a name (up to 80 characters)';
        return sendHtml(
          res,
          400,
          accountsPage(context(auth, nonce), {
            accounts: await deps.staff.accounts.list(),
            self: auth.principal,
            form,
            fieldErrors,
          }),
          nonce,
        );
      }
      const { account, token } = await deps.staff.accounts.add(parsed.data);
      await deps.staff.audit.record(auth.principal, 'staff.add', account._id, account.role);
      if (!wantsHtml(req)) return void (res.status(201), res.json({ id: account._id, token }));
      sendHtml(
        res,
        201,
        accountsPage(context(auth, nonce), {
          accounts: await deps.staff.accounts.list(),
          self: auth.principal,
          newToken: token,
          newName: account.name,
        }),
        nonce,
      );
    }),
  );

  server.post(
    '/staff/accounts/:staffId/revoke',
    guarded('admin', async (req, res, auth) => {
      const id = String(req.params?.staffId ?? '');
      if (id === auth.principal.id)
        return fail(req, res, 400, 'Not yourself', 'Ask another admin to switch your account off.', auth);
      try {
        await deps.staff.accounts.revoke(id);
      } catch (error) {
        if (error instanceof StaffNotFoundError)
          return fail(req, res, 404, 'Not found', 'There is no active staff account with that id.', auth);
        throw error;
      }
      await deps.staff.audit.record(auth.principal, 'staff.revoke', id);
      if (!wantsHtml(req)) return void res.json({ revoked: id });
      redirect(res, '/staff/accounts');
    }),
  );
}
