import type { Desk, StaffContext } from '../staff-context';

/** Registers the cs desk's message handlers, card actions and consumers. */
export function wireCsDesk(_ctx: StaffContext): Desk {
  return {};
}
