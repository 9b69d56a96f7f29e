export * from './auth/test-issuer';
export * from './auth/jwks-server';
