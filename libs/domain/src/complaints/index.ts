export * from './complaint-status.js';
export * from './complaint-clock.js';
export * from './jurisdiction.js';
export * from './pii-mask.js';
export * from './refusal-reasons.js';
