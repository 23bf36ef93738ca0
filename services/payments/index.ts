export { SimulatedGateway } from './simulated-gateway';
export type { LedgerRow, ScriptedReply, SimulatedGatewayOptions } from './simulated-gateway';
