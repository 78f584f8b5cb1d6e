export * from './identity/id-number';
