export { FixtureLogistics } from './fixture-logistics';
export type { FixtureLogisticsOptions } from './fixture-logistics';
export {
  CARRIERS,
  CARRIER_CODES,
  CarrierCodeSchema,
  findCarrier,
  guessCarrier,
  normalizeTrackingNumber,
  validateTrackingNumber,
} from './carriers';
export type { Carrier, CarrierCode, CarrierGuess, TrackingNumberError, TrackingNumberResult } from './carriers';
