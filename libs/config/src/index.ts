export * from './load-config.js';
export * from './service-config.js';
export * from './load-config-or-exit.js';
export * from './node-flags.js';
