export * from './envelope';
export * from './errors';
export * from './identity';
export * from './platform';
export * from './cases';
export * from './notes';
export * from './privacy';
export * from './treatment-plans';
