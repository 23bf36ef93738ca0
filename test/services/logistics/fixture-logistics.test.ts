import { demoData } from '../../../services/orders/demo-data';
import { FixtureLogistics } from '../../../services/logistics/fixture-logistics';
import { FakeClock } from '../../support/fake-clock';

const NOW = new Date('2025-06-18T02:00:00.000Z');

describe('FixtureLogistics', () => {
  const demo = demoData(NOW);
  const order = (id: string) => demo.orders.find((o) => o.id === id)!;

  it('answers outbound tracking from the fixtures', async () => {
    const logistics = new FixtureLogistics({ clock: new FakeClock(NOW), tracking: demo.tracking });
    await expect(logistics.orderTracking(order('DEMO-1004'))).resolves.toEqual(demo.tracking['DEMO-1004']);
    await expect(logistics.orderTracking(order('DEMO-1002'))).resolves.toMatchObject({ delivered: true, deliveredAt: order('DEMO-1002').deliveredAt });
  });

  it('has no tracking for an order that has not shipped', async () => {
    const logistics = new FixtureLogistics({ clock: new FakeClock(NOW), tracking: demo.tracking });
    await expect(logistics.orderTracking(order('DEMO-1001'))).resolves.toBeNull();
  });

  it('falls back to the carrier data on the order when there is no fixture', async () => {
    const logistics = new FixtureLogistics({ clock: new FakeClock(NOW) });
    const o = order('DEMO-2001');
    await expect(logistics.orderTracking(o)).resolves.toEqual({
      carrier: 'YTO',
      trackingNumber: o.trackingNumber,
      delivered: true,
      deliveredAt: o.deliveredAt,
      lastScanAt: o.deliveredAt,
      promisedDeliveryBy: o.promisedDeliveryBy,
    });
  });

  it('hands out copies of fixtures', async () => {
    const logistics = new FixtureLogistics({ clock: new FakeClock(NOW), tracking: demo.tracking });
    const t = (await logistics.orderTracking(order('DEMO-1004')))!;
    t.delivered = true;
    await expect(logistics.orderTracking(order('DEMO-1004'))).resolves.toMatchObject({ delivered: false });
  });

  it('a registered return is in transit, then delivered once the transit time has passed', async () => {
    const clock = new FakeClock(NOW);
    const logistics = new FixtureLogistics({ clock, returnTransitMs: 120_000 });
    await logistics.registerReturn('SF', 'SF1234567890123', clock.now());

    clock.advance(119_999);
    await expect(logistics.returnTracking('SF', 'SF1234567890123')).resolves.toEqual({
      carrier: 'SF',
      trackingNumber: 'SF1234567890123',
      delivered: false,
      lastScanAt: NOW.toISOString(),
    });

    clock.advance(1);
    const arrived = new Date(NOW.getTime() + 120_000).toISOString();
    await expect(logistics.returnTracking('SF', 'SF1234567890123')).resolves.toEqual({
      carrier: 'SF',
      trackingNumber: 'SF1234567890123',
      delivered: true,
      deliveredAt: arrived,
      lastScanAt: arrived,
    });
  });

  it('uses a default transit of two minutes', async () => {
    const clock = new FakeClock(NOW);
    const logistics = new FixtureLogistics({ clock });
    await logistics.registerReturn('ZTO', '73123456789012', clock.now());
    clock.advance(119_000);
    await expect(logistics.returnTracking('ZTO', '73123456789012')).resolves.toMatchObject({ delivered: false });
    clock.advance(1_000);
    await expect(logistics.returnTracking('ZTO', '73123456789012')).resolves.toMatchObject({ delivered: true });
  });

  it('finds a return however the carrier and number are written', async () => {
    const clock = new FakeClock(NOW);
    const logistics = new FixtureLogistics({ clock });
    await logistics.registerReturn('顺丰', ' sf 1234567890123', clock.now());
    await expect(logistics.returnTracking('SF', 'SF1234567890123')).resolves.toMatchObject({ carrier: 'SF', trackingNumber: 'SF1234567890123' });
  });

  it('registering again keeps the first registration', async () => {
    const clock = new FakeClock(NOW);
    const logistics = new FixtureLogistics({ clock });
    await logistics.registerReturn('SF', 'SF1234567890123', clock.now());
    clock.advance(60_000);
    await logistics.registerReturn('SF', 'SF1234567890123', clock.now());
    clock.advance(60_000);
    await expect(logistics.returnTracking('SF', 'SF1234567890123')).resolves.toMatchObject({ delivered: true });
  });

  it('does not know an unregistered number, or a number under another carrier', async () => {
    const clock = new FakeClock(NOW);
    const logistics = new FixtureLogistics({ clock });
    await logistics.registerReturn('SF', 'SF1234567890123', clock.now());
    await expect(logistics.returnTracking('SF', 'SF9999999999999')).resolves.toBeNull();
    await expect(logistics.returnTracking('JD', 'SF1234567890123')).resolves.toBeNull();
  });

  it('an infinite transit time is a parcel that is never scanned again', async () => {
    const clock = new FakeClock(NOW);
    const logistics = new FixtureLogistics({ clock, returnTransitMs: Number.POSITIVE_INFINITY });
    await logistics.registerReturn('YTO', 'YT1234567890123', clock.now());
    clock.advance(30 * 86_400_000);
    await expect(logistics.returnTracking('YTO', 'YT1234567890123')).resolves.toMatchObject({ delivered: false, lastScanAt: NOW.toISOString() });
  });
});
