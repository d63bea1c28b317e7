import { connectMongoStore } from '../../store/mongo/mongoStore';
import { runStoreContract } from './contract';

const uri = process.env.MONGODB_URI;

if (uri) {
  const dbName = `clb_contract_${Date.now().toString(36)}`;
  runStoreContract('MongoDB', () => connectMongoStore(uri, { dbName }));
  afterAll(async () => {
    const store = await connectMongoStore(uri, { dbName });
    const { MongoClient } = await import('mongodb');
    const client = new MongoClient(uri);
    await client.connect();
    await client.db(dbName).dropDatabase();
    await client.close();
    await store.close();
  });
} else {
  describe('storage contract: MongoDB', () => {
    it('is SKIPPED because MONGODB_URI is not set (set it to run the contract against a real server)', () => {
      console.warn('MongoDB contract tests SKIPPED: set MONGODB_URI to run them against a real server.');
      expect(uri).toBeUndefined();
    });
  });
}
