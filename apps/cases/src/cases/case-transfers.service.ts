import { Injectable } from '@nestjs/common';
import {
  CASE_EVENTS,
  type CommandMessage,
  type JurisdictionDisputeDto,
  type PoliceApprovalDto,
  type PoliceHandoverDto,
  type PoliceResultDto,
  type PoliceTransferDto,
  type ResolveJurisdictionDto,
  type TransferCaseDto,
} from '#libs/contracts';
import { localDateOf } from '#libs/clock';
import {
  caseJurisdiction,
  ForbiddenError,
  IllegalTransitionError,
  jurisdictionConsultationDue,
  policeTransferDeadlines,
  ValidationError,
} from '#libs/domain';
import { instantOf, notBefore, requireRole } from './case-access.js';
import { CaseChanges, type CaseFact } from './case-changes.js';
import type { CaseRow, StoredPoliceTransfer } from './case.entity.js';
import type { CaseView } from './case-view.js';

type Cmd<D> = CommandMessage<D & { id: string }>;

function moveTo(row: CaseRow, to: string): void {
  row.pastBureaus = [...new Set([...row.pastBureaus, row.bureau])];
  row.bureau = to;
}

/** 移送 between bureaus, jurisdiction disputes (指定管辖) and 行刑衔接 (transfer to the police). */
@Injectable()
export class CaseTransfersService {
  constructor(private readonly changes: CaseChanges) {}

  transfer(msg: Cmd<TransferCaseDto>): Promise<CaseView> {
    return this.changes.apply(msg, 'transfer', (row, { now, actor }) => {
      // The receiving bureau may not pass the case on: it disputes jurisdiction instead.
      if (row.transfers.length > 0) throw new IllegalTransitionError('transferred_in', '移入的案件不得再次移送，如有异议请提出管辖争议', 'ALREADY_TRANSFERRED');
      const { toBureau, reason, basis } = msg.data;
      if (toBureau === row.bureau) throw ValidationError.field('toBureau', 'SAME_BUREAU', 'toBureau：不能移送给本局');
      let basisText: string | undefined;
      if (basis) {
        const jurisdiction = caseJurisdiction({ ...basis, foundBy: row.originBureau });
        if (!jurisdiction.bureaus.includes(toBureau)) {
          throw ValidationError.field('toBureau', 'NO_JURISDICTION', `toBureau：${jurisdiction.basis}（应为 ${jurisdiction.bureaus.join('、')}）`);
        }
        basisText = jurisdiction.basis;
      }
      const at = instantOf(msg.data.transferredAt, 'transferredAt', now);
      notBefore(at, row.filedAt, 'transferredAt', '立案时间');
      const from = row.bureau;
      row.transfers = [...row.transfers, { from, to: toBureau, at: at.toISOString(), reason, by: actor.username, kind: 'transfer', ...(basisText ? { basis: basisText } : {}) }];
      moveTo(row, toBureau);
      return [{ type: CASE_EVENTS.transferred, payload: { from, to: toBureau, at: at.toISOString(), reason, kind: 'transfer' }, occurredAt: at }];
    });
  }

  dispute(msg: Cmd<JurisdictionDisputeDto>): Promise<CaseView> {
    return this.changes.apply(msg, 'dispute_jurisdiction', (row, { now, ruleSet, calendar, actor }) => {
      const last = row.transfers.at(-1);
      if (!last) throw new IllegalTransitionError(row.status, '只有移入的案件可以提出管辖争议', 'NOT_TRANSFERRED_IN');
      if (row.dispute && !row.dispute.resolution) throw new IllegalTransitionError('disputed', '管辖争议尚未解决');
      const raisedAt = instantOf(msg.data.raisedAt, 'raisedAt', now);
      notBefore(raisedAt, new Date(last.at), 'raisedAt', '移送时间');
      const consultationDueDate = jurisdictionConsultationDue(raisedAt, ruleSet, calendar);
      row.dispute = { raisedBy: actor.bureau, otherBureau: last.from, reason: msg.data.reason, raisedAt: raisedAt.toISOString(), consultationDueDate };
      const payload = { raisedBy: actor.bureau, otherBureau: last.from, raisedAt: raisedAt.toISOString(), consultationDueDate };
      return [{ type: CASE_EVENTS.jurisdictionDisputed, payload, occurredAt: raisedAt }];
    });
  }

  /**
   * `agreed`: the two bureaus settled it (within or after the 7 working days);
   * `designated`: a supervisor of a bureau above both, once consultation has run out.
   */
  resolveDispute(msg: Cmd<ResolveJurisdictionDto>): Promise<CaseView> {
    return this.changes.apply(msg, 'dispute_jurisdiction', (row, { now, actor }) => {
      const dispute = row.dispute;
      if (!dispute || dispute.resolution) throw new IllegalTransitionError(row.status, '没有待解决的管辖争议', 'NO_OPEN_DISPUTE');
      const parties = [dispute.raisedBy, dispute.otherBureau];
      const { kind, bureau } = msg.data;
      const at = instantOf(msg.data.at, 'at', now);
      notBefore(at, new Date(dispute.raisedAt), 'at', '争议提出时间');
      const withinConsultation = localDateOf(at) <= dispute.consultationDueDate;
      if (kind === 'agreed' && !parties.includes(bureau)) {
        throw ValidationError.field('bureau', 'NOT_A_PARTY', 'bureau：协商结果须为争议双方之一');
      }
      if (kind === 'designated') {
        requireRole(actor, 'supervisor');
        const above = parties.every((p) => actor.visibleBureaus.includes(p)) && !parties.includes(actor.bureau);
        if (!above) throw new ForbiddenError('指定管辖须由争议双方的共同上级监管负责人作出');
        if (withinConsultation) throw new IllegalTransitionError('consulting', `协商期限至 ${dispute.consultationDueDate}，期满未协商一致方可指定管辖`);
        if (!actor.visibleBureaus.includes(bureau)) throw ValidationError.field('bureau', 'NOT_BELOW', 'bureau：只能指定本局或下级局管辖');
      }
      row.dispute = { ...dispute, resolution: { kind, bureau, at: at.toISOString(), by: actor.username, withinConsultation } };
      const facts: CaseFact[] = [
        { type: CASE_EVENTS.jurisdictionResolved, payload: { kind, bureau, at: at.toISOString(), withinConsultation }, occurredAt: at },
      ];
      if (bureau !== row.bureau) {
        const from = row.bureau;
        const reason = kind === 'designated' ? '指定管辖' : '管辖争议协商一致';
        row.transfers = [...row.transfers, { from, to: bureau, at: at.toISOString(), reason, by: actor.username, kind: 'designation' }];
        moveTo(row, bureau);
        facts.push({ type: CASE_EVENTS.transferred, payload: { from, to: bureau, at: at.toISOString(), reason, kind: 'designation' }, occurredAt: at });
      }
      return facts;
    });
  }

  policeTransfer(msg: Cmd<PoliceTransferDto>): Promise<CaseView> {
    return this.changes.apply(msg, 'police_transfer', (row, ctx) => {
      if (row.policeTransfer && row.policeTransfer.result !== 'returned') {
        throw new IllegalTransitionError('police_transferred', '案件已报请移送公安');
      }
      const reportedAt = instantOf(msg.data.reportedAt, 'reportedAt', ctx.now);
      notBefore(reportedAt, row.filedAt, 'reportedAt', '立案时间');
      // A back-filled record may carry the head's (paper) approval and the hand-over at once.
      const approvedAt = msg.data.approvedAt === undefined ? undefined : instantOf(msg.data.approvedAt, 'approvedAt', ctx.now);
      const transferredAt = msg.data.transferredAt === undefined ? undefined : instantOf(msg.data.transferredAt, 'transferredAt', ctx.now);
      if (transferredAt && !approvedAt) {
        throw ValidationError.field('transferredAt', 'APPROVAL_REQUIRED', 'transferredAt：负责人批准后才能移送，须同时给出 approvedAt');
      }
      if (approvedAt) notBefore(approvedAt, reportedAt, 'approvedAt', '报告时间');
      if (transferredAt) notBefore(transferredAt, approvedAt!, 'transferredAt', '批准时间');
      row.policeTransfer = {
        organ: msg.data.organ,
        reason: msg.data.reason,
        reportedAt: reportedAt.toISOString(),
        reportedBy: ctx.actor.username,
        ...(approvedAt ? { approvedAt: approvedAt.toISOString(), approvedBy: ctx.actor.username } : {}),
        ...(transferredAt ? { transferredAt: transferredAt.toISOString() } : {}),
      };
      const stage = transferredAt ? 'handed_over' : approvedAt ? 'approved' : 'reported';
      return [this.policeFact(row, stage, transferredAt ?? approvedAt ?? reportedAt, ctx)];
    });
  }

  approvePoliceTransfer(msg: Cmd<PoliceApprovalDto>): Promise<CaseView> {
    requireRole(msg.actor, 'supervisor');
    return this.changes.apply(msg, 'police_transfer', (row, ctx) => {
      const police = this.openPolice(row, (p) => !p.approvedAt, '已批准');
      const approvedAt = instantOf(msg.data.approvedAt, 'approvedAt', ctx.now);
      notBefore(approvedAt, new Date(police.reportedAt), 'approvedAt', '报告时间');
      row.policeTransfer = { ...police, approvedAt: approvedAt.toISOString(), approvedBy: ctx.actor.username };
      return [this.policeFact(row, 'approved', approvedAt, ctx)];
    });
  }

  handOverToPolice(msg: Cmd<PoliceHandoverDto>): Promise<CaseView> {
    return this.changes.apply(msg, 'police_transfer', (row, ctx) => {
      const police = this.openPolice(row, (p) => Boolean(p.approvedAt) && !p.transferredAt, '未批准或已移送');
      const transferredAt = instantOf(msg.data.transferredAt, 'transferredAt', ctx.now);
      notBefore(transferredAt, new Date(police.approvedAt!), 'transferredAt', '批准时间');
      row.policeTransfer = { ...police, transferredAt: transferredAt.toISOString() };
      return [this.policeFact(row, 'handed_over', transferredAt, ctx)];
    });
  }

  recordPoliceResult(msg: Cmd<PoliceResultDto>): Promise<CaseView> {
    return this.changes.apply(msg, 'police_transfer', (row, ctx) => {
      const police = this.openPolice(row, (p) => Boolean(p.transferredAt) && (!p.result || (p.result === 'accepted' && !p.outcome)), '未移送或已有结果');
      const at = instantOf(msg.data.at, 'at', ctx.now);
      notBefore(at, new Date(police.transferredAt!), 'at', '移送时间');
      if (police.result === 'accepted' && msg.data.result !== 'accepted') {
        throw new IllegalTransitionError('accepted', '公安机关已受理，只能补充处理结果');
      }
      row.policeTransfer = {
        ...police,
        result: msg.data.result,
        resultAt: police.resultAt ?? at.toISOString(),
        ...(msg.data.outcome ? { outcome: msg.data.outcome } : {}),
      };
      const stage = police.result === 'accepted' ? 'outcome_linked' : msg.data.result;
      return [this.policeFact(row, stage, at, ctx)];
    });
  }

  private openPolice(row: CaseRow, allowed: (p: StoredPoliceTransfer) => boolean, what: string): StoredPoliceTransfer {
    const police = row.policeTransfer;
    if (!police) throw new IllegalTransitionError(row.status, '案件尚未报请移送公安', 'NO_POLICE_TRANSFER');
    if (!allowed(police)) throw new IllegalTransitionError(police.result ?? (police.transferredAt ? 'handed_over' : police.approvedAt ? 'approved' : 'reported'), `移送公安${what}`);
    return police;
  }

  private policeFact(row: CaseRow, stage: string, at: Date, ctx: Parameters<Parameters<CaseChanges['apply']>[2]>[1]): CaseFact {
    const police = row.policeTransfer!;
    const deadlines = policeTransferDeadlines(police, ctx.ruleSet, ctx.calendar, ctx.now);
    const payload = {
      stage,
      organ: police.organ,
      reportedAt: police.reportedAt,
      approvalDueDate: deadlines.approvalDueDate,
      ...(police.approvedAt ? { approvedAt: police.approvedAt, approvalOnTime: deadlines.approvalOnTime } : {}),
      ...(deadlines.handoverDueAt ? { handoverDueAt: deadlines.handoverDueAt } : {}),
      ...(police.transferredAt ? { transferredAt: police.transferredAt, handoverOnTime: deadlines.handoverOnTime } : {}),
      ...(police.result ? { result: police.result } : {}),
      ...(police.outcome ? { outcome: police.outcome } : {}),
    };
    return { type: CASE_EVENTS.policeTransferred, payload, occurredAt: at };
  }
}
