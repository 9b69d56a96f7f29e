export * from './envelope';
export * from './define-event';
export * from './topics';
export * from './primitives';
export * from './events';
export * from './registry';
export * from './new-event';
