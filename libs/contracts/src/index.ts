export * from './envelope.js';
export * from './commands.js';
export * from './errors.js';
export * from './subjects.js';
