import { addDays, localDateOf } from '#libs/clock';
import type { ScopedActor } from '#libs/contracts';
import { SeededRandom, type Penalty, type SoftMeasureKind } from '#libs/domain';
import type { CaseLifecycleService } from '../cases/case-lifecycle.service.js';
import type { CaseTransfersService } from '../cases/case-transfers.service.js';
import type { CaseRow } from '../cases/case.entity.js';
import type { CasesRepository } from '../cases/cases.repository.js';
import type { SoftMeasuresService } from '../soft-measures/soft-measures.service.js';

/** An operator as the credit service's seed answers it. */
export interface DemoSubject {
  uscc: string;
  name: string;
  bureau: string;
}

export interface CaseProgressTally {
  worked: number;
  decided: number;
  closed: number;
  paused: number;
  extended: number;
  transferred: number;
  police: number;
  reviews: number;
  softMeasures: number;
}

const DISTRICTS = ['320902', '320903', '320904', '320921', '320922', '320923', '320924', '320925', '320981', '320971', '320972'];
const PAUSE_REASONS = ['appraisal', 'testing', 'hearing', 'announcement', 'rights_holder_identification'] as const;
const SOFT_NOTES: Record<SoftMeasureKind, string> = {
  guidance: '行政指导：督促规范网店经营者信息公示',
  interview: '行政约谈：就商品质量问题约谈企业负责人',
  warning_reminder: '提醒告诫：依法规范促销活动，不得虚构原价',
  public_notice: '警示通报：通报网络销售不合格产品情况',
};
const SOFT_KINDS = Object.keys(SOFT_NOTES) as SoftMeasureKind[];

/** Most bureaus decide in time; two lag behind, so the dashboard has something to flag. */
const lateRate = (bureau: string) => (bureau === '320921' ? 0.15 : bureau === '320972' ? 0.1 : 0.03);

const pick = <T>(random: SeededRandom, list: readonly T[]): T => list[random.below(list.length)]!;
const between = (random: SeededRandom, from: string, to: string): string =>
  to <= from ? from : addDays(from, random.below(Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1));
/** Officers work Monday to Friday. */
const weekday = (date: string): string => {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 6 ? addDays(date, 2) : dow === 0 ? addDays(date, 1) : date;
};
const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;
const later = (a: string, b: string) => (a > b ? a : b);

/** A command for the case being worked, as the bureau's officer or supervisor. */
type Send = (data: Record<string, unknown>, role?: 'officer' | 'supervisor') => never;

function actor(bureau: string, role: 'officer' | 'supervisor'): ScopedActor {
  // The gateway's demo users, so their queues and approvals show these cases.
  return { username: `${role}_${bureau}`, role, bureau, visibleBureaus: [bureau] };
}

function penalties(random: SeededRandom): Penalty[] {
  const roll = random.next();
  if (roll < 0.06) return [{ type: 'warning' }];
  const fine: Penalty = { type: 'fine', amount: roll < 0.7 ? 2000 + random.below(57) * 500 : 30000 + random.below(35) * 5000 };
  if (roll < 0.92) return [fine];
  if (roll < 0.98) return [fine, { type: 'confiscation_of_illegal_gains' }];
  return [fine, { type: 'confiscation_of_illegal_property' }, { type: 'suspension_of_business' }];
}

/**
 * Works the cases filed from the demo leads the way a bureau would, through the case services:
 * steps (告知, 陈述申辩, 听证, 法制审核, 集体讨论), decisions with fines, service, enforcement and
 * closure, reviews (行政复议/行政诉讼, rarely lost on procedure), some pauses and extensions, a few
 * transfers and rare transfers to the police; soft measures against some operators.
 */
export class DemoCaseProgress {
  readonly tally: CaseProgressTally = { worked: 0, decided: 0, closed: 0, paused: 0, extended: 0, transferred: 0, police: 0, reviews: 0, softMeasures: 0 };

  constructor(
    private readonly lifecycle: CaseLifecycleService,
    private readonly transfers: CaseTransfersService,
    private readonly softMeasures: SoftMeasuresService,
    private readonly today: string,
    private readonly requestId: string,
  ) {}

  /** Cases filed from leads that nobody has touched yet: no steps, pauses, extensions or transfers. */
  static async untouched(cases: CasesRepository, visibleBureaus: string[]): Promise<CaseRow[]> {
    const { rows } = await cases.list({ visibleBureaus, status: 'filed', page: 1, pageSize: 100_000 });
    return rows
      .filter((r) => r.leadId && !r.steps.length && !r.pauses.length && !r.extensions.length && !r.transfers.length && !r.policeTransfer)
      .sort((a, b) => a.filedAt.getTime() - b.filedAt.getTime() || (a.title ?? '').localeCompare(b.title ?? ''));
  }

  async work(row: CaseRow, seed: string): Promise<void> {
    // Keyed by the case's own facts, so the same demo comes out whatever the ids.
    const random = new SeededRandom(`${seed}:${row.filedAt.toISOString()}:${row.subject.uscc ?? row.subject.name ?? ''}:${row.title ?? ''}`);
    this.tally.worked++;
    let bureau = row.bureau;
    const send: Send = (data, role = 'officer') => ({ actor: actor(bureau, role), requestId: this.requestId, data: { id: row.id, ...data } }) as never;
    const filed = localDateOf(row.filedAt);
    let free = addDays(filed, 1);
    if (free >= this.today) return;

    if (row.procedure === 'ordinary' && random.next() < 0.05) {
      // 移送 to the bureau of the operator's place of business, before any step.
      const to = pick(random, DISTRICTS.filter((b) => b !== bureau));
      const on = weekday(addDays(filed, 2 + random.below(5)));
      if (on >= this.today) return;
      await this.transfers.transfer(send({ toBureau: to, reason: '经查当事人实际经营地不在本辖区，依法移送有管辖权的市场监管部门', transferredAt: at(on, 10) }));
      this.tally.transferred++;
      bureau = to;
      free = addDays(on, 1);
    }
    if (row.procedure === 'ordinary' && random.next() < 0.015) {
      await this.police(random, free, send);
      return;
    }
    let dueDate = row.dueDate ?? addDays(filed, 90);
    if (row.procedure === 'ordinary' && random.next() < 0.12) {
      const start = weekday(addDays(free, 10 + random.below(20)));
      if (start >= this.today) return;
      await this.lifecycle.pause(send({ reason: pick(random, PAUSE_REASONS), startedAt: at(start, 9) }));
      this.tally.paused++;
      const end = weekday(addDays(start, 7 + random.below(20)));
      if (end >= this.today) return;
      dueDate = (await this.lifecycle.resume(send({ endedAt: at(end, 17) }))).dueDate ?? dueDate;
      free = addDays(end, 1);
    }
    const late = random.next() < lateRate(bureau);
    if (row.procedure === 'ordinary' && random.next() < 0.08) {
      // 延长办案期限: the supervisor approves 30 more days.
      dueDate = (await this.lifecycle.extend(send({ kind: 'standard', reason: '案情复杂，涉案平台数据调取耗时较长' }, 'supervisor'))).dueDate ?? dueDate;
      this.tally.extended++;
    }
    const fast = row.procedure === 'fast_track';
    const earliest = later(free, addDays(filed, fast ? 4 : 25));
    let decideOn = weekday(late ? addDays(dueDate, 3 + random.below(30)) : between(random, earliest, fast ? addDays(filed, 12) : dueDate));
    if (decideOn < earliest) decideOn = weekday(earliest);
    const result = random.next() < 0.86 ? 'penalty' : random.next() < 0.7 ? 'no_penalty' : 'revoked';

    // Steps before the decision, spread over the days before it; a step still to come stays undone.
    const steps: [string, string][] = [];
    if (result === 'penalty') {
      const notice = weekday(between(random, free, addDays(decideOn, fast ? -2 : -10)));
      steps.push(['notice', notice]);
      if (random.next() < 0.5) steps.push(['statement', weekday(addDays(notice, 2 + random.below(3)))]);
      if (!fast && random.next() < 0.07) {
        steps.push(['hearing_request', weekday(addDays(notice, 1 + random.below(4)))]);
        steps.push(['hearing', weekday(addDays(notice, 7))]);
      }
    }
    if (!fast && result !== 'revoked') {
      const review = weekday(addDays(decideOn, -2 - random.below(3)));
      steps.push(['legal_review', review]);
      if (random.next() < 0.15) steps.push(['collective_discussion', weekday(addDays(review, 1))]);
    }
    steps.sort((a, b) => a[1].localeCompare(b[1]));
    let last = filed;
    for (const [step, on] of steps) {
      const day = later(on, last);
      if (day >= this.today) return;
      await this.lifecycle.recordStep(send({ step, at: at(day, 10) }));
      last = day;
    }
    decideOn = later(decideOn, last);
    if (decideOn >= this.today) return;
    await this.lifecycle.decide(
      send({ result, decidedAt: at(decideOn, 15), ...(result === 'penalty' ? { penalties: penalties(random) } : {}) }, result === 'penalty' ? 'supervisor' : 'officer'),
    );
    this.tally.decided++;
    if (result === 'no_penalty' && row.subject.uscc && random.next() < 0.6) {
      // 首违不罚 goes with 行政指导.
      await this.soft(row.subject.uscc, 'guidance', decideOn, bureau, row.id);
    }
    await this.serveAndClose(random, result, decideOn, send);
    if (result === 'penalty') await this.review(random, decideOn, send);
  }

  /** 送达, 执行 (penalties), 结案 — as far as today allows. */
  private async serveAndClose(random: SeededRandom, result: string, decideOn: string, send: Send): Promise<void> {
    let closeFrom = decideOn;
    if (result !== 'revoked') {
      const delivered = weekday(addDays(decideOn, 1 + random.below(5)));
      if (delivered >= this.today) return;
      await this.lifecycle.recordStep(send({ step: 'delivery', at: at(delivered, 11) }));
      closeFrom = delivered;
      if (result === 'penalty' && random.next() < 0.8) {
        const enforced = weekday(addDays(delivered, 5 + random.below(25)));
        if (enforced >= this.today) return;
        await this.lifecycle.recordStep(send({ step: 'enforcement', at: at(enforced, 11) }));
        closeFrom = enforced;
      }
    }
    const closeOn = weekday(addDays(closeFrom, 1 + random.below(10)));
    if (closeOn >= this.today) return;
    await this.lifecycle.close(send({ closedAt: at(closeOn, 16) }));
    this.tally.closed++;
  }

  /** 行政复议 (about one penalty in six) and 行政诉讼 (a little rarer); mostly upheld, a procedural loss is rare. */
  private async review(random: SeededRandom, decided: string, send: Send): Promise<void> {
    const roll = random.next();
    if (roll >= 0.32) return;
    const reconsideration = roll < 0.16;
    const concluded = weekday(addDays(decided, reconsideration ? 45 + random.below(40) : 45 + random.below(90)));
    if (concluded >= this.today) return;
    const o = random.next();
    const [outcome, lost] = reconsideration
      ? o < 0.82 ? ['upheld', false] : o < 0.96 ? ['dismissed', false] : o < 0.975 ? ['terminated', false] : o < 0.985 ? ['altered', true] : ['revoked', true]
      : o < 0.9 ? ['won', false] : o < 0.96 ? ['withdrawn', false] : ['lost', true];
    await this.lifecycle.review(
      send({ kind: reconsideration ? 'reconsideration' : 'litigation', outcome, procedural: lost && random.next() < 0.4, concludedAt: at(concluded, 14) }),
    );
    this.tally.reviews++;
  }

  /** 行刑衔接: reported, approved within 3 days, handed over within 24 h, accepted; the filing is then revoked. */
  private async police(random: SeededRandom, from: string, send: Send): Promise<void> {
    const reported = weekday(addDays(from, 5 + random.below(15)));
    const approved = weekday(addDays(reported, 1 + random.below(2)));
    const accepted = weekday(addDays(approved, 7 + random.below(14)));
    if (accepted >= this.today) return;
    await this.transfers.policeTransfer(
      send(
        {
          organ: '盐城市公安局经济犯罪侦查支队',
          reason: '涉案金额较大，涉嫌销售假冒注册商标的商品罪',
          reportedAt: at(reported, 10),
          approvedAt: at(approved, 10),
          transferredAt: at(approved, 16),
        },
        'supervisor',
      ),
    );
    await this.transfers.recordPoliceResult(send({ result: 'accepted', at: at(accepted, 10) }));
    this.tally.police++;
    const revokedOn = weekday(addDays(accepted, 1 + random.below(4)));
    if (revokedOn >= this.today) return;
    await this.lifecycle.decide(send({ result: 'revoked', decidedAt: at(revokedOn, 15) }, 'supervisor'));
    await this.lifecycle.close(send({ closedAt: at(revokedOn, 17) }));
    this.tally.decided++;
    this.tally.closed++;
  }

  /** Soft measures against operators without a case: about one in eight of the registry. */
  async softForOperators(operators: DemoSubject[], seed: string, year: number): Promise<void> {
    for (const operator of operators) {
      const random = new SeededRandom(`${seed}:soft:${operator.uscc}`);
      if (random.next() >= 0.12) continue;
      const on = weekday(between(random, `${year}-01-05`, addDays(this.today, -2)));
      if (on >= this.today) continue;
      await this.soft(operator.uscc, pick(random, SOFT_KINDS), on, operator.bureau);
    }
  }

  private async soft(uscc: string, kind: SoftMeasureKind, on: string, bureau: string, caseId?: string): Promise<void> {
    await this.softMeasures.record({
      actor: actor(bureau, 'officer'),
      requestId: this.requestId,
      data: { operatorUscc: uscc, kind, at: at(on, 10), note: SOFT_NOTES[kind], ...(caseId ? { caseId } : {}) },
    });
    this.tally.softMeasures++;
  }
}
