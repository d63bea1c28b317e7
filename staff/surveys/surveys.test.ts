import { asPage, fakeAudit, member, staffRequest } from '../../tests/helpers/staffRequest';
import { openTestSurveys, type TestSurveys } from '../../tests/helpers/surveys';
import { HttpError } from '../shared/httpError';
import { surveysRoutes } from './routes';

describe('the survey pages', () => {
  let surveys: TestSurveys;
  const audit = fakeAudit();
  beforeAll(async () => {
    surveys = await openTestSurveys();
  });
  afterAll(async () => surveys.close());

  const route = (method: string, path: string, publicUrl?: string) =>
    surveysRoutes({ surveys, staff: { audit }, threshold: 5, publicUrl }).find(
      (r) => r.method === method && r.path === path,
    )!;

  it('lets the CiCC read the list and workers run it', () => {
    expect(route('GET', '/cicc').role).toBe('cicc');
    for (const path of [
      '/staff',
      '/staff/surveys/:id/share',
      '/staff/surveys/:id/invite',
      '/staff/surveys/:id/:change',
    ])
      expect(surveysRoutes({ surveys, staff: { audit }, threshold: 5 }).find((r) => r.path === path)?.role).toBe(
        'staff',
      );
  });

  it('lists surveys with hidden small counts, in words', async () => {
    const page = asPage(await route('GET', '/cicc').handler(staffRequest()));
    expect(page.data.title).toBe('What young people told us');
    expect(page.data.surveys).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'wellbeing-check-in', responses: 'fewer than 5' })]),
    );
  });

  it('closes and opens a survey: a redirect for a browser, JSON for a script, and an audit line', async () => {
    const change = route('POST', '/staff/surveys/:id/:change');
    const params = { id: 'wellbeing-check-in', change: 'close' };
    expect(await change.handler(staffRequest({ params }))).toEqual({ kind: 'redirect', location: '/staff' });
    expect((await surveys.catalogue.get('wellbeing-check-in'))?.status).toBe('closed');
    const reopened = await change.handler(staffRequest({ params: { ...params, change: 'open' }, wantsHtml: false }));
    expect(reopened).toEqual({ kind: 'json', status: 200, body: { id: 'wellbeing-check-in', status: 'open' } });
    expect(audit.entries.map((entry) => entry.action)).toEqual(['survey.close', 'survey.open']);
    await expect(change.handler(staffRequest({ params: { ...params, change: 'delete' } }))).rejects.toEqual(
      new HttpError(404, 'errors.pageNotFound'),
    );
  });

  it('shares a link and QR code on PUBLIC_URL, and makes invitation links shown once', async () => {
    const params = { id: 'wellbeing-check-in' };
    const share = asPage(
      await route('GET', '/staff/surveys/:id/share', 'https://bot.example').handler(staffRequest({ params })),
    );
    expect(share.data).toMatchObject({ link: 'https://bot.example/?survey=wellbeing-check-in', localLink: false });
    expect(share.data.qr).toMatch(/^<svg role="img" aria-label="QR code for https:\/\/bot.example\/\?survey=/);
    const invite = route('POST', '/staff/surveys/:id/invite');
    const made = asPage(await invite.handler(staffRequest({ params, body: { count: '3' } })));
    expect(made.status).toBe(201);
    expect(made.data.inviteLinks).toHaveLength(3);
    expect(made.data.invitations).toEqual({ created: 3, used: 0 });
    await expect(invite.handler(staffRequest({ params, body: { count: '500' } }))).rejects.toEqual(
      new HttpError(400, 'errors.inviteCount'),
    );
  });

  it('answers 404 for a survey that does not exist', async () => {
    const request = staffRequest({ params: { id: 'nope' }, staff: { principal: member('admin'), via: 'bearer' } });
    await expect(route('GET', '/staff/surveys/:id/share').handler(request)).rejects.toBeInstanceOf(HttpError);
  });
});
