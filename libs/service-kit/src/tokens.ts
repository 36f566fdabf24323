import type { NatsNames } from '#libs/contracts';

export const NATS_NAMES = Symbol('NATS_NAMES');
export type { NatsNames };
