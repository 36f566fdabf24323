import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  CREDIT_EVENTS,
  type Actor,
  type CommandMessage,
  type ListOperatorsQueryDto,
  type OperatorRef,
  type OperatorView,
  type RegisterOperatorDto,
  type UpdateOperatorCommand,
} from '#libs/contracts';
import { ConflictError, isValidUscc, normaliseUscc, NotFoundError, ValidationError } from '#libs/domain';
import { newEvent } from '#libs/messaging';
import { Clock } from '#libs/service-kit';
import { requireVisible } from '../common/credit-command.js';
import { CreditWriter } from '../record/credit-writer.js';
import { GradingService } from '../record/grading.service.js';
import { OperatorGradeRow } from '../record/record.entities.js';
import { operatorBureaus, toOperatorView, type OperatorRow } from './operator.entity.js';
import { OperatorsRepository } from './operators.repository.js';

const EDITABLE = ['name', 'kind', 'domicileBureau', 'businessBureau', 'platform', 'storeIds', 'sector'] as const;
const MAX_PAGE_SIZE = 200;

/** Where a first contact came from, for operators registered from another service's event. */
export interface FirstContact {
  uscc: string;
  name?: string;
  bureau: string;
  from: OperatorView['registeredFrom'];
  actor: Actor;
  correlationId?: string;
}

export function validUscc(value: string, field = 'uscc'): string {
  const uscc = normaliseUscc(value ?? '');
  if (!isValidUscc(uscc)) throw new ValidationError('INVALID_USCC', `${field}：统一社会信用代码校验位错误`, [{ field, code: 'isUscc', message: `${field}：统一社会信用代码校验位错误` }]);
  return uscc;
}

@Injectable()
export class OperatorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly operators: OperatorsRepository,
    private readonly writer: CreditWriter,
    private readonly grading: GradingService,
    private readonly clock: Clock,
  ) {}

  async register(cmd: CommandMessage<RegisterOperatorDto>): Promise<OperatorView & { grade: string }> {
    const d = cmd.data;
    const uscc = validUscc(d.uscc);
    const bureaus = [d.domicileBureau, d.businessBureau].filter((b): b is string => !!b);
    if (!bureaus.some((b) => cmd.actor.visibleBureaus.includes(b))) {
      throw ValidationError.field('domicileBureau', 'OUTSIDE_JURISDICTION', 'domicileBureau：登记地或经营地须在本局辖区内');
    }
    await this.dataSource.transaction(async (m) => {
      if (await this.operators.find(uscc, m)) {
        throw new ConflictError('OPERATOR_EXISTS', `经营者 ${uscc} 已登记，请使用 PATCH 补全或更正`);
      }
      const operator: OperatorView = {
        uscc,
        name: d.name.trim(),
        kind: d.kind,
        domicileBureau: d.domicileBureau,
        businessBureau: d.businessBureau ?? null,
        firstSeenBureau: cmd.actor.bureau,
        platform: d.platform ?? null,
        storeIds: d.storeIds ?? [],
        sector: d.sector ?? 'general',
        complete: true,
        registeredFrom: 'manual',
        registeredAt: this.clock.now().toISOString(),
      };
      await this.writer.publish(m, [this.event(CREDIT_EVENTS.operatorRegistered, operator, { operator }, cmd.actor, cmd.requestId)]);
    });
    return this.get({ ...cmd, data: { uscc } });
  }

  /**
   * Registers an operator met first in a lead, complaint or case (kind `other`, incomplete)
   * inside the consumer's transaction; nothing happens when it is already known.
   */
  async registerFirstContact(m: EntityManager, contact: FirstContact): Promise<void> {
    if (await this.operators.find(contact.uscc, m)) return;
    const operator: OperatorView = {
      uscc: contact.uscc,
      name: contact.name?.trim() || contact.uscc,
      kind: 'other',
      domicileBureau: null,
      businessBureau: null,
      firstSeenBureau: contact.bureau,
      platform: null,
      storeIds: [],
      sector: 'general',
      complete: false,
      registeredFrom: contact.from,
      registeredAt: this.clock.now().toISOString(),
    };
    await this.writer.publish(m, [this.event(CREDIT_EVENTS.operatorRegistered, operator, { operator }, contact.actor, contact.correlationId)]);
  }

  async get(cmd: CommandMessage<OperatorRef>): Promise<OperatorView & { grade: string; score: number; ruleVersion: string }> {
    const row = await this.visible(cmd);
    const grade = await this.grading.gradeOf(this.dataSource.manager, row.uscc, this.grading.today());
    return { ...toOperatorView(row), grade: grade.grade, score: grade.score, ruleVersion: grade.ruleVersion };
  }

  async list(cmd: CommandMessage<ListOperatorsQueryDto>) {
    const q = cmd.data;
    const page = Number(q.page ?? 1);
    const pageSize = Math.min(Number(q.pageSize ?? 50), MAX_PAGE_SIZE);
    const { items, total } = await this.operators.list({ visibleBureaus: cmd.actor.visibleBureaus, bureau: q.bureau, grade: q.grade, q: q.q?.trim() || undefined, page, pageSize });
    const grades = await this.dataSource.getRepository(OperatorGradeRow).findBy({ uscc: In(items.map((i) => i.uscc)) });
    const gradeOf = new Map(grades.map((g) => [g.uscc, g.grade]));
    return { items: items.map((row) => ({ ...toOperatorView(row), grade: gradeOf.get(row.uscc) ?? null })), total, page, pageSize };
  }

  async update(cmd: CommandMessage<UpdateOperatorCommand>) {
    await this.dataSource.transaction(async (m) => {
      const row = await this.visible(cmd, m);
      const before = toOperatorView(row);
      const after: OperatorView = { ...before };
      const changed: string[] = [];
      for (const key of EDITABLE) {
        const value = cmd.data[key];
        if (value === undefined || JSON.stringify(value) === JSON.stringify(before[key])) continue;
        (after as unknown as Record<string, unknown>)[key] = key === 'name' ? (value as string).trim() : value;
        changed.push(key);
      }
      if (changed.length === 0) return;
      // Completed once the registered domicile is known (the kind may legitimately stay `other`).
      after.complete = after.domicileBureau !== null;
      if (after.domicileBureau && ![after.domicileBureau, after.businessBureau, after.firstSeenBureau].some((b) => b && cmd.actor.visibleBureaus.includes(b))) {
        throw ValidationError.field('domicileBureau', 'OUTSIDE_JURISDICTION', 'domicileBureau：登记地或经营地须在本局辖区内');
      }
      await this.writer.publish(m, [this.event(CREDIT_EVENTS.operatorUpdated, after, { operator: after, changed }, cmd.actor, cmd.requestId)]);
    });
    return this.get({ ...cmd, data: { uscc: cmd.data.uscc } });
  }

  /** The operator when the actor may see it; 404 otherwise (existence is not disclosed). */
  async visible(cmd: CommandMessage<OperatorRef>, m?: EntityManager): Promise<OperatorRow> {
    const uscc = normaliseUscc(cmd.data.uscc ?? '');
    const row = isValidUscc(uscc) ? await this.operators.find(uscc, m) : null;
    if (!row) throw new NotFoundError('经营者', uscc);
    requireVisible(cmd, operatorBureaus(row), '经营者', uscc);
    return row;
  }

  private event(type: string, operator: OperatorView, payload: unknown, actor: Actor, correlationId?: string) {
    return newEvent(
      { type, aggregateType: 'operator', aggregateId: operator.uscc, bureau: operator.domicileBureau ?? operator.firstSeenBureau, actor, payload, correlationId },
      this.clock.now(),
    );
  }
}
