import { asPage, fakeAudit, staffRequest } from '../../tests/helpers/staffRequest';
import { openTestSurveys, type TestSurveys } from '../../tests/helpers/surveys';
import { HttpError } from '../shared/httpError';
import { readActionChange, readActionForm } from './actionsSchema';
import { actionsRoutes } from './routes';

const good = {
  surveyId: 'wellbeing-check-in',
  theme: 'money',
  said: 'Money runs out before the end of the month.',
  did: 'We wrote a one-page money guide.',
  status: 'doing',
  publish: 'yes',
};

describe('the "you said, we did" board', () => {
  let surveys: TestSurveys;
  const audit = fakeAudit();
  beforeAll(async () => {
    surveys = await openTestSurveys();
  });
  afterAll(async () => surveys.close());
  const route = (method: string, path: string) =>
    actionsRoutes({ surveys, staff: { audit } }).find((r) => r.method === method && r.path === path)!;

  it('reads the form into an action, or names every field that is wrong', () => {
    expect(readActionForm(good).action).toMatchObject({ theme: 'money', stage: 'change', publish: true });
    expect(readActionForm({ ...good, publish: undefined }).action?.publish).toBe(false);
    expect(readActionForm({ theme: 'astrology', said: 'x', dueOn: 'soon' }).wrong.sort()).toEqual(
      ['did', 'dueOn', 'said', 'status', 'surveyId', 'theme'].sort(),
    );
    expect(readActionChange({ status: 'done', stage: '', publish: 'yes' }).data).toEqual({
      status: 'done',
      publish: true,
    });
    expect(readActionChange({ status: 'finished' }).success).toBe(false);
  });

  it('shows the form again (400) with words for what is wrong, keeping what was typed', async () => {
    const page = asPage(await route('POST', '/staff/actions').handler(staffRequest({ body: { ...good, said: 'x' } })));
    expect(page.status).toBe(400);
    expect(page.data.fieldErrors).toEqual({
      said: 'Write what young people said (at least 3 characters, at most 600)',
    });
    expect(page.data.form).toMatchObject({ said: 'x', did: good.did });
    const unknown = asPage(
      await route('POST', '/staff/actions').handler(staffRequest({ body: { ...good, surveyId: 'no-such-survey' } })),
    );
    expect(unknown.data.fieldErrors).toEqual({ surveyId: 'Choose a survey' });
  });

  it('adds an action, then changes it; an unknown action is a 404', async () => {
    const added = await route('POST', '/staff/actions').handler(staffRequest({ body: good, wantsHtml: false }));
    expect(added).toMatchObject({ kind: 'json', body: { published: true } });
    const id = added.kind === 'json' ? (added.body as { id: string }).id : '';
    const change = route('POST', '/staff/actions/:actionId');
    expect(await change.handler(staffRequest({ params: { actionId: id }, body: { status: 'done' } }))).toEqual({
      kind: 'redirect',
      location: '/staff/actions',
    });
    expect((await surveys.board.all()).find((action) => action._id === id)).toMatchObject({
      status: 'done',
      published: false,
    });
    expect(audit.entries.map((entry) => [entry.action, entry.detail])).toEqual([
      ['action.add', 'published'],
      ['action.update', 'done draft'],
    ]);
    await expect(change.handler(staffRequest({ params: { actionId: 'act_nope' }, body: {} }))).rejects.toEqual(
      new HttpError(404, 'errors.actionNotFound'),
    );
  });

  it('lists actions with their labels in words', async () => {
    const page = asPage(await route('GET', '/staff/actions').handler(staffRequest()));
    expect(page.data.actions).toEqual([
      expect.objectContaining({ themeLabel: 'Money', statusLabel: 'Done', stageLabel: 'Making the change' }),
    ]);
  });
});
