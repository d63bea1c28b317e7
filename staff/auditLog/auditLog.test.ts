import { asPage, staffRequest } from '../../tests/helpers/staffRequest';
import type { AuditEntry } from '../audit';
import { auditRoutes } from './routes';

describe('the audit log page', () => {
  it('is for workers and admins, and shows when to the minute', async () => {
    const entry: AuditEntry = {
      _id: 'a1',
      at: new Date('2026-11-30T09:15:42Z'),
      actorId: 'staff_1',
      actorName: 'Sam',
      role: 'participation',
      action: 'survey.open',
      target: 'wellbeing-check-in',
    };
    const [route] = auditRoutes({ staff: { audit: { recent: async () => [entry] } } });
    expect(route).toMatchObject({ method: 'GET', path: '/staff/audit', role: 'staff' });
    const page = asPage(await route.handler(staffRequest()));
    expect(page.data).toMatchObject({ title: 'Audit log', entries: [{ when: '2026-11-30 09:15', actorName: 'Sam' }] });
  });
});
