import { Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import type { CommandMessage } from '#libs/contracts';
import { addDays, localDateOf } from '#libs/clock';
import { BUREAU_SEED } from '#libs/auth';
import { usccCheckCharacter, type Penalty } from '#libs/domain';
import { Clock } from '#libs/service-kit';
import { requireRole } from '../cases/case-access.js';
import { CaseLifecycleService } from '../cases/case-lifecycle.service.js';
import { CaseTransfersService } from '../cases/case-transfers.service.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { DemoCaseProgress, type CaseProgressTally, type DemoSubject } from '../seed/demo-case-progress.js';
import { SoftMeasuresService } from '../soft-measures/soft-measures.service.js';
import type { StoredStep } from '../cases/case.entity.js';
import { CaseFilingService, newCaseRow, type NewCase } from './case-filing.service.js';

type DemoBase = Omit<NewCase, 'procedure' | 'filedAt'> & { assignee: string };

export interface SeedDemoCases {
  year?: number;
  bureaus?: string[];
  perBureau?: number;
  seed?: number;
  /** The credit service's demo operators, for soft measures without a case. */
  operators?: DemoSubject[];
}

/** Fixed namespace so re-running the seed finds the same ids and inserts nothing twice. */
const DEMO_NAMESPACE = '6f1d2a7e-3c4b-4e59-9a0b-7d1c2e3f4a5b';
const SHOPS = ['盐城优品生活馆', '海盐特产直营店', '大丰麋鹿文创', '东台西瓜果园', '射阳大米旗舰店', '建湖杂鱼小铺'];

function random(seed: string): () => number {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h ^= h >>> 16) >>> 0) / 4294967296;
  };
}

function demoUscc(bureau: string, next: () => number): string {
  const first17 = `91${bureau}${String(Math.floor(next() * 1e9)).padStart(9, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/**
 * `cases.seed_demo`: simplified (当场处罚) and fast-track cases across the bureaus, dated over the
 * year up to today; then works the cases filed from the demo leads' decisions (which arrive as
 * events, so the caller runs this once the leads service's decisions have been consumed).
 */
@Injectable()
export class DemoCasesService {
  constructor(
    private readonly filing: CaseFilingService,
    private readonly cases: CasesRepository,
    private readonly lifecycle: CaseLifecycleService,
    private readonly transfers: CaseTransfersService,
    private readonly softMeasures: SoftMeasuresService,
    private readonly clock: Clock,
  ) {}

  async seed(msg: CommandMessage<SeedDemoCases>): Promise<{ created: number; fromLeads?: CaseProgressTally }> {
    requireRole(msg.actor, 'admin', 'system');
    const now = this.clock.now();
    const year = msg.data.year ?? now.getUTCFullYear();
    const bureaus = msg.data.bureaus ?? BUREAU_SEED.filter((b) => b.parent === '320900').map((b) => b.code);
    const perBureau = Math.min(msg.data.perBureau ?? 6, 50);
    let created = 0;
    for (const bureau of bureaus) {
      for (let i = 0; i < perBureau; i++) {
        const next = random(`${year}:${bureau}:${i}`);
        const filed = addDays(`${year}-01-05`, Math.floor(next() * 330));
        if (at(filed).getTime() > now.getTime()) continue;
        const subject = { uscc: demoUscc(bureau, next), name: SHOPS[i % SHOPS.length]!, platform: '淘宝' };
        const base = { id: uuidv5(`${year}:${bureau}:${i}`, DEMO_NAMESPACE), bureau, online: true, assignee: `officer_${bureau}`, subject, demo: true };
        const row = i % 2 === 0 ? this.simplified(base, filed, next) : this.fastTrack(base, filed, next, now);
        if ((await this.filing.record(row, msg, now)).created) created += 1;
      }
    }
    // A re-run adds nothing: the demo cases exist and the filed cases have been worked.
    if (created === 0) return { created };
    const progress = new DemoCaseProgress(this.lifecycle, this.transfers, this.softMeasures, localDateOf(now), msg.requestId);
    const seed = String(msg.data.seed ?? year);
    for (const row of await DemoCaseProgress.untouched(this.cases, msg.actor.visibleBureaus)) await progress.work(row, seed);
    await progress.softForOperators(msg.data.operators ?? [], seed, year);
    return { created, fromLeads: progress.tally };
  }

  private simplified(base: DemoBase, filed: string, next: () => number) {
    const penalties: Penalty[] = next() < 0.4 ? [{ type: 'warning' }] : [{ type: 'fine', amount: 200 + Math.floor(next() * 28) * 100 }];
    return newCaseRow({
      ...base,
      procedure: 'simplified',
      filedAt: at(filed),
      status: 'closed',
      decision: { result: 'penalty', penalties, decidedAt: at(filed).toISOString(), decidedBy: base.assignee },
      closedAt: at(filed),
    });
  }

  /** 快速办理: notice on day 2, decision on day 7, served on day 8, closed on day 10 — when those days have passed. */
  private fastTrack(base: DemoBase, filed: string, next: () => number, now: Date) {
    const done = (offset: number) => at(addDays(filed, offset), 15).getTime() <= now.getTime();
    if (!done(10)) return newCaseRow({ ...base, procedure: 'fast_track', filedAt: at(filed) });
    const step = (name: StoredStep['step'], offset: number): StoredStep => ({
      step: name,
      at: at(addDays(filed, offset), 15).toISOString(),
      date: addDays(filed, offset),
      recordedBy: base.assignee,
    });
    const amount = 1000 + Math.floor(next() * 40) * 500;
    return newCaseRow({
      ...base,
      procedure: 'fast_track',
      filedAt: at(filed),
      status: 'closed',
      steps: [step('notice', 2), step('delivery', 8)],
      decision: { result: 'penalty', penalties: [{ type: 'fine', amount }], decidedAt: at(addDays(filed, 7), 15).toISOString(), decidedBy: base.assignee },
      closedAt: at(addDays(filed, 10), 15),
    });
  }
}
