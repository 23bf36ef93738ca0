import { LINK_CODE_ALPHABET, type MerchantDirectory, type MerchantDirectoryOptions } from '../../../services/merchants';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T0 = new Date('2025-06-18T02:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const ISSUED = new RegExp(`^LINK-[${LINK_CODE_ALPHABET}]{6}$`);

/** The behaviour every MerchantDirectory must have; run once per implementation. */
export function merchantDirectoryContract(name: string, make: (options: MerchantDirectoryOptions) => Promise<MerchantDirectory>): void {
  describe(`${name} meets the MerchantDirectory contract`, () => {
    let dir: MerchantDirectory;
    beforeEach(async () => {
      dir = await make({ demoCodes: true });
    });

    describe('demo codes', () => {
      it('link to the demo shops, any number of times, whatever the case or width', async () => {
        expect(await dir.redeem('LINK-201', { userId: 'u1', name: 'Ann' }, T0)).toEqual({ ok: true, value: { shopId: 'shop-201', rebound: false, previousShopId: null } });
        expect(await dir.redeem('link-201', { userId: 'u2' }, T0)).toEqual({ ok: true, value: { shopId: 'shop-201', rebound: false, previousShopId: null } });
        expect(await dir.redeem(' ＬＩＮＫ－２０２ ', { userId: 'u3' }, at(400 * DAY))).toEqual({ ok: true, value: { shopId: 'shop-202', rebound: false, previousShopId: null } });
        expect(await dir.shopOf('u1')).toBe('shop-201');
        expect(await dir.shopOf('u3')).toBe('shop-202');
        expect((await dir.merchantsOf('shop-201')).map((m) => m.userId)).toEqual(['u1', 'u2']);
      });

      it('are unknown when demo codes are off', async () => {
        const strict = await make({ demoCodes: false });
        expect(await strict.redeem('LINK-201', { userId: 'u1' }, T0)).toEqual({ ok: false, error: { kind: 'unknown_code' } });
        expect(await strict.shopOf('u1')).toBeNull();
      });
    });

    describe('issued codes', () => {
      it('look like LINK-7QX4M2, expire after 24 hours by default, and link once', async () => {
        const issued = await dir.issue('shop-9', T0);
        expect(issued).toEqual({ code: expect.stringMatching(ISSUED), shopId: 'shop-9', expiresAt: at(DAY).toISOString() });
        expect(await dir.redeem(issued.code, { userId: 'u1', name: 'Ann' }, at(HOUR))).toEqual({ ok: true, value: { shopId: 'shop-9', rebound: false, previousShopId: null } });
        expect(await dir.redeem(issued.code, { userId: 'u2' }, at(2 * HOUR))).toEqual({ ok: false, error: { kind: 'used' } });
        expect(await dir.redeem(issued.code, { userId: 'u1' }, at(2 * HOUR))).toEqual({ ok: false, error: { kind: 'used' } });
        expect(await dir.shopOf('u2')).toBeNull();
        expect(await dir.merchantsOf('shop-9')).toEqual([{ userId: 'u1', shopId: 'shop-9', name: 'Ann', boundAt: at(HOUR).toISOString() }]);
      });

      it('are accepted in lower case and with surrounding space', async () => {
        const { code } = await dir.issue('shop-9', T0);
        expect(await dir.redeem(`  ${code.toLowerCase()} `, { userId: 'u1' }, T0)).toMatchObject({ ok: true });
      });

      it('expire at their expiry instant, and a later redeem says so', async () => {
        const a = await dir.issue('shop-9', T0);
        const b = await dir.issue('shop-9', T0);
        expect(await dir.redeem(a.code, { userId: 'u1' }, at(DAY - 1))).toMatchObject({ ok: true });
        expect(await dir.redeem(b.code, { userId: 'u2' }, at(DAY))).toEqual({ ok: false, error: { kind: 'expired' } });
        expect(await dir.redeem(b.code, { userId: 'u2' }, at(3 * DAY))).toEqual({ ok: false, error: { kind: 'expired' } });
        expect(await dir.shopOf('u2')).toBeNull();
      });

      it('take a validity of their own', async () => {
        const { code, expiresAt } = await dir.issue('shop-9', T0, 10 * 60 * 1000);
        expect(expiresAt).toBe(at(10 * 60 * 1000).toISOString());
        expect(await dir.redeem(code, { userId: 'u1' }, at(10 * 60 * 1000))).toEqual({ ok: false, error: { kind: 'expired' } });
      });

      it('are forgotten a while after expiry (7 days by default): then they are unknown', async () => {
        const used = await dir.issue('shop-9', T0);
        const unused = await dir.issue('shop-9', T0);
        await dir.redeem(used.code, { userId: 'u1' }, T0);
        expect(await dir.redeem(used.code, { userId: 'u2' }, at(8 * DAY - 1))).toEqual({ ok: false, error: { kind: 'used' } });
        expect(await dir.redeem(used.code, { userId: 'u2' }, at(8 * DAY))).toEqual({ ok: false, error: { kind: 'unknown_code' } });
        expect(await dir.redeem(unused.code, { userId: 'u2' }, at(8 * DAY))).toEqual({ ok: false, error: { kind: 'unknown_code' } });
      });

      it('differ from each other', async () => {
        const codes = new Set<string>();
        for (let i = 0; i < 20; i++) codes.add((await dir.issue('shop-9', T0)).code);
        expect(codes.size).toBe(20);
      });

      it('refuse a bad TTL or shop as bugs', async () => {
        await expect(dir.issue('shop-9', T0, 0)).rejects.toThrow(/TTL/);
        await expect(dir.issue('shop-9', T0, -5)).rejects.toThrow(/TTL/);
        await expect(dir.issue('', T0)).rejects.toThrow(/shopId/);
        await expect(dir.redeem('LINK-201', { userId: '' }, T0)).rejects.toThrow(/userId/);
      });
    });

    it('answers unknown_code for codes never issued and for text that is no code', async () => {
      for (const code of ['LINK-ZZZZZZ', 'LINK-203', 'hello', '', 'LINK-', 'shop-201']) {
        expect(await dir.redeem(code, { userId: 'u1' }, T0)).toEqual({ ok: false, error: { kind: 'unknown_code' } });
      }
      expect(await dir.shopOf('u1')).toBeNull();
    });

    describe('re-linking', () => {
      it('moves a user to another shop and says so', async () => {
        await dir.redeem('LINK-201', { userId: 'u1', name: 'Ann' }, T0);
        const other = await dir.issue('shop-202', T0);
        expect(await dir.redeem(other.code, { userId: 'u1' }, at(HOUR))).toEqual({ ok: true, value: { shopId: 'shop-202', rebound: true, previousShopId: 'shop-201' } });
        expect(await dir.shopOf('u1')).toBe('shop-202');
        expect(await dir.merchantsOf('shop-201')).toEqual([]);
        expect(await dir.merchantsOf('shop-202')).toEqual([{ userId: 'u1', shopId: 'shop-202', name: 'Ann', boundAt: at(HOUR).toISOString() }]);
      });

      it('to the same shop keeps the link date and takes the new name', async () => {
        await dir.redeem('LINK-201', { userId: 'u1', name: 'Ann' }, T0);
        expect(await dir.redeem('LINK-201', { userId: 'u1', name: 'Ann Li' }, at(HOUR))).toEqual({ ok: true, value: { shopId: 'shop-201', rebound: false, previousShopId: 'shop-201' } });
        expect(await dir.merchantsOf('shop-201')).toEqual([{ userId: 'u1', shopId: 'shop-201', name: 'Ann Li', boundAt: T0.toISOString() }]);
      });

      it('with a refused code changes nothing', async () => {
        await dir.redeem('LINK-201', { userId: 'u1', name: 'Ann' }, T0);
        const code = await dir.issue('shop-202', T0);
        await dir.redeem(code.code, { userId: 'u2' }, T0);
        const before = await dir.merchantsOf('shop-201');
        expect(await dir.redeem(code.code, { userId: 'u1', name: 'Mallory' }, at(HOUR))).toEqual({ ok: false, error: { kind: 'used' } });
        expect(await dir.redeem('LINK-999', { userId: 'u1', name: 'Mallory' }, at(HOUR))).toEqual({ ok: false, error: { kind: 'unknown_code' } });
        expect(await dir.shopOf('u1')).toBe('shop-201');
        expect(await dir.merchantsOf('shop-201')).toEqual(before);
      });
    });

    describe('merchants of a shop', () => {
      it('lists several merchant users, earliest linked first, and nobody for an unknown shop', async () => {
        await dir.redeem('LINK-201', { userId: 'u-late' }, at(2 * HOUR));
        await dir.redeem('LINK-201', { userId: 'u-early', name: 'Early' }, T0);
        await dir.redeem('LINK-202', { userId: 'u-other' }, at(HOUR));
        expect((await dir.merchantsOf('shop-201')).map((m) => m.userId)).toEqual(['u-early', 'u-late']);
        expect(await dir.merchantsOf('shop-404')).toEqual([]);
        expect(await dir.shopOf('nobody')).toBeNull();
      });

      it('returns copies: changing a result changes nothing stored', async () => {
        await dir.redeem('LINK-201', { userId: 'u1', name: 'Ann' }, T0);
        const [m] = await dir.merchantsOf('shop-201');
        m!.shopId = 'shop-202';
        m!.name = 'changed';
        expect(await dir.merchantsOf('shop-201')).toEqual([{ userId: 'u1', shopId: 'shop-201', name: 'Ann', boundAt: T0.toISOString() }]);
      });
    });

    describe('reachability', () => {
      it('marks a linked user unreachable since the first failure, and reachable again', async () => {
        await dir.redeem('LINK-201', { userId: 'u1' }, T0);
        await dir.redeem('LINK-201', { userId: 'u2' }, T0);
        expect(await dir.markUnreachable('u1', 'MessageWritesBlocked', at(HOUR))).toBe(true);
        expect(await dir.markUnreachable('u1', 'ConversationNotFound', at(2 * HOUR))).toBe(true);
        const [u1, u2] = await dir.merchantsOf('shop-201');
        expect(u1).toEqual({ userId: 'u1', shopId: 'shop-201', boundAt: T0.toISOString(), unreachable: { reason: 'ConversationNotFound', since: at(HOUR).toISOString() } });
        expect(u2!.unreachable).toBeUndefined();
        expect(await dir.markReachable('u1')).toBe(true);
        expect(await dir.markReachable('u1')).toBe(false);
        expect((await dir.merchantsOf('shop-201'))[0]).toEqual({ userId: 'u1', shopId: 'shop-201', boundAt: T0.toISOString() });
      });

      it('records nothing for a user who is not linked', async () => {
        expect(await dir.markUnreachable('ghost', 'MessageWritesBlocked', T0)).toBe(false);
        expect(await dir.markReachable('ghost')).toBe(false);
        expect(await dir.shopOf('ghost')).toBeNull();
      });

      it('is restored by linking again: the user is talking to the bot', async () => {
        await dir.redeem('LINK-201', { userId: 'u1' }, T0);
        await dir.markUnreachable('u1', 'MessageWritesBlocked', T0);
        await dir.redeem('LINK-201', { userId: 'u1' }, at(HOUR));
        expect((await dir.merchantsOf('shop-201'))[0]!.unreachable).toBeUndefined();
      });
    });

    describe('races', () => {
      it('of many users for one issued code: exactly one links', async () => {
        const { code } = await dir.issue('shop-9', T0);
        const results = await Promise.all(Array.from({ length: 12 }, (_, i) => dir.redeem(code, { userId: `racer-${i}` }, T0)));
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: 11 }, () => ({ ok: false, error: { kind: 'used' } })));
        expect(await dir.merchantsOf('shop-9')).toHaveLength(1);
      });

      it('of one user with codes of two shops: the user ends up in exactly one shop, the one shopOf names', async () => {
        const a = await dir.issue('shop-a', T0);
        const b = await dir.issue('shop-b', T0);
        const results = await Promise.all([dir.redeem(a.code, { userId: 'u1' }, T0), dir.redeem(b.code, { userId: 'u1' }, T0), dir.markUnreachable('u1', 'x', T0)]);
        expect(results.slice(0, 2).every((r) => typeof r === 'object' && r.ok)).toBe(true);
        const shop = await dir.shopOf('u1');
        expect(['shop-a', 'shop-b']).toContain(shop);
        const members = [...(await dir.merchantsOf('shop-a')), ...(await dir.merchantsOf('shop-b'))];
        expect(members.map((m) => [m.userId, m.shopId])).toEqual([['u1', shop]]);
      });
    });
  });
}
