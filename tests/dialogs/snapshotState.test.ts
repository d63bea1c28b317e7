import { MemoryStorage, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { SnapshotConversationState, SnapshotUserState } from '../../dialogs/snapshotState';

const activity = (conversation: string): Partial<Activity> => ({
  type: 'message',
  text: 'hi',
  channelId: 'test',
  from: { id: 'user-1', name: 'user' },
  recipient: { id: 'bot', name: 'bot' },
  conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: '' },
});

/** One turn: loads both states, lets `change` touch them, saves, and returns what the store then holds. */
async function turn(
  storage: MemoryStorage,
  change: (conversation: Record<string, unknown>, user: Record<string, unknown>) => void,
  conversationId = 'c1',
) {
  const conversationState = new SnapshotConversationState(storage);
  const userState = new SnapshotUserState(storage);
  const context = new TurnContext(new TestAdapter(), activity(conversationId));
  const conversation = conversationState.createProperty<Record<string, unknown>>('profile');
  const user = userState.createProperty<Record<string, unknown>>('profile');
  const conversationValue = await conversation.get(context, {});
  const userValue = await user.get(context, {});
  change(conversationValue, userValue);
  await Promise.all([conversationState.saveChanges(context), userState.saveChanges(context)]);
  const keys = [`test/conversations/${conversationId}/`, 'test/users/user-1/'];
  const stored = await storage.read(keys);
  return { conversation: stored[keys[0]], user: stored[keys[1]] };
}

describe('conversation and user state, saved only when a turn changed them', () => {
  it("saves a turn's changes under botbuilder's own keys, and they are there on the next turn", async () => {
    const storage = new MemoryStorage();
    const first = await turn(storage, (conversation, user) => {
      conversation.step = 1;
      user.locale = 'ar';
    });
    expect(first.conversation).toMatchObject({ profile: { step: 1 } });
    expect(first.user).toMatchObject({ profile: { locale: 'ar' } });
    const seen: unknown[] = [];
    await turn(storage, (conversation, user) => seen.push(conversation.step, user.locale));
    expect(seen).toEqual([1, 'ar']);
  });

  it('writes nothing when a turn changed nothing, so the stored eTag stays the same', async () => {
    const storage = new MemoryStorage();
    const before = await turn(storage, (conversation) => (conversation.step = 1));
    const after = await turn(storage, () => undefined);
    expect(after.conversation.eTag).toBe(before.conversation.eTag);
    expect(after.user.eTag).toBe(before.user.eTag);
  });

  it('notices a change deep inside the state (as a dialog stack changes in place)', async () => {
    const storage = new MemoryStorage();
    await turn(storage, (conversation) => (conversation.stack = [{ id: 'survey', state: { stage: 'question' } }]));
    const changed = await turn(storage, (conversation) => {
      (conversation.stack as Array<{ state: { stage: string } }>)[0].state.stage = 'done';
    });
    expect(changed.conversation).toMatchObject({ profile: { stack: [{ state: { stage: 'done' } }] } });
  });

  it('keeps conversations apart', async () => {
    const storage = new MemoryStorage();
    await turn(storage, (conversation) => (conversation.step = 1), 'c1');
    const other = await turn(storage, (conversation) => (conversation.step ??= 'fresh'), 'c2');
    expect(other.conversation).toMatchObject({ profile: { step: 'fresh' } });
  });
});
