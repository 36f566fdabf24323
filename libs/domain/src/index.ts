export * from './shared/domain-error.js';
