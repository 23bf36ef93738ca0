// Figures and process alerts for platform operators, beyond the refund core's monthly figures.

export * from './alert-state';
export * from './case-reader';
export * from './decision-times';
export * from './handoff-figures';
export * from './local-time';
export * from './open-cases';
export * from './operator-figures';
export * from './payment-failure-log';
export * from './process-alerts';
export * from './process-conditions';
export * from './shop-rates';
