export * from './roles';
export * from './claims';
