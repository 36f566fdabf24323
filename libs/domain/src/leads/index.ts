export * from './vocabulary.js';
export * from './lead-lifecycle.js';
export * from './lead-clock.js';
export * from './lead-fingerprint.js';
export * from './lead-import-row.js';
