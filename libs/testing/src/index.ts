export * from './test-database.js';
export * from './unique-prefix.js';
