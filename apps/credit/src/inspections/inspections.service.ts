import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import { CREDIT_EVENTS, type CommandMessage, type InspectionDrawCommand, type InspectionDrawView, type InspectionPolicyCommand } from '#libs/contracts';
import { DEFAULT_SUPERVISION_POLICY, drawInspection, NotFoundError, validateSupervisionPolicy, type SupervisionPolicy } from '#libs/domain';
import { newEvent } from '#libs/messaging';
import { Clock } from '#libs/service-kit';
import { requireRole, requireVisible } from '../common/credit-command.js';
import { OperatorsRepository } from '../operators/operators.repository.js';
import { CreditWriter } from '../record/credit-writer.js';
import { GradingService } from '../record/grading.service.js';
import { InspectionDrawRow, InspectionPolicyRow } from './inspection.entities.js';

function toDrawView(row: InspectionDrawRow): InspectionDrawView {
  return {
    id: row.id,
    campaign: row.campaign,
    bureau: row.bureau,
    seed: row.seed,
    drawnAt: row.drawnAt.toISOString(),
    drawnBy: row.drawnBy,
    policy: row.policy,
    perGrade: row.result.perGrade,
    items: row.result.items,
  };
}

/** 差异化监管 policies per bureau and the 双随机 draws made under them. */
@Injectable()
export class InspectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly operators: OperatorsRepository,
    private readonly grading: GradingService,
    private readonly writer: CreditWriter,
    private readonly clock: Clock,
  ) {}

  async policy(cmd: CommandMessage<{ bureau: string }>): Promise<{ bureau: string; policy: SupervisionPolicy; isDefault: boolean }> {
    requireVisible(cmd, [cmd.data.bureau], '局', cmd.data.bureau);
    const row = await this.dataSource.getRepository(InspectionPolicyRow).findOneBy({ bureau: cmd.data.bureau });
    return { bureau: cmd.data.bureau, policy: row?.policy ?? DEFAULT_SUPERVISION_POLICY, isDefault: !row };
  }

  async setPolicy(cmd: CommandMessage<InspectionPolicyCommand>) {
    requireRole(cmd, ['supervisor', 'admin']);
    requireVisible(cmd, [cmd.data.bureau], '局', cmd.data.bureau);
    const { A, B, C, D } = cmd.data;
    const policy = validateSupervisionPolicy({ A, B, C, D });
    await this.dataSource.transaction(async (m) => {
      const event = newEvent(
        { type: CREDIT_EVENTS.policySet, aggregateType: 'inspection_policy', aggregateId: cmd.data.bureau, bureau: cmd.data.bureau, actor: cmd.actor, payload: { bureau: cmd.data.bureau, policy }, correlationId: cmd.requestId },
        this.clock.now(),
      );
      await this.writer.publish(m, [event]);
    });
    return this.policy({ ...cmd, data: { bureau: cmd.data.bureau } });
  }

  /** Draws from operators whose domicile or place of business lies in the bureau's subtree, graded today. */
  async draw(cmd: CommandMessage<InspectionDrawCommand>): Promise<InspectionDrawView> {
    requireRole(cmd, ['supervisor', 'admin']);
    const d = cmd.data;
    requireVisible(cmd, [d.bureau], '局', d.bureau);
    const { policy } = await this.policy({ ...cmd, data: { bureau: d.bureau } });
    return this.dataSource.transaction(async (m) => {
      const operators = await this.operators.inJurisdiction(m, d.bureauScope.length > 0 ? d.bureauScope : [d.bureau]);
      const grades = await this.grading.gradesToday(m, operators.map((o) => o.uscc));
      const candidates = operators.map((o) => ({ uscc: o.uscc, name: o.name, grade: grades.get(o.uscc)!.grade }));
      const result = drawInspection(candidates, d.inspectors, policy, d.seed ?? randomUUID());
      const now = this.clock.now();
      const draw: InspectionDrawView = { id: uuidv7({ msecs: now.getTime() }), campaign: d.campaign.trim(), bureau: d.bureau, drawnAt: now.toISOString(), drawnBy: cmd.actor.username, policy, ...result };
      const event = newEvent(
        { type: CREDIT_EVENTS.drawPublished, aggregateType: 'inspection_draw', aggregateId: draw.id, bureau: d.bureau, actor: cmd.actor, payload: { draw }, correlationId: cmd.requestId },
        now,
      );
      await this.writer.publish(m, [event]);
      return draw;
    });
  }

  async getDraw(cmd: CommandMessage<{ id: string }>): Promise<InspectionDrawView> {
    const row = /^[0-9a-f-]{36}$/i.test(cmd.data.id) ? await this.dataSource.getRepository(InspectionDrawRow).findOneBy({ id: cmd.data.id }) : null;
    if (!row) throw new NotFoundError('抽查', cmd.data.id);
    requireVisible(cmd, [row.bureau], '抽查', cmd.data.id);
    return toDrawView(row);
  }
}
