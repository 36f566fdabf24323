import 'reflect-metadata';
import { loadConfigOrExit } from '#libs/config';
import { startService } from '#libs/service-kit';
import { MetricsConfig } from './src/metrics.config.js';
import { MetricsModule } from './src/metrics.module.js';

const config = loadConfigOrExit(MetricsConfig, 'metrics');
await startService(MetricsModule.register(config), 'metrics', config);
