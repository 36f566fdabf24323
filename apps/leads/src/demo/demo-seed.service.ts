import { Injectable } from '@nestjs/common';
import { addDays, localDateOf } from '#libs/clock';
import type { CommandMessage, SeedDemoLeadsDto } from '#libs/contracts';
import { LEAD_CHANNELS, LEAD_PAUSE_REASONS, ValidationError, usccCheckCharacter, type LeadChannel } from '#libs/domain';
import { Clock } from '#libs/service-kit';
import { LeadsService } from '../leads/leads.service.js';
import { LeadsRepository } from '../leads/leads.repository.js';
import { LeadIntakeService } from '../leads/lead-intake.service.js';

const PRODUCTS = ['运动鞋', '保健食品', '化妆品', '儿童玩具', '电动车电池', '茶叶', '羽绒服', '手机充电器'];
const BEHAVIOURS = ['涉嫌销售假冒注册商标商品', '虚假宣传功效', '未标明价格', '销售不合格产品', '刷单炒信', '未公示营业执照'];
const PLATFORMS = ['淘宝', '京东', '拼多多', '抖音', '快手'];

/** Deterministic pseudo-random numbers, so the same seed call produces the same demo. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** `leads.seed_demo`: realistic leads across the actor's visible bureaus over one year. */
@Injectable()
export class DemoSeedService {
  constructor(
    private readonly intakes: LeadIntakeService,
    private readonly leads: LeadsService,
    private readonly repo: LeadsRepository,
    private readonly clock: Clock,
  ) {}

  async seed({ actor, data, requestId }: CommandMessage<SeedDemoLeadsDto>): Promise<{ created: number }> {
    if (!Number.isInteger(data.year) || !Number.isInteger(data.count) || data.count < 1 || data.count > 2000) {
      throw ValidationError.field('count', 'max', 'count：须为 1–2000 的整数');
    }
    const random = lcg(data.year * 7919 + data.count);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const today = localDateOf(this.clock.now());
    const lastDay = `${data.year}-12-31` < today ? `${data.year}-12-31` : today;
    const span = Math.max(1, Math.round((Date.parse(lastDay) - Date.parse(`${data.year}-01-01`)) / 86_400_000));
    let created = 0;
    for (let i = 0; i < data.count; i++) {
      const channel: LeadChannel = LEAD_CHANNELS[i % LEAD_CHANNELS.length]!;
      const bureau = pick(actor.visibleBureaus.length ? actor.visibleBureaus : [actor.bureau]);
      const received = addDays(`${data.year}-01-01`, Math.floor(random() * span));
      const first17 = `9132${bureau.slice(2, 6)}MA${String(1000000 + i).slice(1)}`.slice(0, 17).padEnd(17, '0');
      const product = pick(PRODUCTS);
      const demoActor = { ...actor, bureau, visibleBureaus: [bureau] };
      const cmd = (extra: Record<string, unknown>) => ({ actor: demoActor, requestId, data: { ...extra } });
      const { row, created: isNew } = await this.repo.transaction((m) =>
        this.intakes.intake(m, demoActor, {
          bureau,
          assignee: actor.username,
          channel,
          online: random() < 0.85,
          receivedAt: `${received}T0${1 + Math.floor(random() * 8)}:30:00Z`,
          title: `${pick(BEHAVIOURS)}（${product}）`,
          subject: { uscc: first17 + usccCheckCharacter(first17), name: `盐城${product}商贸有限公司${i}号店`, platform: pick(PLATFORMS), storeUrl: `https://shop.example.com/${bureau}/${i}` },
          ...(channel === 'report' && random() < 0.6 ? { reporter: { name: '王某', phone: '13800000000', realName: true } } : {}),
          source: { kind: 'external', ref: `demo-${data.year}-${i}` },
        }),
      );
      if (!isNew) continue;
      created++;
      const age = (Date.parse(today) - Date.parse(received)) / 86_400_000;
      const roll = random();
      if (roll < 0.15) await this.leads.pause(cmd({ id: row.id, reason: pick(LEAD_PAUSE_REASONS), startedAt: `${addDays(received, 2)}T02:00:00Z` }) as never);
      else if (age > 10 && roll < 0.9) {
        // Extensions are a supervisor's approval whoever runs the seed.
        if (roll < 0.25) await this.leads.extend({ actor: { ...demoActor, role: 'supervisor' }, requestId, data: { id: row.id, reason: '案情复杂，需调取平台交易数据' } });
        // Most are decided in time, some late, a few still open and overdue.
        const decidedOn = addDays(received, Math.min(Math.floor(age) - 1, roll < 0.8 ? 5 + Math.floor(random() * 14) : 25 + Math.floor(random() * 10)));
        const outcome = pick(['file_case', 'no_case', 'no_case', 'transfer'] as const);
        await this.leads.decide(
          cmd({
            id: row.id,
            outcome,
            decidedAt: `${decidedOn}T06:00:00Z`,
            ...(outcome === 'no_case' ? { reason: '经核查，违法事实不成立' } : {}),
            ...(outcome === 'transfer' ? { transferTo: '公安机关' } : {}),
          }) as never,
        );
      }
    }
    return { created };
  }
}
