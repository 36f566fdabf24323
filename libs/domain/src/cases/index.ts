export * from './vocabulary.js';
export * from './case-transitions.js';
export * from './case-steps.js';
export * from './case-clock.js';
export * from './decision.js';
export * from './jurisdiction.js';
export * from './police-transfer.js';
