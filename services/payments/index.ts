export { SimulatedGateway } from './simulated-gateway';
export type { LedgerRow, ScriptedReply, SimulatedGatewayOptions } from './simulated-gateway';
export { RedisGatewayLedger } from './redis-gateway-ledger';
export type { GatewayLedger, LedgerOutcome, LedgerProposal, RedisGatewayLedgerOptions, SettleResult } from './redis-gateway-ledger';
