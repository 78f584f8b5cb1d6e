export * from './errors';
export * from './enums';
export * from './common';
export * from './system';
export * from './permissions';
export * from './audit';
export * from './roles';
export * from './identity';
