/** What the server holds for a durable, as consumer info reports it. */
export interface DurableBacklog {
  /** Messages not yet delivered. */
  num_pending: number;
  /** Delivered and not yet acknowledged (in a handler, or waiting out a nak delay or an ack wait). */
  num_ack_pending: number;
}

export interface StallLimits {
  /** Quiet this long with undelivered messages on the server: the pull is stuck. */
  stallMs: number;
  /**
   * Quiet this long with only unacknowledged messages: longer than any legitimate wait for a
   * redelivery (ack wait plus the longest nak delay), so a message backing off is not a stall.
   */
  redeliveryStallMs: number;
}

/**
 * Whether a pull subscription that has received nothing for `quietMs`, while no handler is
 * running, is stuck rather than idle. A pull request the server lost (nats-server 2.9 releases
 * before the fix in nats-io/nats-server#3942, Debian's 2.9.10 among them, could end one without
 * telling the client) leaves the consumer waiting while the stream fills up: the only sign is
 * the server holding messages nobody receives.
 */
export function isStalled(quietMs: number, backlog: DurableBacklog, limits: StallLimits): boolean {
  if (quietMs < limits.stallMs) return false;
  if (backlog.num_pending > 0) return true;
  return backlog.num_ack_pending > 0 && quietMs >= limits.redeliveryStallMs;
}
