import type { Order } from '../refunds/order';
import type { Clock, Logistics, TrackingInfo } from '../refunds/ports';
import { findCarrier, normalizeTrackingNumber } from './carriers';

export interface FixtureLogisticsOptions {
  clock: Clock;
  /** Outbound tracking keyed by order id. */
  tracking?: Record<string, TrackingInfo>;
  /**
   * How long a registered return parcel takes to arrive, on the injected clock. Short by default so a demo
   * return completes within minutes; Infinity simulates a parcel that is never scanned again.
   */
  returnTransitMs?: number;
}

interface RegisteredReturn {
  carrier: string;
  trackingNumber: string;
  at: Date;
}

/**
 * Tracking from fixtures for outbound parcels, and a simulated carrier for returns: a registered return is in
 * transit from its registration until `returnTransitMs` has passed, then delivered.
 */
export class FixtureLogistics implements Logistics {
  private readonly clock: Clock;
  private readonly tracking: Record<string, TrackingInfo>;
  private readonly returnTransitMs: number;
  private readonly returns = new Map<string, RegisteredReturn>();

  constructor(options: FixtureLogisticsOptions) {
    this.clock = options.clock;
    this.tracking = structuredClone(options.tracking ?? {});
    this.returnTransitMs = options.returnTransitMs ?? 120_000;
  }

  async orderTracking(order: Order): Promise<TrackingInfo | null> {
    const fixture = this.tracking[order.id];
    if (fixture) return { ...fixture };
    // Orders without a fixture still have the carrier data the order itself carries.
    if (!order.shippedAt || !order.carrier || !order.trackingNumber) return null;
    return {
      carrier: order.carrier,
      trackingNumber: order.trackingNumber,
      delivered: Boolean(order.deliveredAt),
      ...(order.deliveredAt ? { deliveredAt: order.deliveredAt } : {}),
      lastScanAt: order.deliveredAt ?? order.shippedAt,
      ...(order.promisedDeliveryBy ? { promisedDeliveryBy: order.promisedDeliveryBy } : {}),
    };
  }

  /** Registering the same parcel again keeps the first registration: a retried command must not restart transit. */
  async registerReturn(carrier: string, trackingNumber: string, at: Date): Promise<void> {
    const key = returnKey(carrier, trackingNumber);
    if (this.returns.has(key)) return;
    this.returns.set(key, { carrier: carrierKey(carrier), trackingNumber: normalizeTrackingNumber(trackingNumber), at: new Date(at) });
  }

  async returnTracking(carrier: string, trackingNumber: string): Promise<TrackingInfo | null> {
    const parcel = this.returns.get(returnKey(carrier, trackingNumber));
    if (!parcel) return null;
    const arrival = parcel.at.getTime() + this.returnTransitMs;
    const base = { carrier: parcel.carrier, trackingNumber: parcel.trackingNumber };
    if (this.clock.now().getTime() >= arrival) {
      const deliveredAt = new Date(arrival).toISOString();
      return { ...base, delivered: true, deliveredAt, lastScanAt: deliveredAt };
    }
    return { ...base, delivered: false, lastScanAt: parcel.at.toISOString() };
  }
}

function carrierKey(carrier: string): string {
  return findCarrier(carrier) ?? carrier.trim().toUpperCase();
}

function returnKey(carrier: string, trackingNumber: string): string {
  return `${carrierKey(carrier)}:${normalizeTrackingNumber(trackingNumber)}`;
}
