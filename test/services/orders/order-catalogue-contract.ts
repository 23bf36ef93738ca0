import { OrderSchema } from '../../../services/refunds/order';
import type { OrderCatalogue } from '../../../services/refunds/ports';
import { demoData } from '../../../services/orders/demo-data';

// What every OrderCatalogue must do, run against each implementation over the demo data.

export const CONTRACT_NOW = new Date('2025-06-18T02:00:00.000Z');

export interface ContractSubject {
  catalogue: OrderCatalogue;
}

/** `setup` is called before each test with fresh demo data built at CONTRACT_NOW. */
export function orderCatalogueContract(name: string, setup: () => Promise<ContractSubject>, teardown?: () => Promise<void>): void {
  describe(`OrderCatalogue contract: ${name}`, () => {
    let catalogue: OrderCatalogue;
    const demo = demoData(CONTRACT_NOW);

    beforeEach(async () => {
      ({ catalogue } = await setup());
    });
    if (teardown) afterEach(teardown);

    it('returns every demo order as the fixtures describe it', async () => {
      for (const expected of demo.orders) {
        const order = await catalogue.getOrder(expected.id);
        expect(order).toEqual(OrderSchema.parse(expected));
      }
    });

    it('returns null for an unknown order, shop or buyer', async () => {
      await expect(catalogue.getOrder('NOPE-1')).resolves.toBeNull();
      await expect(catalogue.getShop('shop-999')).resolves.toBeNull();
      await expect(catalogue.getBuyer('buyer-999')).resolves.toBeNull();
    });

    it('lists a buyer\'s orders newest first, and only theirs', async () => {
      const ids = (await catalogue.listOrdersOfBuyer('buyer-1001')).map((o) => o.id);
      expect(ids).toEqual(['DEMO-1006', 'DEMO-1001', 'DEMO-1003', 'DEMO-1002', 'DEMO-1004', 'DEMO-1005']);
      expect((await catalogue.listOrdersOfBuyer('buyer-1002')).map((o) => o.id)).toEqual(['DEMO-2001']);
      await expect(catalogue.listOrdersOfBuyer('buyer-999')).resolves.toEqual([]);
    });

    it('returns shops and buyers', async () => {
      const shop = await catalogue.getShop('shop-202');
      expect(shop).toMatchObject({ id: 'shop-202', name: '鲜果园', nameEn: 'Fresh Orchard' });
      expect(shop?.returnAddress.address).toMatch(/省/);
      await expect(catalogue.getBuyer('buyer-1002')).resolves.toEqual({ id: 'buyer-1002', name: 'Emily Carter', language: 'en-US', flagged: false });
    });

    it('marks an unshipped order not to ship, and refuses a shipped one', async () => {
      await expect(catalogue.markDoNotShip('DEMO-1001')).resolves.toBe(true);
      expect((await catalogue.getOrder('DEMO-1001'))?.doNotShip).toBe(true);
      // Asking again is harmless.
      await expect(catalogue.markDoNotShip('DEMO-1001')).resolves.toBe(true);

      await expect(catalogue.markDoNotShip('DEMO-1004')).resolves.toBe(false);
      expect((await catalogue.getOrder('DEMO-1004'))?.doNotShip).toBeUndefined();
    });

    it('hands out copies: changing an answer changes nothing stored', async () => {
      const order = (await catalogue.getOrder('DEMO-1002'))!;
      order.lines[0]!.unitPrice = 1;
      order.deductions.coupon = 0;
      const [listed] = await catalogue.listOrdersOfBuyer('buyer-1002');
      listed!.paid = false;
      const shop = (await catalogue.getShop('shop-201'))!;
      shop.returnAddress.phone = 'x';
      const buyer = (await catalogue.getBuyer('buyer-1001'))!;
      buyer.flagged = true;

      expect((await catalogue.getOrder('DEMO-1002'))?.lines[0]?.unitPrice).toBe(19900);
      expect((await catalogue.getOrder('DEMO-1002'))?.deductions.coupon).toBe(3000);
      expect((await catalogue.getOrder('DEMO-2001'))?.paid).toBe(true);
      expect((await catalogue.getShop('shop-201'))?.returnAddress.phone).not.toBe('x');
      expect((await catalogue.getBuyer('buyer-1001'))?.flagged).toBe(false);
    });
  });
}
