export * from './auth/test-issuer';
