export * from './load-config.js';
export * from './service-config.js';
export * from './load-config-or-exit.js';
