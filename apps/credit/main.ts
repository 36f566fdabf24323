import 'reflect-metadata';
import { loadConfigOrExit } from '#libs/config';
import { startService } from '#libs/service-kit';
import { CreditConfig } from './src/credit.config.js';
import { CreditModule } from './src/credit.module.js';

const config = loadConfigOrExit(CreditConfig, 'credit');
await startService(CreditModule.register(config), 'credit', config);
