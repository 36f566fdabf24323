import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfigOrExit } from '#libs/config';
import { createGatewayApp } from '../gateway/src/create-gateway-app.js';
import { GatewayConfig } from '../gateway/src/gateway.config.js';
import { startBackendServices, stopBackendServices, type BackendServices } from './src/backend-services.js';

/**
 * The whole suite in one process, for a bureau that runs it on one machine: the five backend
 * services, each its own Nest context talking over NATS as when separate, then the gateway.
 */
let services: BackendServices | undefined;
let gateway: NestFastifyApplication | undefined;
let stopping = false;

/**
 * The gateway stops taking requests first, then the services close together. The gateway's
 * own shutdown hook also closes it on the signal and re-raises it; while this listener is
 * registered the re-raised signal only lands here again, so the process ends by exit(0) below.
 */
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`[all-in-one] ${signal}: stopping\n`);
  let code = 0;
  await gateway?.close().catch((error: unknown) => {
    process.stderr.write(`[all-in-one] gateway did not close cleanly: ${String(error)}\n`);
    code = 1;
  });
  if (services) await stopBackendServices(services);
  process.exit(code);
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, (s) => void stop(s));

const gatewayConfig = loadConfigOrExit(GatewayConfig, 'gateway');
services = await startBackendServices((configClass, service) => loadConfigOrExit(configClass, service));
gateway = await createGatewayApp(gatewayConfig);
await gateway.listen({ port: gatewayConfig.PORT, host: gatewayConfig.HOST });
