import { Injectable } from '@nestjs/common';
import { addDays, localDateOf } from '#libs/clock';
import type { CommandMessage, LeadView, ScopedActor, SeedDemoLeadsDto } from '#libs/contracts';
import { ForbiddenError, LEAD_PAUSE_REASONS, REPORT_BACK_CHANNELS, SeededRandom, ValidationError, type LeadChannel } from '#libs/domain';
import { Clock } from '#libs/service-kit';
import { LeadIntakeService } from '../leads/lead-intake.service.js';
import type { LeadRow } from '../leads/lead.entity.js';
import { LeadsRepository } from '../leads/leads.repository.js';
import { LeadsService } from '../leads/leads.service.js';
import {
  BEHAVIOURS,
  bureauLateRate,
  CHANNEL_WEIGHTS,
  dayBetween,
  DEMO_DISTRICTS,
  DEPARTMENTS,
  EXTENSION_REASONS,
  fallbackOperators,
  NO_CASE_REASONS,
  officeTime,
  pick,
  PLATFORMS,
  PRODUCTS,
  REPORTERS,
  TRANSFER_IN_SOURCES,
  weekday,
  weighted,
  type DemoOperator,
} from './demo-seed-data.js';

export interface SeedDemoLeads extends SeedDemoLeadsDto {
  /** Same seed, same demo. */
  seed?: number;
  /** The credit service's demo operators: leads name them, so their credit pages fill. */
  operators?: DemoOperator[];
}

export interface SeedDemoLeadsResult {
  created: number;
  /** Open leads that arrived from events (reports, complaints, transfers) and were worked here. */
  fromEvents: number;
  decided: number;
  /** file_case decisions: the cases the cases service files from the events. */
  filed: number;
  paused: number;
  extended: number;
  transferred: number;
  reportedBack: number;
  skipped?: boolean;
}

/** Event-born leads the seed works as the receiving bureau would. */
const EVENT_SOURCES = ['report', 'complaint', 'lead_transfer'] as const;

/**
 * `leads.seed_demo`: a year of leads across the Yancheng bureaus, every channel, driven through
 * the leads service's own rules (so every event flows to cases, credit and metrics): some paused,
 * some extended, most decided in time, some late, some still open, some transferred, superiors'
 * leads reported back; then the open leads that reports, complaints and transfers brought in.
 */
@Injectable()
export class DemoSeedService {
  constructor(
    private readonly intakes: LeadIntakeService,
    private readonly leads: LeadsService,
    private readonly repo: LeadsRepository,
    private readonly clock: Clock,
  ) {}

  async seed({ actor, data, requestId }: CommandMessage<SeedDemoLeads>): Promise<SeedDemoLeadsResult> {
    if (actor.role !== 'admin' && actor.role !== 'system') throw new ForbiddenError('仅管理员可生成演示数据');
    if (!Number.isInteger(data.year) || !Number.isInteger(data.count) || data.count < 1 || data.count > 2000) {
      throw ValidationError.field('count', 'max', 'count：须为 1–2000 的整数');
    }
    const seed = data.seed ?? data.year;
    const today = localDateOf(this.clock.now());
    const yesterday = addDays(today, -1);
    const lastDay = `${data.year}-12-31` < yesterday ? `${data.year}-12-31` : yesterday;
    const result: SeedDemoLeadsResult = { created: 0, fromEvents: 0, decided: 0, filed: 0, paused: 0, extended: 0, transferred: 0, reportedBack: 0 };
    if (lastDay < `${data.year}-01-01`) return { ...result, skipped: true };
    const operators = data.operators?.length ? data.operators : fallbackOperators(new SeededRandom(`${seed}:operators`));
    const run = new SeedRun(this.leads, today, requestId, result);

    for (let i = 0; i < data.count; i++) {
      const random = new SeededRandom(`${seed}:lead:${i}`);
      const channel = weighted(random, CHANNEL_WEIGHTS);
      // The city bureau handles a small share itself; the districts the rest.
      const bureau = random.next() < 0.06 ? '320900' : pick(random, DEMO_DISTRICTS);
      const local = operators.filter((o) => o.bureau === bureau);
      const operator = pick(random, local.length ? local : operators);
      const received = weekday(dayBetween(random, `${data.year}-01-02`, lastDay));
      if (received > lastDay) continue;
      const product = pick(random, PRODUCTS);
      const officer = demoActor(bureau, 'officer');
      const { row, created } = await this.repo.transaction((m) =>
        this.intakes.intake(
          m,
          officer,
          {
            bureau,
            assignee: officer.username,
            channel,
            online: channel === 'platform_monitoring' || random.next() < 0.86,
            receivedAt: officeTime(random, received),
            title: pick(random, BEHAVIOURS).replace('%s', product),
            description: describe(channel, random),
            subject: {
              uscc: operator.uscc,
              name: operator.name,
              platform: operator.platform ?? pick(random, PLATFORMS),
              storeUrl: operator.storeUrl ?? `https://shop.example.cn/${operator.uscc.slice(-8).toLowerCase()}`,
            },
            ...(channel === 'report' ? { reporter: { name: pick(random, REPORTERS), phone: `139${String(random.below(1e8)).padStart(8, '0')}`, realName: random.next() < 0.6 } } : {}),
            ...(REPORT_BACK_CHANNELS.includes(channel) && random.next() < 0.4 ? { superiorDueDate: addDays(received, 10 + random.below(6)) } : {}),
            ...(channel === 'platform_monitoring' && random.next() < 0.5 ? { platformDueDate: addDays(received, 12 + random.below(10)) } : {}),
            source: { kind: channel === 'platform_monitoring' ? 'platform_item' : 'external', ref: `demo-${seed}-${i}` },
          },
          requestId,
        ),
      );
      // The first lead already there means this seed ran before: add nothing twice.
      if (!created) return i === 0 ? { ...result, skipped: true } : result;
      result.created++;
      await run.work(row, random);
    }

    const waiting = (await this.repo.openLeads(actor.visibleBureaus, 100_000))
      .filter((row) => (EVENT_SOURCES as readonly string[]).includes(row.sourceKind ?? ''))
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a.sourceRef ?? '').localeCompare(b.sourceRef ?? ''));
    for (const row of waiting) {
      result.fromEvents++;
      // Keyed by what the other seeds made deterministically, not by the ids they drew at run time,
      // so the same seed works these leads the same way every time.
      await run.work(row, new SeededRandom(`${seed}:${row.sourceKind}:${row.receivedAt.toISOString()}:${row.title}`));
    }
    return result;
  }
}

function demoActor(bureau: string, role: 'officer' | 'supervisor'): ScopedActor {
  // The gateway's demo users (officer_<bureau>, supervisor_<bureau>), so their queues show the records.
  return { username: `${role}_${bureau}`, role, bureau, visibleBureaus: [bureau] };
}

function describe(channel: LeadChannel, random: SeededRandom): string {
  switch (channel) {
    case 'assigned':
      return '上级局交办，要求核查处置并反馈结果';
    case 'supervised':
      return '上级局督办件，限期办结并书面反馈';
    case 'transfer_in':
      return `${pick(random, TRANSFER_IN_SOURCES)}移送`;
    case 'platform_monitoring':
      return '国家网络交易监管平台分发监测信息';
    case 'inspection':
      return '网络交易监测检查中发现';
    case 'complaint':
      return '处理消费投诉中发现涉嫌违法';
    case 'report':
      return '12315 平台举报';
  }
}

/** Works one lead as its bureau would: pause, extension, decision, report-back, reporter notice. */
class SeedRun {
  /** The last lead per bureau, for merging a duplicate into. */
  private readonly lastByBureau = new Map<string, string>();

  constructor(
    private readonly leads: LeadsService,
    private readonly today: string,
    private readonly requestId: string,
    private readonly result: SeedDemoLeadsResult,
  ) {}

  async work(row: LeadRow, random: SeededRandom): Promise<void> {
    const officer = demoActor(row.bureau, 'officer');
    const cmd = <D>(data: D, actor: ScopedActor = officer) => ({ actor, requestId: this.requestId, data: { id: row.id, ...data } });
    const received = localDateOf(row.receivedAt);
    let view: LeadView | undefined;
    let notBefore = addDays(received, 1);
    // A superior's or the platform's own date does not stop for testing, so those leads are not paused.
    if (!row.superiorDueDate && !row.platformDueDate && random.next() < 0.12) {
      const start = weekday(addDays(received, 1 + random.below(4)));
      if (start >= this.today) return;
      await this.leads.pause(cmd({ reason: pick(random, LEAD_PAUSE_REASONS), startedAt: officeTime(random, start) }));
      this.result.paused++;
      const end = weekday(addDays(start, 4 + random.below(12)));
      // A test report still outstanding: the lead stays paused.
      if (end >= this.today) return;
      view = await this.leads.resume(cmd({ endedAt: `${end}T17:30:00+08:00` }));
      notBefore = addDays(end, 1);
    }
    if (random.next() < 0.08) {
      // Extensions are a supervisor's approval (第十八条).
      view = await this.leads.extend(cmd({ reason: pick(random, EXTENSION_REASONS) }, demoActor(row.bureau, 'supervisor')));
      this.result.extended++;
    }
    const dueDate = view?.dueDate ?? row.dueDate;
    const late = random.next() < bureauLateRate(row.bureau);
    // A few stay open: some not yet due, some already overdue and forgotten.
    if (random.next() < 0.01) return;
    let decidedOn = weekday(late ? addDays(dueDate, 1 + random.below(15)) : dayBetween(random, notBefore < dueDate ? notBefore : dueDate, dueDate));
    if (decidedOn < notBefore) decidedOn = weekday(addDays(notBefore, random.below(3)));
    if (decidedOn >= this.today) return;
    const decidedAt = `${decidedOn}T15:${String(random.below(60)).padStart(2, '0')}:00+08:00`;
    const outcome = this.outcome(row, random);
    await this.leads.decide(cmd({ ...outcome, decidedAt }));
    this.result.decided++;
    if (outcome.outcome === 'file_case') this.result.filed++;
    if (outcome.outcome === 'transfer') this.result.transferred++;
    if (outcome.outcome !== 'merge') this.lastByBureau.set(row.bureau, row.id);

    // The lagging bureaus also forget to report some back to the superior.
    if (REPORT_BACK_CHANNELS.includes(row.channel) && random.next() >= bureauLateRate(row.bureau)) {
      const lateReport = random.next() < bureauLateRate(row.bureau);
      const planned = lateReport ? addDays(dueDate, 1 + random.below(6)) : decidedOn < dueDate ? dayBetween(random, decidedOn, dueDate) : decidedOn;
      const reportedOn = planned < decidedOn ? decidedOn : planned;
      if (reportedOn < this.today) {
        await this.leads.reportBack(cmd({ reportedAt: `${reportedOn}T16:45:00+08:00` }));
        this.result.reportedBack++;
      }
    }
    if (row.reporter?.realName) {
      const notifiedOn = weekday(addDays(decidedOn, random.next() < 0.9 ? 1 + random.below(4) : 8 + random.below(5)));
      if (notifiedOn < this.today) await this.leads.notifyReporter(cmd({ notifiedAt: `${notifiedOn}T10:00:00+08:00` }));
    }
  }

  private outcome(row: LeadRow, random: SeededRandom) {
    const roll = random.next();
    if (roll < 0.36) return { outcome: 'file_case' as const, procedure: random.next() < 0.2 ? ('fast_track' as const) : ('ordinary' as const) };
    if (roll < 0.46 && row.channel !== 'transfer_in') {
      // A received transfer is not passed on; most go to the bureau with jurisdiction, some to another department.
      const others = DEMO_DISTRICTS.filter((b) => b !== row.bureau);
      return { outcome: 'transfer' as const, transferTo: random.next() < 0.75 ? pick(random, others) : pick(random, DEPARTMENTS) };
    }
    const earlier = this.lastByBureau.get(row.bureau);
    if (roll < 0.5 && earlier) return { outcome: 'merge' as const, mergeInto: earlier };
    return { outcome: 'no_case' as const, reason: pick(random, NO_CASE_REASONS) };
  }
}
