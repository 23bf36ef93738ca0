import type { Desk, StaffContext } from '../staff-context';

/** Registers the handoff desk's message handlers, card actions and consumers. */
export function wireHandoffDesk(_ctx: StaffContext): Desk {
  return {};
}
