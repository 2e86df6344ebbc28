export * from './envelope';
export * from './errors';
export * from './identity';
export * from './platform';
export * from './risk';
export * from './crisis';
