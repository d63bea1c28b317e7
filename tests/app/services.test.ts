/** The composition root every entry point uses: what it builds, and what it refuses. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../app/config';
import { openServices } from '../../app/services';
import { StoreLockedError } from '../../store/port';

describe('the composition root (openServices)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'clb-services-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('builds config, keys, store, surveys, staff and content on one store, with one clock', async () => {
    const now = new Date('2026-11-24T14:00:00Z');
    const services = await openServices({ DATA_DIR: dataDir }, { clock: () => now });
    try {
      expect(services.config).toMatchObject({ DATA_DIR: dataDir, localMode: true });
      expect(services.clock()).toBe(now);
      // Local mode: the secret is made once and kept in the data directory; the two keys differ.
      expect(existsSync(path.join(dataDir, 'pseudonym-secret'))).toBe(true);
      expect(services.keys.pseudonym).not.toBe(services.keys.directLine);
      expect((await services.surveys.catalogue.list()).map((record) => record._id)).toContain('wellbeing-check-in');
      const { token } = await services.staff.accounts.add({ name: 'Sam', role: 'cicc' });
      expect(token).toBeTruthy();
      const content = await services.content();
      expect(content.directory.crisisLines().length).toBeGreaterThan(0);
      // Opened once: the second call gives the same library.
      expect(await services.content()).toBe(content);
    } finally {
      await services.close();
    }
  });

  it('gives the same keys to the next process on the same data directory', async () => {
    const first = await openServices({ DATA_DIR: dataDir });
    const keys = first.keys;
    await first.close();
    const second = await openServices({ DATA_DIR: dataDir });
    expect(second.keys).toEqual(keys);
    await second.close();
  });

  it('refuses a bad variable before opening anything', async () => {
    await expect(openServices({ DATA_DIR: dataDir, PORT: 'abc' })).rejects.toThrow(ConfigError);
    expect(existsSync(path.join(dataDir, 'db'))).toBe(false);
  });

  it('refuses, without waiting, a data directory another process holds', async () => {
    const holder = await openServices({ DATA_DIR: dataDir });
    try {
      await expect(openServices({ DATA_DIR: dataDir })).rejects.toThrow(StoreLockedError);
    } finally {
      await holder.close();
    }
  });
});
