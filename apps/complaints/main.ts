import 'reflect-metadata';
import { loadConfigOrExit } from '#libs/config';
import { startService } from '#libs/service-kit';
import { ComplaintsConfig } from './src/complaints.config.js';
import { ComplaintsModule } from './src/complaints.module.js';

const config = loadConfigOrExit(ComplaintsConfig, 'complaints');
await startService(ComplaintsModule.register(config), 'complaints', config);
