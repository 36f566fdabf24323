import 'reflect-metadata';
import { loadConfigOrExit } from '#libs/config';
import { startService } from '#libs/service-kit';
import { LeadsConfig } from './src/leads.config.js';
import { LeadsModule } from './src/leads.module.js';

const config = loadConfigOrExit(LeadsConfig, 'leads');
await startService(LeadsModule.register(config), 'leads', config);
