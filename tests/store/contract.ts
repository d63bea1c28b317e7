/** The storage contract: one suite every adapter must pass (embedded always, MongoDB when MONGODB_URI is set). */
import { DuplicateKeyError, type DocumentStore, type StoredDocument } from '../../store/port';

interface Item extends StoredDocument {
  kind?: string;
  n?: number;
  tags?: string[];
  at?: Date;
  email?: string;
  nested?: { a?: number };
}

export function runStoreContract(name: string, open: () => Promise<DocumentStore>): void {
  describe(`storage contract: ${name}`, () => {
    let store: DocumentStore;
    let counter = 0;
    const fresh = () => store.collection<Item>(`c${Date.now().toString(36)}${(counter += 1)}`);

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    it('answers ping while open', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('inserts, finds, counts and deletes', async () => {
      const items = fresh();
      await items.insertOne({ _id: 'a', kind: 'x', n: 1 });
      await items.insertMany([
        { _id: 'b', kind: 'x', n: 2 },
        { _id: 'c', kind: 'y', n: 3 },
      ]);
      expect(await items.findOne({ _id: 'b' })).toEqual({ _id: 'b', kind: 'x', n: 2 });
      expect(await items.countDocuments({ kind: 'x' })).toBe(2);
      expect(await items.countDocuments()).toBe(3);
      expect(await items.deleteOne({ _id: 'a' })).toBe(1);
      expect(await items.deleteMany({ kind: { $in: ['x', 'y'] } })).toBe(2);
      expect(await items.findOne({ _id: 'a' })).toBeNull();
    });

    it('sorts, skips, limits and projects', async () => {
      const items = fresh();
      await items.insertMany([1, 5, 3, 4, 2].map((n) => ({ _id: `i${n}`, n, kind: 'k' })));
      const page = await items.find({ n: { $gte: 2 } }, { sort: { n: -1 }, skip: 1, limit: 2, projection: { n: 1 } });
      expect(page).toEqual([
        { _id: 'i4', n: 4 },
        { _id: 'i3', n: 3 },
      ]);
    });

    it('supports $in, $lt, $exists and $regex in queries', async () => {
      const items = fresh();
      await items.insertMany([
        { _id: 'a', kind: 'apple', n: 1 },
        { _id: 'b', kind: 'banana' },
        { _id: 'c', kind: 'cherry', n: 9 },
      ]);
      expect((await items.find({ n: { $exists: true, $lt: 5 } })).map((d) => d._id)).toEqual(['a']);
      expect((await items.find({ kind: { $regex: '^b' } })).map((d) => d._id)).toEqual(['b']);
      expect((await items.find({ _id: { $in: ['a', 'c'] } }, { sort: { _id: 1 } })).map((d) => d._id)).toEqual([
        'a',
        'c',
      ]);
    });

    it('updates with $set, $inc, $unset and $push, and upserts with $setOnInsert', async () => {
      const items = fresh();
      await items.insertOne({ _id: 'a', n: 1, kind: 'k', tags: [] });
      const result = await items.updateOne({ _id: 'a' }, { $set: { kind: 'z' }, $inc: { n: 2 }, $push: { tags: 't' } });
      expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
      await items.updateOne({ _id: 'a' }, { $unset: { kind: '' } });
      expect(await items.findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 3, tags: ['t'] });
      expect(await items.updateOne({ _id: 'none' }, { $set: { n: 1 } })).toMatchObject({ matchedCount: 0 });
      await items.updateOne({ _id: 'b' }, { $set: { n: 5 }, $setOnInsert: { kind: 'new' } }, { upsert: true });
      await items.updateOne({ _id: 'b' }, { $set: { n: 6 }, $setOnInsert: { kind: 'ignored' } }, { upsert: true });
      expect(await items.findOne({ _id: 'b' })).toEqual({ _id: 'b', n: 6, kind: 'new' });
      expect(await items.updateMany({ n: { $gte: 3 } }, { $set: { kind: 'many' } })).toMatchObject({ matchedCount: 2 });
    });

    it('replaces a document whole, or inserts it with upsert', async () => {
      const items = fresh();
      await items.insertOne({ _id: 'a', n: 1, kind: 'k' });
      await items.replaceOne({ _id: 'a' }, { _id: 'a', n: 2 });
      expect(await items.findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 2 });
      await items.replaceOne({ _id: 'b' }, { _id: 'b', n: 3 }, { upsert: true });
      expect(await items.countDocuments()).toBe(2);
    });

    it('keeps a counter exact under 200 concurrent increments', async () => {
      const items = fresh();
      const results = await Promise.all(
        Array.from({ length: 200 }, () =>
          items.findOneAndUpdate({ _id: 'counter' }, { $inc: { n: 1 } }, { upsert: true }),
        ),
      );
      expect((await items.findOne({ _id: 'counter' }))?.n).toBe(200);
      expect(new Set(results.map((doc) => doc?.n)).size).toBe(200);
    });

    it('refuses a duplicate _id or unique value (DuplicateKeyError), allows many missing sparse values', async () => {
      const items = fresh();
      await items.ensureIndexes([{ key: { email: 1 }, name: 'email_unique', unique: true, sparse: true }]);
      await items.insertOne({ _id: 'a', email: 'x' });
      await expect(items.insertOne({ _id: 'a' })).rejects.toBeInstanceOf(DuplicateKeyError);
      await expect(items.insertOne({ _id: 'b', email: 'x' })).rejects.toBeInstanceOf(DuplicateKeyError);
      await items.insertOne({ _id: 'c' });
      await items.insertOne({ _id: 'd' });
      expect(await items.countDocuments()).toBe(3);
    });

    it('accepts TTL indexes and round-trips Dates', async () => {
      const items = fresh();
      await items.ensureIndexes([{ key: { at: 1 }, name: 'at_ttl', expireAfterSeconds: 3600 }]);
      // Relative to now: a fixed date would itself expire under the TTL index once it is an hour old.
      const at = new Date(Math.floor(Date.now() / 1000) * 1000);
      await items.insertOne({ _id: 'a', at });
      const found = await items.findOne({ at: { $lte: new Date(at.getTime() + 86_400_000) } });
      expect(found?.at).toBeInstanceOf(Date);
      expect(found?.at?.toISOString()).toBe(at.toISOString());
    });

    it("runs aggregation pipelines written in MongoDB's language", async () => {
      const items = fresh();
      await items.insertMany([
        { _id: '1', kind: 'a', n: 1, tags: ['x', 'y'] },
        { _id: '2', kind: 'a', n: 2, tags: ['x'] },
        { _id: '3', kind: 'b', n: 5, tags: [] },
      ]);
      const grouped = await items.aggregate([
        { $match: { n: { $gte: 1 } } },
        { $group: { _id: '$kind', total: { $sum: '$n' }, count: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ]);
      expect(grouped).toEqual([
        { _id: 'a', total: 3, count: 2 },
        { _id: 'b', total: 5, count: 1 },
      ]);
      const tags = await items.aggregate([
        { $unwind: '$tags' },
        { $group: { _id: '$tags', count: { $sum: 1 } } },
        { $sort: { _id: 1 } },
        { $project: { _id: 0, tag: '$_id', count: 1 } },
      ]);
      expect(tags).toEqual([
        { tag: 'x', count: 2 },
        { tag: 'y', count: 1 },
      ]);
      const faceted = await items.aggregate([
        { $facet: { total: [{ $count: 'n' }], big: [{ $match: { n: { $gt: 1 } } }, { $count: 'n' }] } },
      ]);
      expect(faceted).toEqual([{ total: [{ n: 3 }], big: [{ n: 2 }] }]);
    });
  });
}
