export * from './test-database.js';
export * from './unique-prefix.js';
export * from './suite-processes.js';
export * from './private-services.js';
export * from './factories.js';
export * from './within.js';
