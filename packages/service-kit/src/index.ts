export * from './errors';
export * from './validate';
export * from './config';
export * from './mongo';
export * from './app';
export * from './run';
export * from './openapi';
