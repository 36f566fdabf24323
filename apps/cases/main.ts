import 'reflect-metadata';
import { loadConfigOrExit } from '#libs/config';
import { startService } from '#libs/service-kit';
import { CasesConfig } from './src/cases.config.js';
import { CasesModule } from './src/cases.module.js';

const config = loadConfigOrExit(CasesConfig, 'cases');
await startService(CasesModule.register(config), 'cases', config);
