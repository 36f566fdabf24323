import 'reflect-metadata';
import { loadConfigOrExit } from '#libs/config';
import { createGatewayApp } from './src/create-gateway-app.js';
import { GatewayConfig } from './src/gateway.config.js';

const config = loadConfigOrExit(GatewayConfig, 'gateway');
const app = await createGatewayApp(config);
await app.listen({ port: config.PORT, host: config.HOST });
