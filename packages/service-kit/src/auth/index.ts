export * from './access';
export * from './principal';
export * from './routes';
export * from './verify';
