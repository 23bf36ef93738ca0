import { setTimeout as sleep } from 'node:timers/promises';
import { ActivityTypes, TestAdapter, type TurnContext } from 'botbuilder';
import {
  InMemoryTurnLock,
  TurnBusyError,
  TurnLockMiddleware,
  type TurnLock,
  type TurnLockAcquireOptions,
  type TurnLockResult,
} from '../../../bot/turn-lock';

/** Records what was asked of it and always grants the lock at once. */
class RecordingTurnLock implements TurnLock {
  readonly acquired: Array<{ conversationId: string; options?: TurnLockAcquireOptions }> = [];
  released = 0;

  async acquire(conversationId: string, options?: TurnLockAcquireOptions): Promise<TurnLockResult> {
    this.acquired.push({ conversationId, options });
    return { ok: true, release: async () => void (this.released += 1) };
  }
}

/** Replies twice per message with a pause between, so two unserialized turns would interleave. */
async function slowEcho(context: TurnContext): Promise<void> {
  if (context.activity.type !== ActivityTypes.Message) return;
  await context.sendActivity(`start ${context.activity.text}`);
  await sleep(40);
  await context.sendActivity(`end ${context.activity.text}`);
}

function replies(adapter: TestAdapter): string[] {
  return adapter.activeQueue.map((activity) => String(activity.text));
}

describe('TurnLockMiddleware', () => {
  it('runs two messages sent at once into one conversation one after the other', async () => {
    const adapter = new TestAdapter(slowEcho).use(new TurnLockMiddleware(new InMemoryTurnLock()));

    await Promise.all([adapter.processActivity('one'), adapter.processActivity('two')]);

    expect(replies(adapter)).toEqual(['start one', 'end one', 'start two', 'end two']);
  });

  it('is what keeps them apart: without it the same turns interleave', async () => {
    const adapter = new TestAdapter(slowEcho);

    await Promise.all([adapter.processActivity('one'), adapter.processActivity('two')]);

    expect(replies(adapter)).toEqual(['start one', 'start two', 'end one', 'end two']);
  });

  it('lets turns of different conversations run side by side', async () => {
    const adapter = new TestAdapter(slowEcho).use(new TurnLockMiddleware(new InMemoryTurnLock()));
    const other = TestAdapter.createConversation('other-conversation').conversation;

    await Promise.all([adapter.processActivity('one'), adapter.processActivity({ text: 'two', conversation: other })]);

    expect(replies(adapter)).toEqual(['start one', 'start two', 'end one', 'end two']);
  });

  it('throws TurnBusyError when the previous turn outlasts the wait', async () => {
    const lock = new InMemoryTurnLock();
    const adapter = new TestAdapter(slowEcho).use(new TurnLockMiddleware(lock, { waitMs: 50 }));
    const lease = await lock.acquire('Convo1');

    const error = await adapter.processActivity('blocked').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TurnBusyError);
    expect(error).toMatchObject({ kind: 'turn_busy', conversationId: 'Convo1' });
    expect((error as TurnBusyError).waitedMs).toBeGreaterThanOrEqual(40);
    expect(replies(adapter)).toEqual([]);
    if (lease.ok) await lease.release();
  });

  it('releases the lock when the turn throws', async () => {
    const lock = new InMemoryTurnLock();
    const adapter = new TestAdapter(async () => {
      throw new Error('bot failed');
    }).use(new TurnLockMiddleware(lock));

    await expect(adapter.processActivity('hello')).rejects.toThrow('bot failed');

    const next = await lock.acquire('Convo1', { waitMs: 0 });
    expect(next.ok).toBe(true);
    if (next.ok) await next.release();
  });

  it('locks message and invoke turns by conversation id, with the configured wait', async () => {
    const lock = new RecordingTurnLock();
    const adapter = new TestAdapter(async () => undefined).use(new TurnLockMiddleware(lock, { waitMs: 1234 }));

    await adapter.processActivity({ type: ActivityTypes.Message, text: 'hi' });
    await adapter.processActivity({ type: ActivityTypes.Invoke, name: 'adaptiveCard/action' });

    expect(lock.acquired).toEqual([
      { conversationId: 'Convo1', options: { waitMs: 1234 } },
      { conversationId: 'Convo1', options: { waitMs: 1234 } },
    ]);
    expect(lock.released).toBe(2);
  });

  it('leaves other activity types and activities without a conversation id alone', async () => {
    const lock = new RecordingTurnLock();
    let turns = 0;
    const adapter = new TestAdapter(async () => void (turns += 1)).use(new TurnLockMiddleware(lock));

    await adapter.processActivity({ type: ActivityTypes.ConversationUpdate });
    await adapter.processActivity({ type: ActivityTypes.Typing });
    await adapter.processActivity({
      type: ActivityTypes.Message,
      text: 'no conversation',
      conversation: { id: '', isGroup: false, name: '', conversationType: 'personal' },
    });

    expect(turns).toBe(3);
    expect(lock.acquired).toEqual([]);
  });
});
