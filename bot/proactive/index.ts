export * from './conversation-references';
export * from './reference-recorder';
export * from './delivery-marks';
export * from './buyer-notifications';
export * from './buyer-notifier';
