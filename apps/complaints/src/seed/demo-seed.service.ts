import { Injectable } from '@nestjs/common';
import { BUREAU_SEED } from '#libs/auth';
import { addDays, daysBetween, localDateOf } from '#libs/clock';
import type { CommandMessage, ScopedActor, SeedDemoDto } from '#libs/contracts';
import { ConflictError, ForbiddenError, type MediationResult } from '#libs/domain';
import { Clock } from '#libs/service-kit';
import { ComplaintsRepository } from '../complaints/complaints.repository.js';
import { IntakeService } from '../complaints/intake.service.js';
import { MediationService } from '../complaints/mediation.service.js';
import { OdrService } from '../complaints/odr.service.js';
import { ReportsService } from '../reports/reports.service.js';
import { DEMO_CONSUMERS, DEMO_ODR_ENTERPRISES, DEMO_OPERATORS, DEMO_PROBLEMS, demoOperatorFrom, mulberry32, type DemoOperator, type DemoSubject } from './demo-data.js';

const DISTRICTS = BUREAU_SEED.filter((b) => b.parent === '320900').map((b) => b.code);
const DEFAULT_COUNT = 240;
const DEFAULT_SEED = 20260101;

export interface SeedDemoComplaints extends SeedDemoDto {
  /** The credit service's demo operators: most complaints name them, so their complaint volume shows. */
  operators?: DemoSubject[];
}

/**
 * `complaints.seed_demo`: a year of complaints up to today across the bureaus, driven through the
 * real services (so every event is emitted): online and offline, forwarded, refused, settled and
 * failed, some late, some rated, some via ODR, plus reports for the leads service.
 */
@Injectable()
export class DemoSeedService {
  constructor(
    private readonly repository: ComplaintsRepository,
    private readonly intake: IntakeService,
    private readonly mediation: MediationService,
    private readonly odr: OdrService,
    private readonly reports: ReportsService,
    private readonly clock: Clock,
  ) {}

  async seed(cmd: CommandMessage<SeedDemoComplaints>) {
    if (cmd.actor.role !== 'admin' && cmd.actor.role !== 'system') throw new ForbiddenError('仅管理员可生成演示数据');
    const counts = await this.repository.countByDemo();
    if (counts.real > 0) throw new ConflictError('NON_DEMO_DATA', `数据库已有 ${counts.real} 条真实投诉，拒绝写入演示数据`);
    if (counts.demo > 0) return { complaints: 0, reports: 0, violations: 0, skipped: true, existing: counts.demo };
    const random = mulberry32(cmd.data.seed ?? DEFAULT_SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const known = (cmd.data.operators ?? []).map(demoOperatorFrom);
    // Seven in ten name an operator of the complaint's bureau from the credit registry, the rest a local shop.
    const operatorIn = (bureau: string): DemoOperator => {
      const local = known.filter((o) => o.bureau === bureau);
      return local.length && random() < 0.7 ? pick(local) : pick(DEMO_OPERATORS);
    };
    const today = localDateOf(this.clock.now());
    const year = cmd.data.year;
    const firstDay = year ? `${year}-01-01` : addDays(today, -365);
    if (firstDay >= today) return { complaints: 0, reports: 0, violations: 0, skipped: true, existing: 0 };
    // Receipts spread over the year (or the last 365 days) and never after yesterday.
    const span = Math.min(daysBetween(firstDay, today), 365) - 1;
    const count = cmd.data.count ?? DEFAULT_COUNT;
    let complaints = 0;
    let violations = 0;
    for (let i = 0; i < count; i++) {
      const bureau = pick(DISTRICTS);
      const received = addDays(firstDay, Math.floor(random() * span));
      if (await this.oneComplaint(cmd.requestId, bureau, operatorIn(bureau), received, today, random, pick)) violations++;
      complaints++;
    }
    const reportCount = Math.round(count / 6);
    for (let i = 0; i < reportCount; i++) {
      const bureau = pick(DISTRICTS);
      const operator = operatorIn(bureau);
      const reporter = pick(DEMO_CONSUMERS);
      await this.reports.create(
        {
          actor: this.actor(bureau, 'officer'),
          requestId: cmd.requestId,
          data: {
            online: operator.online,
            receivedAt: this.at(addDays(firstDay, Math.floor(random() * span)), random),
            title: `举报：${operator.name}${pick(DEMO_PROBLEMS)}`,
            subject: { uscc: operator.uscc, name: operator.name, ...(operator.platform ? { platform: operator.platform } : {}) },
            reporter: { name: reporter.name, phone: reporter.phone, realName: random() < 0.6 },
          },
        },
        { demo: true },
      );
    }
    // Reports and violations found become leads in the leads service (through events).
    return { complaints, reports: reportCount, violations, skipped: false };
  }

  /** Returns whether mediation found a violation (a lead for the leads service). */
  private async oneComplaint(
    requestId: string,
    bureau: string,
    operator: DemoOperator,
    received: string,
    today: string,
    random: () => number,
    pick: <T>(l: readonly T[]) => T,
  ): Promise<boolean> {
    const handler = this.actor(bureau, 'complaint_handler');
    const consumer = pick(DEMO_CONSUMERS);
    const forwardTo = random() < 0.1 ? pick(DISTRICTS.filter((b) => b !== bureau)) : undefined;
    const created = await this.intake.create(
      {
        actor: handler,
        requestId,
        data: {
          online: operator.online,
          receivedAt: this.at(received, random),
          channel: pick(['12315', '12315', '12315', 'phone', 'letter', 'walk_in', 'odr'] as const),
          consumer,
          operator: {
            uscc: operator.uscc,
            name: operator.name,
            ...(operator.platform ? { platform: operator.platform } : {}),
            kind: operator.online ? 'in_platform' : 'other',
            businessBureau: forwardTo ?? bureau,
          },
          description: `${operator.name}${pick(DEMO_PROBLEMS)}，要求退款赔偿`,
          amount: Math.round(random() * 500000) / 100,
        },
      },
      { demo: true },
    );
    const id = created.id;
    // Each step happens some calendar days after the previous one; a step that would fall after today stays open.
    let day = received;
    const next = (minDays: number, maxDays: number) => {
      day = addDays(day, minDays + Math.floor(random() * (maxDays - minDays + 1)));
      return day < today ? this.at(day, random) : undefined;
    };
    let actor = handler;
    let found = false;
    if (forwardTo) {
      const at = next(1, 3);
      if (!at) return found;
      await this.intake.forward({ actor: handler, requestId, data: { id, toBureau: forwardTo, forwardedAt: at } });
      actor = this.actor(forwardTo, 'complaint_handler');
    }
    const decidedAt = next(1, random() < 0.08 ? 16 : 8);
    if (!decidedAt) return found;
    if (random() < 0.08) {
      await this.intake.decide({ actor, requestId, data: { id, accepted: false, reason: pick(['not_consumer_dispute', 'already_handled', 'beyond_limitation', 'no_specific_claim'] as const), decidedAt } });
      return found;
    }
    if (random() < 0.08) {
      await this.odr.route({ actor, requestId, data: { id, enterprise: pick(DEMO_ODR_ENTERPRISES), routedAt: decidedAt } });
      const acceptedAt = next(1, 6);
      if (!acceptedAt) return found;
      await this.odr.accept({ actor, requestId, data: { id, acceptedAt } });
      const closedAt = next(5, 50);
      if (!closedAt) return found;
      await this.odr.close({ actor, requestId, data: { id, result: random() < 0.7 ? 'settled' : 'failed', closedAt } });
      return found;
    }
    await this.intake.decide({ actor, requestId, data: { id, accepted: true, decidedAt } });
    if (random() < 0.12) {
      const startedAt = next(3, 15);
      if (!startedAt) return found;
      await this.mediation.pause({ actor, requestId, data: { id, reason: 'testing', startedAt } });
      const endedAt = next(3, 12);
      if (!endedAt) return found;
      await this.mediation.resume({ actor, requestId, data: { id, endedAt } });
    }
    if (random() < 0.04) {
      const foundAt = next(1, 5);
      if (!foundAt) return false;
      await this.mediation.violation({ actor, requestId, data: { id, title: `投诉中发现${operator.name}涉嫌违法`, foundAt } });
      found = true;
    }
    const endedAt = next(5, random() < 0.1 ? 90 : 55);
    if (!endedAt) return found;
    const result: MediationResult = random() < 0.62 ? 'settled' : pick(['failed', 'failed', 'withdrawn', 'unreachable'] as const);
    await this.mediation.end({ actor, requestId, data: { id, result, endedAt } });
    const closedAt = next(1, random() < 0.1 ? 15 : 7);
    if (!closedAt) return found;
    await this.mediation.close({ actor, requestId, data: { id, closedAt } });
    if (random() < 0.6) {
      const ratedAt = next(1, 6);
      if (!ratedAt) return found;
      const satisfaction = result === 'settled' ? pick(['satisfied', 'satisfied', 'satisfied', 'neutral'] as const) : pick(['neutral', 'unsatisfied'] as const);
      const score = { satisfied: 5, neutral: 3, unsatisfied: 1 }[satisfaction];
      await this.mediation.rate({ actor, requestId, data: { id, satisfaction, score, ratedAt } });
    }
    return found;
  }

  private actor(bureau: string, role: 'complaint_handler' | 'officer'): ScopedActor {
    // The gateway's demo users (handler_<bureau>, officer_<bureau>), so their queues show the records.
    return { username: `${role === 'officer' ? 'officer' : 'handler'}_${bureau}`, role, bureau, visibleBureaus: [bureau] };
  }

  /** Office hours in Asia/Shanghai. */
  private at(date: string, random: () => number): string {
    const hour = 9 + Math.floor(random() * 8);
    const minute = Math.floor(random() * 60);
    return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
  }
}
