import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoreBotStorage } from '../../store/botStorage';
import { openEmbeddedStore } from '../../store/embedded/embeddedStore';
import type { DocumentStore } from '../../store/port';

describe.each([
  ['', false],
  [', keeping recent state in memory as the only writer', true],
])('bot state storage on the store (botbuilder Storage)%s', (_title, singleWriter) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clb-state-'));
  let store: DocumentStore;
  let storage: StoreBotStorage;
  beforeAll(async () => {
    store = await openEmbeddedStore(dir);
    storage = new StoreBotStorage(store.collection('botstate'), { singleWriter });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes, reads with an eTag, and deletes', async () => {
    await storage.write({ 'webchat/conversations/c1/': { step: 1, 'odd.key': { $weird: true } } });
    const read = await storage.read(['webchat/conversations/c1/', 'missing']);
    expect(read['webchat/conversations/c1/']).toMatchObject({ step: 1, 'odd.key': { $weird: true } });
    expect(typeof read['webchat/conversations/c1/'].eTag).toBe('string');
    expect(read.missing).toBeUndefined();
    await storage.delete(['webchat/conversations/c1/']);
    expect(await storage.read(['webchat/conversations/c1/'])).toEqual({});
  });

  it("reads a turn's user and conversation state, asked for together, in one query", async () => {
    const collection = store.collection('botstate-batched');
    let queries = 0;
    const find = collection.find.bind(collection);
    const counted = Object.assign(Object.create(collection), {
      find: (...args: Parameters<typeof find>) => ((queries += 1), find(...args)),
    }) as typeof collection;
    const batched = new StoreBotStorage(counted as never, { singleWriter });
    await batched.write({ 'webchat/users/u1': { locale: 'ar' }, 'webchat/conversations/c9/': { step: 2 } });
    queries = 0;
    const [user, conversation] = await Promise.all([
      batched.read(['webchat/users/u1']),
      batched.read(['webchat/conversations/c9/']),
    ]);
    expect(user).toEqual({ 'webchat/users/u1': expect.objectContaining({ locale: 'ar' }) });
    expect(conversation).toEqual({ 'webchat/conversations/c9/': expect.objectContaining({ step: 2 }) });
    expect(queries).toBe(singleWriter ? 0 : 1);
    // Another turn's state, never read or written by this process yet, comes from the store either way.
    await store.collection('botstate-batched').updateOne(
      { _id: 'elsewhere' },
      { $set: { etag: 'e1', json: '{"n":5}' } },
      {
        upsert: true,
      },
    );
    expect((await batched.read(['elsewhere'])).elsewhere).toMatchObject({ n: 5, eTag: 'e1' });
    expect(queries).toBe(singleWriter ? 1 : 2);
  });

  it('refuses a write with a stale eTag, as MemoryStorage does', async () => {
    await storage.write({ k: { n: 1 } });
    const first = (await storage.read(['k'])).k;
    await storage.write({ k: { ...first, n: 2 } });
    await expect(storage.write({ k: { ...first, n: 3 } })).rejects.toThrow(/eTag conflict/);
    expect((await storage.read(['k'])).k.n).toBe(2);
  });

  it('lets "*" overwrite whatever is there', async () => {
    await storage.write({ star: { n: 1 } });
    await storage.write({ star: { n: 9, eTag: '*' } });
    expect((await storage.read(['star'])).star.n).toBe(9);
  });

  it('lets exactly one of two writers with the same eTag win', async () => {
    await storage.write({ race: { n: 0 } });
    const seen = (await storage.read(['race'])).race;
    const results = await Promise.allSettled([
      storage.write({ race: { ...seen, n: 1 } }),
      storage.write({ race: { ...seen, n: 2 } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });

  it('survives closing and reopening the store', async () => {
    await storage.write({ durable: { n: 42 } });
    await store.close();
    store = await openEmbeddedStore(dir);
    storage = new StoreBotStorage(store.collection('botstate'), { singleWriter });
    expect((await storage.read(['durable'])).durable.n).toBe(42);
  });
});
