export * from './cooperatives';
export * from './members';
export * from './products';
export * from './accounts';
export * from './sellers';
export * from './savings';
