import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentRejectedError, NothingToUndoError, openContentLibrary } from '../../content/contentLibrary';
import { shippedContent } from '../../content/directory';
import { openStore } from '../../store/index';
import type { DocumentStore } from '../../store/port';

describe('the content library (published versions of what the bot says)', () => {
  let dir: string;
  let store: DocumentStore;
  const worker = { name: 'A worker', role: 'participation' };
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'clb-library-'));
    store = await openStore({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts from the shipped content, with nothing to undo', async () => {
    const library = await openContentLibrary(store, shippedContent());
    expect(library.directory.getService('qwell')?.name).toBe('QWELL');
    expect((await library.history()).map((v) => v.change)).toEqual(['shipped content']);
    await expect(library.undo(worker)).rejects.toBeInstanceOf(NothingToUndoError);
  });

  it('rejects an item the schema would not accept, or one that drops 999, and keeps what was published', async () => {
    const library = await openContentLibrary(store, shippedContent());
    const kooth = library.directory.getService('kooth')!;
    await expect(library.publish('service', 'kooth', { ...kooth, contacts: [] }, worker)).rejects.toBeInstanceOf(
      ContentRejectedError,
    );
    await expect(library.publish('service', 'kooth', { ...kooth, id: 'kooth-2' }, worker)).rejects.toThrow(
      /keep the id kooth/,
    );
    const line = library.directory.crisisLines().find((l) => l.id === 'emergency-999')!;
    await expect(
      library.publish(
        'crisis-line',
        'emergency-999',
        { ...line, contacts: [{ ...line.contacts[0], value: '998' }] },
        worker,
      ),
    ).rejects.toThrow(/must keep 999/);
    expect(library.directory.getService('kooth')?.contacts).toHaveLength(1);
  });

  it('serves a published change at once and after reopening, and undoes it as a new version', async () => {
    let library = await openContentLibrary(store, shippedContent());
    const kooth = library.directory.getService('kooth')!;
    await library.publish('service', 'kooth', { ...kooth, summary: 'Talk to a counsellor online for free.' }, worker);
    expect(library.directory.findServicesForNeed(['feeling-low']).find((s) => s.id === 'kooth')?.summary).toBe(
      'Talk to a counsellor online for free.',
    );
    library = await openContentLibrary(store, shippedContent());
    expect(library.directory.getService('kooth')?.summary).toBe('Talk to a counsellor online for free.');
    await library.undo(worker);
    expect(library.directory.getService('kooth')?.summary).toBe(kooth.summary);
    expect((await library.history()).map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it("takes in a new release's content files on start, keeping what staff edited since", async () => {
    const first = shippedContent();
    let library = await openContentLibrary(store, first);
    const kooth = library.directory.getService('kooth')!;
    await library.publish('service', 'kooth', { ...kooth, summary: 'Edited by staff.' }, worker);
    const release = shippedContent();
    release.services = release.services.map((s) =>
      s.id === 'qwell'
        ? { ...s, summary: 'New in the release.' }
        : s.id === 'kooth'
          ? { ...s, summary: 'Release wording.' }
          : s,
    );
    library = await openContentLibrary(store, release);
    expect(library.directory.getService('qwell')?.summary).toBe('New in the release.');
    expect(library.directory.getService('kooth')?.summary).toBe('Edited by staff.');
    expect((await library.history())[0].change).toBe('shipped content updated');
    library = await openContentLibrary(store, release);
    expect((await library.history()).length).toBe(3);
  });
});
