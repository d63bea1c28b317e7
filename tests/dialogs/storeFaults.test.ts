import { MemoryStorage, type StoreItems } from 'botbuilder';
import { botConversation, readable } from '../helpers/bot';

/** A store that can be told to fail, as a full or read-only disk would. */
class FailingStorage extends MemoryStorage {
  failWrites = false;
  failReads = false;
  override async read(keys: string[]): Promise<StoreItems> {
    if (this.failReads) throw new Error('EIO: read failed');
    return super.read(keys);
  }
  override async write(changes: StoreItems): Promise<void> {
    if (this.failWrites) throw new Error('ENOSPC: no space left on device');
    return super.write(changes);
  }
}

describe('a store that cannot read or write', () => {
  it('still answers a risk message with crisis help, and carries on normally once the store works again', async () => {
    const storage = new FailingStorage();
    const chat = botConversation({ storage, handleErrors: true, conversationId: 'faults-1' });
    await chat.send('hi');
    storage.failWrites = true;
    const hello = readable(await chat.send('what is this'));
    expect(hello.length).toBeGreaterThan(0);
    expect(readable(await chat.send('i want to kill myself'))).toMatch(/Samaritans[\s\S]*116 123/);
    storage.failReads = true;
    expect(readable(await chat.send('took a load of pills an hour ago'))).toMatch(/999 or go to A&E/);
    expect(readable(await chat.send('what can you do'))).toMatch(/Sorry, something went wrong/);
    storage.failReads = false;
    storage.failWrites = false;
    expect(readable(await chat.send('i need a dentist'))).toMatch(/NHS dentist/);
  });
});
