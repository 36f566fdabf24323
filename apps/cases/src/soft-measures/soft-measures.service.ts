import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { CASE_EVENTS, type CommandMessage, type SoftMeasureDto, type SoftMeasureRecordedPayload } from '#libs/contracts';
import { normaliseUscc } from '#libs/domain';
import { appendToOutbox, newEvent } from '#libs/messaging';
import { Clock } from '#libs/service-kit';
import { assertWritable, eventActor, instantOf, requireRole } from '../cases/case-access.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { SoftMeasureRow } from './soft-measure.entity.js';
import { SoftMeasuresRepository } from './soft-measures.repository.js';

function toView(row: SoftMeasureRow): SoftMeasureRecordedPayload {
  return {
    id: row.id,
    operatorUscc: row.operatorUscc,
    kind: row.kind,
    at: row.at.toISOString(),
    ...(row.caseId ? { caseId: row.caseId } : {}),
    note: row.note,
    bureau: row.bureau,
    recordedBy: row.recordedBy,
  };
}

/** 柔性执法: recorded against an operator (credit counts them), optionally within a case. */
@Injectable()
export class SoftMeasuresService {
  constructor(
    private readonly measures: SoftMeasuresRepository,
    private readonly cases: CasesRepository,
    private readonly clock: Clock,
  ) {}

  async record(msg: CommandMessage<SoftMeasureDto>): Promise<SoftMeasureRecordedPayload> {
    requireRole(msg.actor, 'officer', 'supervisor');
    const now = this.clock.now();
    const at = instantOf(msg.data.at, 'at', now);
    return this.measures.transaction(async (manager) => {
      let bureau = msg.actor.bureau;
      if (msg.data.caseId) {
        const row = assertWritable(await this.cases.find(msg.data.caseId, manager), msg.actor, msg.data.caseId);
        bureau = row.bureau;
      }
      const row = Object.assign(new SoftMeasureRow(), {
        id: uuidv7({ msecs: now.getTime() }),
        operatorUscc: normaliseUscc(msg.data.operatorUscc),
        kind: msg.data.kind,
        at,
        caseId: msg.data.caseId ?? null,
        note: msg.data.note,
        bureau,
        recordedBy: msg.actor.username,
      });
      await this.measures.insert(manager, row);
      const payload = toView(row);
      await appendToOutbox(manager, [
        newEvent(
          { type: CASE_EVENTS.softMeasureRecorded, aggregateType: 'soft_measure', aggregateId: row.id, bureau, actor: eventActor(msg.actor), payload, occurredAt: at, correlationId: msg.requestId },
          now,
        ),
      ]);
      return payload;
    });
  }

  async list(msg: CommandMessage<{ operatorUscc: string }>): Promise<{ items: SoftMeasureRecordedPayload[] }> {
    const rows = await this.measures.list(normaliseUscc(msg.data.operatorUscc), msg.actor.visibleBureaus);
    return { items: rows.map(toView) };
  }
}
