import { Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { DataSource } from 'typeorm';
import { CREDIT_EVENTS, type CommandMessage, type CreditRecordView, type EventEnvelope, type ListEntryView, type OperatorView } from '#libs/contracts';
import { addMonths, ConflictError, isLightPenalty, OPERATOR_KINDS, publicationEnd, SeededRandom, SECTORS, usccCheckCharacter } from '#libs/domain';
import { newEvent } from '#libs/messaging';
import { Clock } from '#libs/service-kit';
import { addDays } from '#libs/clock';
import { requireRole } from '../common/credit-command.js';
import { CreditConfig } from '../credit.config.js';
import { OperatorsRepository } from '../operators/operators.repository.js';
import { CreditWriter } from '../record/credit-writer.js';
import { GradingService } from '../record/grading.service.js';

const DEMO_NAMESPACE = 'a3d5e0c2-1f4b-4e6a-8c9d-2b7f0e1a5c33';
const BUREAUS = ['320902', '320903', '320904', '320921', '320922', '320923', '320924', '320925', '320981', '320971', '320972'];
const bureauOf = (n: number) => BUREAUS[n % BUREAUS.length]!;
const ORG_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const NAMES = ['优选', '鲜达', '惠民', '盐阜', '海盐', '瓯江', '麋鹿', '丹顶鹤', '新洋', '黄海'];
const TRADES = ['食品商贸', '电子商务', '数码科技', '服饰', '母婴用品', '农产品', '家居', '医疗器械', '酒业', '网络科技'];
const PLATFORMS = ['淘宝', '京东', '拼多多', '抖音', '美团'];

export interface DemoSubject {
  uscc: string;
  name: string;
  kind: string;
  /** Where it does business: the bureau whose leads and complaints name it. */
  bureau: string;
  platform?: string;
}

/** The demo history profile of operator n: cycles through every grade. */
type Profile = 'clean' | 'positive' | 'light' | 'soft' | 'heavy' | 'abnormal' | 'heavy_twice' | 'dishonest';
const PROFILES: Profile[] = ['clean', 'clean', 'positive', 'light', 'soft', 'heavy', 'abnormal', 'heavy_twice', 'clean', 'dishonest'];

/** `credit.seed_demo`: a few hundred operators of every kind with histories that produce every grade. */
@Injectable()
export class DemoSeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly operators: OperatorsRepository,
    private readonly writer: CreditWriter,
    private readonly grading: GradingService,
    private readonly config: CreditConfig,
    private readonly clock: Clock,
  ) {}

  /** Also answers the operators, so the other services' demo records name them (same USCCs). */
  async seed(cmd: CommandMessage<{ count?: number }>): Promise<{ operators: number; grades: Record<string, number>; subjects: DemoSubject[] }> {
    requireRole(cmd, ['admin']);
    if ((await this.operators.count()) > 0) throw new ConflictError('NOT_EMPTY', '信用库已有经营者数据，拒绝写入演示数据');
    const count = Math.min(Math.max(cmd.data.count ?? 300, 10), 2000);
    const random = new SeededRandom('wangjian-credit-demo');
    const today = this.grading.today();
    const subjects: DemoSubject[] = [];
    for (let n = 0; n < count; n++) {
      await this.dataSource.transaction(async (m) => {
        const events = this.history(n, random, today, cmd);
        const { operator } = events[0]!.payload as { operator: OperatorView };
        subjects.push({
          uscc: operator.uscc,
          name: operator.name,
          kind: operator.kind,
          bureau: operator.businessBureau ?? operator.domicileBureau ?? bureauOf(n),
          ...(operator.platform ? { platform: operator.platform } : {}),
        });
        await this.writer.publish(m, events);
      });
    }
    const usccs = subjects.map((s) => s.uscc);
    const grades = await this.grading.gradesToday(this.dataSource.manager, usccs);
    const tally: Record<string, number> = { A: 0, B: 0, C: 0, D: 0 };
    for (const g of grades.values()) tally[g.grade]!++;
    return { operators: count, grades: tally, subjects };
  }

  private history(n: number, random: SeededRandom, today: string, cmd: CommandMessage): EventEnvelope[] {
    const bureau = bureauOf(n);
    let body = `91${bureau}`;
    for (let i = 0; i < 9; i++) body += ORG_ALPHABET[random.below(ORG_ALPHABET.length)];
    const uscc = body + usccCheckCharacter(body);
    const kind = OPERATOR_KINDS[n % OPERATOR_KINDS.length]!;
    const sector = random.next() < 0.7 ? 'general' : SECTORS[1 + random.below(SECTORS.length - 1)]!;
    const operator: OperatorView = {
      uscc,
      name: `盐城市${NAMES[random.below(NAMES.length)]}${TRADES[random.below(TRADES.length)]}有限公司（演示${n + 1}）`,
      kind,
      domicileBureau: bureau,
      businessBureau: kind === 'in_platform' ? BUREAUS[random.below(BUREAUS.length)]! : bureau,
      firstSeenBureau: bureau,
      platform: kind === 'in_platform' ? PLATFORMS[random.below(PLATFORMS.length)]! : null,
      storeIds: kind === 'in_platform' ? [`store-${100000 + n}`] : [],
      sector,
      complete: true,
      registeredFrom: 'manual',
      registeredAt: this.clock.now().toISOString(),
    };
    const daysAgo = (max: number) => addDays(today, -(1 + random.below(max)));
    const events = [this.event(CREDIT_EVENTS.operatorRegistered, uscc, bureau, { operator }, cmd)];
    const record = (kind: CreditRecordView['kind'], date: string, description: string, penalties?: { type: string; amount?: number }[]) => {
      const sourceKey = `demo:${n}:${kind}:${date}`;
      const light = penalties ? isLightPenalty(penalties, this.config.CREDIT_LIGHT_FINE_THRESHOLD_CNY) : false;
      const item: CreditRecordView = {
        id: uuidv5(sourceKey, DEMO_NAMESPACE),
        uscc,
        kind,
        date,
        bureau,
        sourceKey,
        description,
        ...(penalties ? { penalty: { caseId: `demo-case-${n}-${date}`, penalties, light, publicationEnd: publicationEnd(date, light), sector } } : {}),
      };
      events.push(this.event(CREDIT_EVENTS.recordAdded, uscc, bureau, { record: item }, cmd));
    };
    const list = (list: ListEntryView['list'], enteredDate: string, reason: string) => {
      const entry: ListEntryView = { id: uuidv5(`demo:${n}:${list}`, DEMO_NAMESPACE), uscc, list, category: 'other', enteredDate, reason, bureau, enteredBy: cmd.actor.username };
      events.push(this.event(CREDIT_EVENTS.listEntered, uscc, bureau, { entry }, cmd));
    };
    switch (PROFILES[n % PROFILES.length]!) {
      case 'positive':
        record('positive', daysAgo(700), '获评守合同重信用企业');
        record('commitment', daysAgo(300), '作出信用承诺');
        break;
      case 'light':
        record('penalty', daysAgo(60), '行政处罚：警告', [{ type: 'warning' }]);
        break;
      case 'soft':
        record('soft_measure', daysAgo(200), '行政约谈');
        record('soft_measure', daysAgo(100), '提醒告诫');
        break;
      case 'heavy':
        record('penalty', addMonths(today, -(7 + random.below(20))), '行政处罚：罚款 50000 元', [{ type: 'fine', amount: 50_000 }]);
        break;
      case 'abnormal':
        list('abnormal_operation', daysAgo(300), '通过登记的住所或者经营场所无法联系');
        break;
      case 'heavy_twice':
        record('penalty', addMonths(today, -20), '行政处罚：罚款 80000 元、没收违法所得', [{ type: 'fine', amount: 80_000 }, { type: 'confiscation_of_illegal_gains' }]);
        record('penalty', daysAgo(90), '行政处罚：罚款 30000 元', [{ type: 'fine', amount: 30_000 }]);
        break;
      case 'dishonest':
        list('serious_dishonesty', daysAgo(400), '因同一性质违法行为受到行政处罚后再次违法');
        break;
      case 'clean':
        break;
    }
    return events;
  }

  private event(type: string, uscc: string, bureau: string, payload: unknown, cmd: CommandMessage) {
    return newEvent({ type, aggregateType: 'operator', aggregateId: uscc, bureau, actor: cmd.actor, payload, correlationId: cmd.requestId }, this.clock.now());
  }
}
