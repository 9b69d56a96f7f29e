// Test helpers for suites that use the bus (import from '@pasar/events/testing' in tests only).
export * from './test-bus';
export * from './topic-reader';
export * from './consumed';
