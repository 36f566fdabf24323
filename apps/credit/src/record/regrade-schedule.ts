import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { addDays, localDateOf } from '#libs/clock';
import { Clock } from '#libs/service-kit';
import { RegradeSweep } from './regrade-sweep.js';

/** Minutes after local midnight: the new date is well in force on every replica's clock. */
const MINUTES_AFTER_MIDNIGHT = 5;

/** Milliseconds from `now` to the next sweep, shortly after the next local midnight in Asia/Shanghai (UTC+8, no DST). */
export function msUntilNextSweep(now: Date): number {
  const tomorrow = addDays(localDateOf(now), 1);
  return Date.parse(`${tomorrow}T00:${String(MINUTES_AFTER_MIDNIGHT).padStart(2, '0')}:00+08:00`) - now.getTime();
}

/** Runs the regrade sweep at boot and then daily after local midnight. */
@Injectable()
export class RegradeSchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RegradeSchedule.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly sweep: RegradeSweep,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: the first sweep after an upgrade regrades every operator once, and boot must not wait for it.
    this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private run(): void {
    this.running = this.sweep
      .sweep()
      .then(
        () => undefined,
        (e: unknown) => this.logger.error(`regrade sweep failed (the next run picks it up): ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => this.scheduleNext());
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => this.run(), msUntilNextSweep(this.clock.now()));
    this.timer.unref();
  }
}
