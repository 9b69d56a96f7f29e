export * from './infra';
export * from './helpers';
export * from './process';
export * from './ports';
