import { asPage, member, openTestStaff, staffRequest } from '../../tests/helpers/staffRequest';
import { HttpError } from '../shared/httpError';
import { staffAccountsRoutes } from './routes';

describe('the staff accounts page', () => {
  let opened: Awaited<ReturnType<typeof openTestStaff>>;
  beforeAll(async () => {
    opened = await openTestStaff();
  });
  afterAll(async () => opened.close());
  const route = (method: string, path: string) =>
    staffAccountsRoutes({ staff: opened.staff }).find((r) => r.method === method && r.path === path)!;
  const asAdmin = (overrides: Parameters<typeof staffRequest>[0] = {}) =>
    staffRequest({ staff: { principal: member('admin', 'staff_me'), via: 'bearer' }, ...overrides });

  it('is for admins only', () => {
    expect(staffAccountsRoutes({ staff: opened.staff }).every((r) => r.role === 'admin')).toBe(true);
  });

  it('adds someone and shows their token once; a script gets it as JSON (201)', async () => {
    const page = asPage(
      await route('POST', '/staff/accounts').handler(asAdmin({ body: { name: 'Priya', role: 'cicc' } })),
    );
    expect(page).toMatchObject({ status: 201, data: { newName: 'Priya', newToken: expect.stringMatching(/^stf_/) } });
    const made = await route('POST', '/staff/accounts').handler(
      asAdmin({ body: { name: 'Jo', role: 'participation' }, wantsHtml: false }),
    );
    expect(made).toMatchObject({ kind: 'json', status: 201, body: { token: expect.stringMatching(/^stf_/) } });
    const list = asPage(await route('GET', '/staff/accounts').handler(asAdmin()));
    expect(list.data.accounts).toEqual([
      expect.objectContaining({ name: 'Priya', roleLabel: 'Children in Care Council member (results only)' }),
      expect.objectContaining({ name: 'Jo', roleLabel: 'Participation worker (surveys, results, content)' }),
    ]);
  });

  it('says what is wrong with the form (400)', async () => {
    const page = asPage(await route('POST', '/staff/accounts').handler(asAdmin({ body: { name: '', role: 'boss' } })));
    expect(page).toMatchObject({
      status: 400,
      data: { fieldErrors: { name: 'Enter a name (up to 80 characters)', role: 'Choose a role' } },
    });
  });

  it('switches someone off, but not yourself or nobody', async () => {
    const revoke = route('POST', '/staff/accounts/:staffId/revoke');
    await expect(revoke.handler(asAdmin({ params: { staffId: 'staff_me' } }))).rejects.toEqual(
      new HttpError(400, 'errors.notYourself'),
    );
    await expect(revoke.handler(asAdmin({ params: { staffId: 'staff_nobody' } }))).rejects.toEqual(
      new HttpError(404, 'errors.staffNotFound'),
    );
    const [first] = await opened.staff.accounts.list();
    expect(await revoke.handler(asAdmin({ params: { staffId: first._id } }))).toEqual({
      kind: 'redirect',
      location: '/staff/accounts',
    });
    expect(await opened.staff.accounts.byId(first._id)).toBeUndefined();
  });
});
