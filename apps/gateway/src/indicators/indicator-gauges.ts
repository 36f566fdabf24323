import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { METRICS_COMMANDS, type FiguresReply } from '#libs/contracts';
import { BureausService } from '../bureaus/bureaus.service.js';
import { CommandBus } from '../common/command-bus.js';
import { PrometheusRegistry } from '../health/prometheus.registry.js';

const SCRAPE_TIMEOUT_MS = 2000;
/** Every gauge's collect runs on one scrape; they share one round of requests. */
const SHARE_MS = 1000;

/** `wj_indicator_*{code,bureau}` for the root bureaus, current year, refreshed on each scrape. */
@Injectable()
export class IndicatorGauges implements OnModuleInit {
  private readonly logger = new Logger(IndicatorGauges.name);
  private refreshing?: { at: number; done: Promise<void> };
  private gauges: Record<'value' | 'numerator' | 'denominator' | 'met' | 'lateBudget', Gauge>;

  constructor(
    private readonly prometheus: PrometheusRegistry,
    private readonly commands: CommandBus,
    private readonly bureaus: BureausService,
  ) {}

  onModuleInit(): void {
    const make = (name: string, help: string) =>
      new Gauge({
        name,
        help,
        labelNames: ['code', 'bureau'],
        registers: [this.prometheus.registry],
        collect: () => this.refresh(),
      });
    this.gauges = {
      value: make('wj_indicator_value', 'Indicator value: percent for rates, a count for 18.2 (current year)'),
      numerator: make('wj_indicator_numerator', 'Indicator numerator (current year)'),
      denominator: make('wj_indicator_denominator', 'Indicator denominator (current year)'),
      met: make('wj_indicator_met', '1 when the indicator meets its threshold, 0 when not, -1 when it cannot be judged'),
      lateBudget: make('wj_indicator_late_budget', 'Late items the period can still absorb (-1 = unlimited)'),
    };
  }

  private refresh(): Promise<void> {
    const now = Date.now();
    if (!this.refreshing || now - this.refreshing.at > SHARE_MS) this.refreshing = { at: now, done: this.load() };
    return this.refreshing.done;
  }

  private async load(): Promise<void> {
    for (const g of Object.values(this.gauges)) g.reset();
    try {
      const tree = await this.bureaus.tree();
      for (const root of tree.all().filter((b) => !b.parent)) {
        const bureaus = tree.subtree(root.code);
        const ctx = { actor: { username: 'prometheus', role: 'system' as const, bureau: root.code, visibleBureaus: bureaus }, requestId: 'metrics-scrape' };
        const reply = await this.commands.send<FiguresReply>(METRICS_COMMANDS.figures, ctx, { bureau: root.code, bureaus, period: 'year' }, SCRAPE_TIMEOUT_MS);
        for (const r of reply.items) {
          const labels = { code: r.code, bureau: root.code };
          if (r.value !== null) this.gauges.value.set(labels, r.value);
          this.gauges.numerator.set(labels, r.numerator);
          this.gauges.denominator.set(labels, r.denominator);
          this.gauges.met.set(labels, r.met === null ? -1 : Number(r.met));
          this.gauges.lateBudget.set(labels, r.lateBudget ?? -1);
        }
      }
    } catch (err) {
      // A slow or absent metrics service must not break the scrape; the gauges stay empty.
      this.logger.warn(`indicator gauges not refreshed: ${(err as Error).message}`);
    }
  }
}
