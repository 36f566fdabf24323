export * from './envelope.js';
export * from './commands.js';
export * from './errors.js';
export * from './subjects.js';
export * from './dto/users.dto.js';
export * from './dto/validators.js';
export * from './events/snapshots.js';
export * from './dto/calendar.dto.js';
