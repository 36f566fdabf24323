export * from './bureau-tree.data.js';
export * from './bureau-tree.js';
export * from './roles.js';
export * from './api-key.js';
