import { ClientNats, ServerNats, type NatsOptions } from '@nestjs/microservices';

type NatsTransportOptions = Required<NatsOptions>['options'];

/**
 * nats.js gives up after 10 reconnect attempts (~20 s) and then stays closed while the process
 * lives on: a longer NATS outage would leave the suite dead until every process is restarted.
 * Commands keep trying instead, and a process started while NATS is down waits for it.
 */
const KEEP_TRYING: NatsTransportOptions = { maxReconnectAttempts: -1, reconnectTimeWait: 500, waitOnFirstConnect: true };

/**
 * Core-NATS request-reply for gateway → service commands. Every pattern gets the
 * deployment's command prefix, so two deployments (or test runs) on one NATS never answer
 * each other. Domain events never travel here: they go through JetStream.
 */
export class CommandServer extends ServerNats {
  constructor(
    private readonly prefix: string,
    options: NatsTransportOptions,
  ) {
    super({ ...KEEP_TRYING, ...options });
  }

  override addHandler(
    pattern: unknown,
    callback: Parameters<ServerNats['addHandler']>[1],
    isEventHandler = false,
    extras: Record<string, unknown> = {},
  ): void {
    // Event handlers belong to the JetStream server only.
    if (isEventHandler) return;
    super.addHandler(`${this.prefix}.${this.normalizePattern(pattern as string)}`, callback, false, extras);
  }
}

export class CommandClient extends ClientNats {
  constructor(
    private readonly prefix: string,
    options: NatsTransportOptions,
  ) {
    super({ ...KEEP_TRYING, ...options });
  }

  protected override normalizePattern(pattern: Parameters<ClientNats['normalizePattern']>[0]): string {
    return `${this.prefix}.${super.normalizePattern(pattern)}`;
  }
}
