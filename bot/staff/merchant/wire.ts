import type { Desk, StaffContext } from '../staff-context';

/** Registers the merchant desk's message handlers, card actions and consumers. */
export function wireMerchantDesk(_ctx: StaffContext): Desk {
  return {};
}
