/** Where a failed delivery happened: the event stays pending and is redelivered later. */
export interface DeliveryErrorContext {
  group: string;
  consumer: string;
  /** The domain event's id, when the failure was its handler's. */
  eventId?: string;
}

export type DeliveryErrorHook = (err: unknown, context: DeliveryErrorContext) => void;

export const reportDeliveryErrorToStderr: DeliveryErrorHook = (err, { group, consumer, eventId }) => {
  const what = eventId ? `event ${eventId}` : 'reading the outbox';
  console.error(`outbox ${group}/${consumer}: ${what} failed: ${err instanceof Error ? err.message : String(err)}`);
};
