export * from './logger';
export * from './bus';
export * from './backoff';
export * from './outbox';
export * from './relay';
export * from './consumer';
export * from './dlq';
export * from './observer';
