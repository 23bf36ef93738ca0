import {
  AutoSaveStateMiddleware,
  ConversationState,
  TestAdapter,
  type Storage,
  type StoreItems,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';

/**
 * Makes a fresh, empty namespace and returns a way to open storage instances over it: every call of the
 * returned function is a new instance (as in a restarted or second process) over the same data.
 */
export type StorageNamespaceFactory = () => () => Storage;

/** botbuilder's storage behaviour (as its own storage base tests check it), plus this project's additions. */
export function storageContract(newNamespace: StorageNamespaceFactory): void {
  let open: () => Storage;
  let storage: Storage;

  beforeEach(() => {
    open = newNamespace();
    storage = open();
  });

  describe('reading', () => {
    it('returns nothing for unknown keys', async () => {
      const result = await storage.read(['unknown', 'also-unknown']);
      expect(result).toEqual({});
    });

    it('returns an empty result for no keys', async () => {
      expect(await storage.read([])).toEqual({});
    });

    it('rejects null or undefined keys', async () => {
      await expect(storage.read(null as unknown as string[])).rejects.toThrow(ReferenceError);
      await expect(storage.read(undefined as unknown as string[])).rejects.toThrow(ReferenceError);
    });

    it('returns only the keys that exist', async () => {
      await storage.write({ present: { n: 1 } });
      const result = await storage.read(['present', 'absent']);
      expect(Object.keys(result)).toEqual(['present']);
      expect(result.present.n).toBe(1);
    });

    it('returns a copy: changing what was read changes nothing stored', async () => {
      await storage.write({ item: { list: [1, 2] } });
      const first = await storage.read(['item']);
      first.item.list.push(3);
      const second = await storage.read(['item']);
      expect(second.item.list).toEqual([1, 2]);
    });
  });

  describe('writing', () => {
    it('rejects null or undefined changes', async () => {
      await expect(storage.write(null as unknown as StoreItems)).rejects.toThrow(ReferenceError);
      await expect(storage.write(undefined as unknown as StoreItems)).rejects.toThrow(ReferenceError);
    });

    it('accepts a write of no items', async () => {
      await expect(storage.write({})).resolves.toBeUndefined();
      await expect(storage.write([] as unknown as StoreItems)).resolves.toBeUndefined();
    });

    it('creates items and gives each an eTag', async () => {
      await storage.write({ createPoco: { id: 1 }, createPocoStoreItem: { id: 2, eTag: '*' } });
      const read = await storage.read(['createPoco', 'createPocoStoreItem']);
      expect(read.createPoco.id).toBe(1);
      expect(read.createPocoStoreItem.id).toBe(2);
      expect(typeof read.createPoco.eTag).toBe('string');
      expect(read.createPoco.eTag).not.toBe('');
      expect(read.createPocoStoreItem.eTag).not.toBe('*');
    });

    it('reads back what it wrote, nested and unicode values included', async () => {
      const item = { text: '退款 ✓ “quoted”\nnew line', nested: { list: [1, 'two', null, { three: true }] }, zero: 0 };
      await storage.write({ item });
      const read = await storage.read(['item']);
      const { eTag, ...data } = read.item;
      expect(data).toEqual(item);
      expect(typeof eTag).toBe('string');
    });

    it('does not change the object it was given', async () => {
      const item = { count: 1, eTag: '*' };
      await storage.write({ item });
      expect(item).toEqual({ count: 1, eTag: '*' });
    });

    it('updates with the current eTag and gives the item a new eTag', async () => {
      await storage.write({ item: { count: 1 } });
      const loaded = (await storage.read(['item'])).item;
      loaded.count = 2;
      await storage.write({ item: loaded });
      const reloaded = (await storage.read(['item'])).item;
      expect(reloaded.count).toBe(2);
      expect(reloaded.eTag).not.toBe(loaded.eTag);
    });

    it('refuses an update with a stale eTag and writes nothing', async () => {
      await storage.write({ item: { count: 1 } });
      const stale = (await storage.read(['item'])).item;
      await storage.write({ item: { ...stale, count: 2 } });
      const current = (await storage.read(['item'])).item;

      await expect(storage.write({ item: { ...stale, count: 99 } })).rejects.toThrow(/eTag conflict/);

      const after = (await storage.read(['item'])).item;
      expect(after).toEqual(current);
    });

    it('names the conflicting key in the error', async () => {
      await storage.write({ 'conv/42': { n: 1 } });
      await expect(storage.write({ 'conv/42': { n: 2, eTag: 'not-the-current-etag' } })).rejects.toMatchObject({
        key: 'conv/42',
      });
    });

    it('writes unconditionally with eTag "*" or no eTag: the last writer wins', async () => {
      await storage.write({ star: { count: 1 }, none: { count: 1 } });
      const loaded = await storage.read(['star', 'none']);
      // someone else writes in between, so the loaded eTags are stale
      await storage.write({ star: { count: 50 }, none: { count: 50 } });

      await storage.write({ star: { ...loaded.star, count: 100, eTag: '*' } });
      const { eTag: _dropped, ...noETag } = loaded.none;
      await storage.write({ none: { ...noETag, count: 100 } });

      const after = await storage.read(['star', 'none']);
      expect(after.star.count).toBe(100);
      expect(after.none.count).toBe(100);
    });

    it('creates an item written with an eTag when nothing is stored, as botbuilder MemoryStorage does', async () => {
      await storage.write({ fresh: { n: 1, eTag: 'from-elsewhere' } });
      expect((await storage.read(['fresh'])).fresh.n).toBe(1);
    });

    it('writes a batch of several keys in one call', async () => {
      await storage.write({ batch1: { count: 10 }, batch2: { count: 20 }, batch3: { count: 30 } });
      const read = await storage.read(['batch1', 'batch2', 'batch3']);
      expect([read.batch1.count, read.batch2.count, read.batch3.count]).toEqual([10, 20, 30]);
      const eTags = new Set([read.batch1.eTag, read.batch2.eTag, read.batch3.eTag]);
      expect(eTags.size).toBe(3);
    });

    it('writes nothing of a batch in which one eTag is stale', async () => {
      await storage.write({ a: { n: 1 }, b: { n: 1 } });
      const loaded = await storage.read(['a', 'b']);
      await storage.write({ b: { n: 2 } });

      await expect(
        storage.write({ a: { ...loaded.a, n: 10 }, b: { ...loaded.b, n: 10 }, c: { n: 10 } }),
      ).rejects.toThrow(/"b"/);

      const after = await storage.read(['a', 'b', 'c']);
      expect(after.a).toEqual(loaded.a);
      expect(after.b.n).toBe(2);
      expect(after.c).toBeUndefined();
    });

    it('lets exactly one of several racing writers with the same eTag win', async () => {
      await storage.write({ race: { winner: 'nobody' } });
      const loaded = (await storage.read(['race'])).race;
      const writers = Array.from({ length: 8 }, () => open());

      const outcomes = await Promise.allSettled(
        writers.map((writer, i) => writer.write({ race: { ...loaded, winner: `writer ${i}` } })),
      );

      const winners = outcomes.flatMap((outcome, i) => (outcome.status === 'fulfilled' ? [i] : []));
      expect(winners).toHaveLength(1);
      expect((await storage.read(['race'])).race.winner).toBe(`writer ${winners[0]}`);
    });

    it('rejects an item that is not an object', async () => {
      await expect(storage.write({ bad: 'text' })).rejects.toThrow(TypeError);
      await expect(storage.write({ bad: null })).rejects.toThrow(TypeError);
      expect(await storage.read(['bad'])).toEqual({});
    });
  });

  describe('deleting', () => {
    it('deletes, and a later read returns nothing', async () => {
      await storage.write({ delete1: { id: 1, count: 1 } });
      expect((await storage.read(['delete1'])).delete1.count).toBe(1);

      await storage.delete(['delete1']);

      expect(await storage.read(['delete1'])).toEqual({});
    });

    it('deletes several keys in one call and leaves the others', async () => {
      await storage.write({ batch1: { n: 1 }, batch2: { n: 2 }, keep: { n: 3 } });
      await storage.delete(['batch1', 'batch2']);
      const read = await storage.read(['batch1', 'batch2', 'keep']);
      expect(Object.keys(read)).toEqual(['keep']);
    });

    it('accepts unknown keys and no keys', async () => {
      await expect(storage.delete(['unknown_key'])).resolves.toBeUndefined();
      await expect(storage.delete([])).resolves.toBeUndefined();
    });

    it('rejects null or undefined keys', async () => {
      await expect(storage.delete(null as unknown as string[])).rejects.toThrow(ReferenceError);
      await expect(storage.delete(undefined as unknown as string[])).rejects.toThrow(ReferenceError);
    });

    it('lets a deleted key be created again', async () => {
      await storage.write({ again: { n: 1 } });
      const old = (await storage.read(['again'])).again;
      await storage.delete(['again']);
      await storage.write({ again: { n: 2 } });
      const read = (await storage.read(['again'])).again;
      expect(read.n).toBe(2);
      expect(read.eTag).not.toBe(old.eTag);
    });
  });

  describe('keys', () => {
    const crazyKeys = [
      '!@#$%^&*()~/\\><,.?\';"`~',
      'msteams/conversations/19:abc@thread.v2',
      'emulator/users/用户/会话 1',
      'key with\nnewline',
      '*',
      'a:b:c',
    ];

    it.each(crazyKeys)('works with the key %j', async (key) => {
      await storage.write({ [key]: { id: 1 } });
      const read = await storage.read([key]);
      expect(read[key].id).toBe(1);
      await storage.delete([key]);
      expect(await storage.read([key])).toEqual({});
    });

    it('keeps keys that differ only by special characters apart', async () => {
      await storage.write({ 'a:b': { n: 1 }, 'a/b': { n: 2 }, 'a*': { n: 3 } });
      const read = await storage.read(['a:b', 'a/b', 'a*', 'ab']);
      expect([read['a:b'].n, read['a/b'].n, read['a*'].n, read.ab]).toEqual([1, 2, 3, undefined]);
    });
  });

  describe('instances over the same data', () => {
    it('sees what another instance wrote and honours its eTags', async () => {
      await storage.write({ shared: { n: 1 } });
      const other = open();
      const loaded = (await other.read(['shared'])).shared;
      expect(loaded.n).toBe(1);

      await storage.write({ shared: { n: 2 } });
      await expect(other.write({ shared: { ...loaded, n: 3 } })).rejects.toThrow(/eTag conflict/);
    });

    it('resumes a waterfall dialog in a fresh process', async () => {
      // Both adapters talk in TestAdapter's default conversation, so both turns use one state key.
      const first = runsOn(open());
      await first.adapter.send('I want a refund').assertReply('Which order?').startTest();

      // Turn 2 runs on a new storage instance, state and dialog set, as a restarted process would.
      const second = runsOn(open());
      await second.adapter.send('A-1001').assertReply('Refund requested for order A-1001.').startTest();
      expect(second.started).toBe(0);
    });
  });
}

const ORDER_PROMPT = 'orderPrompt';
const REFUND_DIALOG = 'refundDialog';

/** A bot whose dialog state lives in the given storage: two-step waterfall with a text prompt. */
function runsOn(storage: Storage) {
  const conversationState = new ConversationState(storage);
  const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
  dialogs.add(new TextPrompt(ORDER_PROMPT));
  dialogs.add(
    new WaterfallDialog(REFUND_DIALOG, [
      async function askOrderStep(step: WaterfallStepContext) {
        return step.prompt(ORDER_PROMPT, 'Which order?');
      },
      async function confirmStep(step: WaterfallStepContext) {
        await step.context.sendActivity(`Refund requested for order ${String(step.result)}.`);
        return step.endDialog();
      },
    ]),
  );

  const bot = { started: 0, adapter: undefined as unknown as TestAdapter };
  bot.adapter = new TestAdapter(async (context) => {
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      bot.started += 1;
      await dc.beginDialog(REFUND_DIALOG);
    }
  }).use(new AutoSaveStateMiddleware(conversationState));
  return bot;
}
