import type { Order } from '../refunds/order';

// Orders carry no placement time, so recency is read from the first thing that happened to them. An order
// with none of these is unpaid, i.e. just placed (the platform cancels unpaid orders after a short while), so
// it counts as the newest.

function placedAt(order: Order): number {
  const first = order.paidAt ?? order.shippedAt ?? order.deliveredAt;
  return first === undefined ? Number.POSITIVE_INFINITY : Date.parse(first);
}

/** Newest first; equal times by id, descending, so the order is stable whatever the source's order. */
export function newestFirst(orders: Order[]): Order[] {
  return [...orders].sort((a, b) => {
    const byTime = placedAt(b) - placedAt(a);
    if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
    return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  });
}
