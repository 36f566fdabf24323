export * from './shared/domain-error.js';
export * from './operators/uscc.js';
export * from './credit/index.js';
export * from './complaints/index.js';
export * from './cases/index.js';
export * from './indicators/index.js';
export * from './audit/audit-chain.js';
export * from './leads/index.js';
