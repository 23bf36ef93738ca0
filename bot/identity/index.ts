export * from './buyer-token';
export * from './buyer-identity';
