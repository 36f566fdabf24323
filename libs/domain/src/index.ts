export * from './shared/domain-error.js';
export * from './operators/uscc.js';
