import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../services/refunds';
import type { Desk, StaffContext } from './staff-context';
import { wireHandoffDesk } from './handoff/wire';
import { wireCsDesk } from './cs/wire';
import { wireMerchantDesk } from './merchant/wire';
import { wireOperatorsDesk } from './operators-wire';

export interface StaffSide {
  relayBuyerMessage(context: TurnContext, buyer: Actor): Promise<boolean>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The desks in the order their message handlers are asked: a handoff relay first (an agent talking to a buyer),
 * then CS commands, then merchants (binding, help).
 */
export function buildStaffSide(ctx: StaffContext): StaffSide {
  const handoff = wireHandoffDesk(ctx);
  const cs = wireCsDesk(ctx);
  // Other desks raise alerts to CS through the context (the merchant desk: a merchant who blocked the app).
  ctx.csAlerts = cs.alerts;
  const desks: Desk[] = [handoff, cs, wireMerchantDesk(ctx)];
  desks.push(wireOperatorsDesk(ctx));
  return {
    async relayBuyerMessage(context, buyer) {
      for (const desk of desks) if (await desk.relayBuyerMessage?.(context, buyer)) return true;
      return false;
    },
    async start() {
      for (const desk of desks) await desk.start?.();
    },
    async stop() {
      for (const desk of [...desks].reverse()) await desk.stop?.();
    },
  };
}
