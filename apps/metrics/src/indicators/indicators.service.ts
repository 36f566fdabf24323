import { Injectable } from '@nestjs/common';
import {
  METRICS_EVENTS,
  type Breakdown,
  type CommandMessage,
  type FiguresQuery,
  type FiguresReply,
  type ForecastReply,
  type IndicatorConfigView,
  type IndicatorRow,
  type IndicatorScope,
  type ItemsQuery,
  type ItemsReply,
  type SetConfigCommand,
} from '#libs/contracts';
import { addDays, localDateOf } from '#libs/clock';
import {
  COMPARATORS,
  evaluateIndicator,
  forecastIndicator,
  INDICATORS,
  resolvePeriod,
  ValidationError,
  type IndicatorCode,
  type IndicatorDefinition,
  type IndicatorSettings,
  type StatusCounts,
} from '#libs/domain';
import { appendToOutbox, newEvent } from '#libs/messaging';
import { Clock } from '#libs/service-kit';
import { MetricsConfig } from '../metrics.config.js';
import { assertAdmin, assertReader, assertScope, clockLink, definitionOf } from './indicator-access.js';
import { IndicatorConfigRepository, type StoredSettings } from './indicator-config.repository.js';
import { IndicatorsRepository, type CountRow, type FactQuery } from './indicators.repository.js';

/** Below ten items a rate says more about chance than about work (configurable per indicator). */
export const DEFAULT_MINIMUM_SAMPLE = 10;
const ALL_CODES = INDICATORS.map((d) => d.code);
const NONE: StatusCounts = { onTime: 0, late: 0, missing: 0 };

function defaults(def: IndicatorDefinition): IndicatorSettings {
  return { threshold: def.threshold, comparator: def.comparator, minimumSample: DEFAULT_MINIMUM_SAMPLE, nationalRate: null };
}

@Injectable()
export class IndicatorsService {
  constructor(
    private readonly facts: IndicatorsRepository,
    private readonly settings: IndicatorConfigRepository,
    private readonly clock: Clock,
    private readonly config: MetricsConfig,
  ) {}

  today(): string {
    return localDateOf(this.clock.now());
  }

  async figures({ actor, data }: CommandMessage<FiguresQuery>): Promise<FiguresReply> {
    assertReader(actor);
    assertScope(actor, data);
    const q = this.factQuery(data);
    const stored = await this.settings.all();
    const rows = (counts: CountRow[]) => this.rows(counts, stored);
    const reply: FiguresReply = { bureau: data.bureau, from: q.from, to: q.to, today: q.today, items: rows(await this.facts.counts(q)) };
    if (data.breakdown) reply.breakdown = { by: data.breakdown, groups: await this.breakdown(q, data.breakdown, rows) };
    return reply;
  }

  async items({ actor, data }: CommandMessage<ItemsQuery>): Promise<ItemsReply> {
    assertReader(actor);
    assertScope(actor, data);
    const def = definitionOf(data.code);
    const q = { ...this.factQuery(data), codes: [def.code] };
    const pageSize = data.pageSize ?? 50;
    const page = data.page ?? 1;
    const found = await this.facts.items(q, data.status, pageSize, (page - 1) * pageSize);
    return this.itemsReply(def.code, q, found);
  }

  /** All counted items of one indicator, for the spreadsheet (capped). */
  async allItems({ actor, data }: CommandMessage<ItemsQuery>): Promise<ItemsReply> {
    assertReader(actor);
    assertScope(actor, data);
    const def = definitionOf(data.code);
    const q = { ...this.factQuery(data), codes: [def.code] };
    return this.itemsReply(def.code, q, await this.facts.items(q, data.status, this.config.EXPORT_MAX_ROWS, 0));
  }

  async forecast({ actor, data }: CommandMessage<IndicatorScope>): Promise<ForecastReply> {
    assertReader(actor);
    assertScope(actor, data);
    const q = this.factQuery({ ...data, period: data.period ?? 'month' });
    const [counts, open, pace, stored] = await Promise.all([
      this.facts.counts(q),
      this.facts.openItems(q),
      this.facts.recentOnTimeRates(ALL_CODES, data.bureaus, addDays(q.today, -this.config.FORECAST_PACE_DAYS), q.today),
      this.settings.all(),
    ]);
    const items = INDICATORS.map((def) => {
      const f = forecastIndicator(def, this.effective(def, stored), {
        counts: counts.find((c) => c.indicator === def.code) ?? NONE,
        open: open.filter((o) => o.indicator === def.code).map(({ itemKey, recordId, dueDate }) => ({ itemKey, recordId, dueDate })),
        recentOnTimeRate: pace.get(def.code) ?? null,
      });
      const kindOf = new Map(open.map((o) => [o.itemKey, o.kind]));
      const decidingItems = f.decidingItems.map((i) => ({ ...i, clock: clockLink(kindOf.get(i.itemKey) ?? def.recordKind, i.recordId) }));
      return { code: def.code, name: def.name, ...f, decidingItems };
    });
    return { bureau: data.bureau, from: q.from, to: q.to, today: q.today, items };
  }

  async listConfig({ actor }: CommandMessage<unknown>): Promise<{ items: IndicatorConfigView[] }> {
    assertReader(actor);
    const stored = await this.settings.all();
    return { items: INDICATORS.map((def) => this.configView(def, stored.get(def.code))) };
  }

  async setConfig({ actor, requestId, data }: CommandMessage<SetConfigCommand>): Promise<IndicatorConfigView> {
    assertAdmin(actor);
    const def = definitionOf(data.code);
    if (!COMPARATORS.includes(data.comparator)) throw ValidationError.field('comparator', 'isIn', '比较方式应为 >、>=、= 或 <=');
    if (def.measure !== 'count' && data.threshold !== null && (data.threshold < 0 || data.threshold > 100)) {
      throw ValidationError.field('threshold', 'range', '比率阈值应在 0 到 100 之间');
    }
    const now = this.clock.now();
    return this.facts.transaction(async (manager) => {
      const before = await this.settings.beforeChange(manager, def.code);
      const next: IndicatorSettings = {
        threshold: data.threshold,
        comparator: data.comparator,
        minimumSample: data.minimumSample,
        nationalRate: data.nationalRate === undefined ? (before?.nationalRate ?? null) : data.nationalRate,
      };
      const after: IndicatorConfigView = { code: def.code, name: def.name, ...next, updatedBy: actor.username, updatedAt: now.toISOString() };
      await this.settings.save(manager, def.code, next, actor.username, now);
      const payload = { before: before ? this.configView(def, before) : null, after };
      await appendToOutbox(manager, [
        newEvent({ type: METRICS_EVENTS.configChanged, aggregateType: 'indicator_config', aggregateId: def.code, bureau: actor.bureau, actor, payload, correlationId: requestId }, now),
      ]);
      return after;
    });
  }

  /** Met/not met per indicator for a bureau subtree and date range (the scorecard's live parts). */
  async metByCode(bureaus: string[], from: string, to: string): Promise<Map<IndicatorCode, boolean | null>> {
    const q: FactQuery = { codes: ALL_CODES, bureaus, from, to, today: this.today() };
    const rows = this.rows(await this.facts.counts(q), await this.settings.all());
    return new Map(rows.map((r) => [r.code, r.met]));
  }

  private factQuery(scope: IndicatorScope): FactQuery {
    const today = this.today();
    const period = resolvePeriod(scope, today);
    return { codes: ALL_CODES, bureaus: scope.bureaus, from: period.from, to: period.to, today };
  }

  private async breakdown(q: FactQuery, by: Breakdown, rows: (c: CountRow[]) => IndicatorRow[]) {
    const counts = await this.facts.counts(q, by);
    const keys = [...new Set(counts.map((c) => c.key ?? ''))].sort();
    return keys.map((key) => ({ key, items: rows(counts.filter((c) => (c.key ?? '') === key)) }));
  }

  private rows(counts: CountRow[], stored: Map<IndicatorCode, StoredSettings>): IndicatorRow[] {
    return INDICATORS.map((def) => {
      const settings = this.effective(def, stored);
      const c = counts.find((r) => r.indicator === def.code) ?? NONE;
      const figure = evaluateIndicator(def, { onTime: c.onTime, late: c.late, missing: c.missing }, settings);
      return { code: def.code, name: def.name, counted: def.counted, nationalRate: settings.nationalRate, ...figure };
    });
  }

  private effective(def: IndicatorDefinition, stored: Map<IndicatorCode, StoredSettings>): IndicatorSettings {
    const s = stored.get(def.code);
    return s ? { threshold: s.threshold, comparator: s.comparator, minimumSample: s.minimumSample, nationalRate: s.nationalRate } : defaults(def);
  }

  private configView(def: IndicatorDefinition, s: StoredSettings | undefined): IndicatorConfigView {
    const settings = s ?? defaults(def);
    return { code: def.code, name: def.name, ...settings, updatedBy: s?.updatedBy ?? null, updatedAt: s?.updatedAt ?? null };
  }

  private itemsReply(code: IndicatorCode, q: FactQuery, found: Awaited<ReturnType<IndicatorsRepository['items']>>): ItemsReply {
    return {
      code,
      from: q.from,
      to: q.to,
      today: q.today,
      total: found.total,
      items: found.items.map((i) => ({ id: i.recordId, ...i, clock: clockLink(i.kind, i.recordId) })),
    };
  }
}
