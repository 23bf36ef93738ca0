import { demoData } from '../../../services/orders/demo-data';
import { FixtureCatalogue } from '../../../services/orders/fixture-catalogue';
import { FakeClock } from '../../support/fake-clock';
import { CONTRACT_NOW, orderCatalogueContract } from './order-catalogue-contract';

orderCatalogueContract('FixtureCatalogue', async () => ({ catalogue: new FixtureCatalogue({ data: demoData(CONTRACT_NOW) }) }));
orderCatalogueContract('FixtureCatalogue with a clock', async () => ({
  catalogue: new FixtureCatalogue({ data: demoData(CONTRACT_NOW), clock: new FakeClock(CONTRACT_NOW) }),
}));

describe('FixtureCatalogue', () => {
  const HOUR = 3_600_000;

  it('does not share state with the fixtures it was given', async () => {
    const data = demoData(CONTRACT_NOW);
    const catalogue = new FixtureCatalogue({ data });
    data.orders[0]!.paid = false;
    await catalogue.markDoNotShip('DEMO-1001');
    expect((await catalogue.getOrder('DEMO-1001'))?.paid).toBe(true);
    expect(data.orders[0]?.doNotShip).toBeUndefined();
  });

  it('with a clock, a shipment scheduled later has not happened yet', async () => {
    const clock = new FakeClock(CONTRACT_NOW);
    const data = demoData(CONTRACT_NOW);
    const later = new Date(CONTRACT_NOW.getTime() + 2 * HOUR).toISOString();
    data.orders[0] = { ...data.orders[0]!, shippedAt: later, carrier: 'SF', trackingNumber: 'SF1234567890123' };
    const catalogue = new FixtureCatalogue({ data, clock });

    const before = await catalogue.getOrder('DEMO-1001');
    expect(before?.shippedAt).toBeUndefined();
    expect(before?.trackingNumber).toBeUndefined();
    await expect(catalogue.markDoNotShip('DEMO-1001')).resolves.toBe(true);

    // The shop ships anyway: the interception failed.
    clock.advance(2 * HOUR);
    const after = await catalogue.getOrder('DEMO-1001');
    expect(after).toMatchObject({ shippedAt: later, carrier: 'SF', doNotShip: true });
    await expect(catalogue.markDoNotShip('DEMO-1001')).resolves.toBe(false);
  });

  it('ship() and deliver() change the order the next reader sees', async () => {
    const clock = new FakeClock(CONTRACT_NOW);
    const catalogue = new FixtureCatalogue({ data: demoData(CONTRACT_NOW), clock });
    catalogue.ship('DEMO-1001', { carrier: 'ZTO', trackingNumber: '75312345678901' });
    await expect(catalogue.markDoNotShip('DEMO-1001')).resolves.toBe(false);
    clock.advance(HOUR);
    catalogue.deliver('DEMO-1001');
    expect(await catalogue.getOrder('DEMO-1001')).toMatchObject({
      shippedAt: CONTRACT_NOW.toISOString(),
      deliveredAt: new Date(CONTRACT_NOW.getTime() + HOUR).toISOString(),
      carrier: 'ZTO',
    });
    expect(() => catalogue.deliver('DEMO-1006')).toThrow(/not shipped/);
  });

  it('putOrder() adds an order that the buyer list picks up', async () => {
    const catalogue = new FixtureCatalogue({ data: demoData(CONTRACT_NOW) });
    const base = (await catalogue.getOrder('DEMO-2001'))!;
    catalogue.putOrder({ ...base, id: 'DEMO-2002', paidAt: CONTRACT_NOW.toISOString(), shippedAt: undefined, deliveredAt: undefined });
    expect((await catalogue.listOrdersOfBuyer('buyer-1002')).map((o) => o.id)).toEqual(['DEMO-2002', 'DEMO-2001']);
  });

  it('treats do-not-ship on an unknown order as a bug', async () => {
    const catalogue = new FixtureCatalogue({ data: demoData(CONTRACT_NOW) });
    await expect(catalogue.markDoNotShip('NOPE')).rejects.toThrow(/unknown order/);
  });
});
