import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openContentLibrary, type ContentLibrary } from '../../content/contentLibrary';
import { shippedContent } from '../../content/directory';
import { openStore } from '../../store/index';
import type { DocumentStore } from '../../store/port';
import { asPage, fakeAudit, staffRequest } from '../../tests/helpers/staffRequest';
import { HttpError } from '../shared/httpError';
import { contentRoutes } from './routes';

describe('the content pages', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-content-page-'));
  let store: DocumentStore;
  let content: ContentLibrary;
  const audit = fakeAudit();
  const now = new Date('2026-11-30T12:00:00Z');
  beforeAll(async () => {
    store = await openStore({ dataDir });
    content = await openContentLibrary(store, shippedContent(), () => now);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const route = (method: string, routePath: string) =>
    contentRoutes({ content, staff: { audit }, clock: () => now }).find(
      (r) => r.method === method && r.path === routePath,
    )!;
  const openRoad = { kind: 'service', id: 'open-road' };

  it('lists every item with its flags, and says what just happened', async () => {
    const page = asPage(await route('GET', '/staff/content').handler(staffRequest({ query: { done: 'published' } })));
    expect(page.data.notice).toBe('Published. The chat shows it now.');
    expect(page.data.rows).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'open-road', kindLabel: 'Service' })]),
    );
    const ignored = asPage(await route('GET', '/staff/content').handler(staffRequest({ query: { done: '<b>' } })));
    expect(ignored.data.notice).toBeUndefined();
  });

  it('previews a change without publishing it, with its labels from the locale file', async () => {
    const page = asPage(
      await route('POST', '/staff/content/:kind/:id').handler(
        staffRequest({ params: openRoad, body: { intent: 'preview', summary: 'Free drug and alcohol help.' } }),
      ),
    );
    expect(page.data).toMatchObject({
      isPreview: true,
      kindLabel: 'Service',
      title: expect.stringMatching(/^Edit: Open Road/),
    });
    expect((page.data.fields as Array<{ label: string }>).map((field) => field.label)).toContain(
      'What it is (one line, up to 160 characters)',
    );
    expect(audit.entries).toEqual([]);
  });

  it('answers 404 for an unknown kind or item, and 409 when there is nothing to undo', async () => {
    const edit = route('GET', '/staff/content/:kind/:id');
    await expect(edit.handler(staffRequest({ params: { kind: 'poem', id: 'open-road' } }))).rejects.toEqual(
      new HttpError(404, 'errors.contentNotFound'),
    );
    await expect(edit.handler(staffRequest({ params: { kind: 'service', id: 'nope' } }))).rejects.toEqual(
      new HttpError(404, 'errors.contentNotFound'),
    );
    await expect(route('POST', '/staff/content/undo').handler(staffRequest())).rejects.toEqual(
      new HttpError(409, 'errors.nothingToUndo'),
    );
  });
});
