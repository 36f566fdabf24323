import { Injectable } from '@nestjs/common';

interface LagSource {
  consumerLag(): Promise<number>;
}

/** Where the running JetStream consumers are known, so health can report their lag. */
@Injectable()
export class ConsumerRegistry {
  private readonly consumers = new Map<string, LagSource>();

  register(durable: string, source: LagSource): void {
    this.consumers.set(durable, source);
  }

  async lag(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const [durable, source] of this.consumers) out[durable] = await source.consumerLag();
    return out;
  }
}
