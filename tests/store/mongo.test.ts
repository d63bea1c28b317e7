/** The storage contract against a real MongoDB server; skipped, saying why, when MONGODB_URI is not set. */
import { MongoClient } from 'mongodb';
import { connectMongoStore } from '../../store/mongo/mongoStore';
import { runStoreContract } from './contract';

const uri = process.env.MONGODB_URI ?? '';
// No MongoDB server can be installed on these machines, so CI skips this too; the skip is counted as one, not a pass.
const SKIPPED = 'SKIPPED: MONGODB_URI is not set; set it to run the storage contract against a real MongoDB server';
if (!uri) process.stderr.write(`tests/store/mongo.test.ts ${SKIPPED}\n`);

(uri ? describe : describe.skip)(uri ? 'MongoDB adapter' : `MongoDB adapter (${SKIPPED})`, () => {
  const dbName = `clb_contract_${Date.now().toString(36)}`;
  runStoreContract('MongoDB', () => connectMongoStore(uri, { dbName }));

  afterAll(async () => {
    const client = new MongoClient(uri);
    await client.connect();
    await client.db(dbName).dropDatabase();
    await client.close();
  });
});
