import { ClientNats, ServerNats, type NatsOptions } from '@nestjs/microservices';
import { NATS_CONNECTION_DEFAULTS, RouteMemo } from '#libs/messaging';

type NatsTransportOptions = Required<NatsOptions>['options'];

/** A process started while NATS is down waits for it (the other defaults: NATS_CONNECTION_DEFAULTS). */
const COMMAND_CONNECTION: NatsTransportOptions = { ...NATS_CONNECTION_DEFAULTS, waitOnFirstConnect: true };

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
    super({ ...COMMAND_CONNECTION, ...options });
  }

  private readonly routeMemo = new RouteMemo((pattern) => super.getRouteFromPattern(pattern));

  protected override getRouteFromPattern(pattern: string): string {
    return this.routeMemo.routeOf(pattern);
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
    super({ ...COMMAND_CONNECTION, ...options });
  }

  protected override normalizePattern(pattern: Parameters<ClientNats['normalizePattern']>[0]): string {
    return `${this.prefix}.${super.normalizePattern(pattern)}`;
  }
}
