import type { CaseSnapshot } from '#libs/contracts';
import {
  isOnTime,
  localDateOf,
  ruleSetById,
  type DeadlineResult,
  type Extension,
  type Pause,
  type RuleSet,
  type WorkCalendar,
} from '#libs/clock';
import { caseDisposition, hearingRequestDue, OPEN_CASE_STATUSES, policeTransferDeadlines, reminderFlags } from '#libs/domain';
import type { CaseRow } from './case.entity.js';

export function caseRuleSet(row: CaseRow): RuleSet<'penalty'> | null {
  return row.ruleSetId ? (ruleSetById(row.ruleSetId, row.ruleSetVersion ?? 1) as RuleSet<'penalty'>) : null;
}

export function clockExtensions(row: CaseRow): Extension[] {
  return row.extensions.map((e) =>
    e.kind === 'collective'
      ? { kind: 'collective', newDueDate: e.newDueDate!, reason: e.reason, approvedBy: e.approvedBy, approvedAt: e.approvedAt }
      : { kind: 'standard', length: e.length!, reason: e.reason, approvedBy: e.approvedBy, approvedAt: e.approvedAt },
  );
}

export function clockPauses(row: CaseRow): Pause[] {
  return row.pauses.map((p) => ({ start: p.startedAt, end: p.endedAt, reason: p.reason, recordedBy: p.recordedBy }));
}

/** The disposition clock as of `now`; null for a simplified case (no clock). */
export function caseDeadline(row: CaseRow, calendar: WorkCalendar, now: Date): DeadlineResult | null {
  const ruleSet = caseRuleSet(row);
  if (!ruleSet) return null;
  return caseDisposition({ filedAt: row.filedAt, ruleSet, extensions: clockExtensions(row), pauses: clockPauses(row), calendar, today: now });
}

function iso(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export interface EvidenceSummary {
  id: string;
  type: string;
  fileName: string;
  size: number;
  sha256: string;
  capturedAt: string;
  capturedBy: string;
  method: string;
  sourceUrl: string | null;
}

/** api.md `Case` plus the clock flags, steps, hearing and police deadlines and the evidence list. */
export function toCaseView(row: CaseRow, calendar: WorkCalendar, now: Date, reminderDays: number, readOnly: boolean, evidence: EvidenceSummary[]) {
  const deadline = caseDeadline(row, calendar, now);
  const ruleSet = caseRuleSet(row);
  const open = OPEN_CASE_STATUSES.includes(row.status);
  const flags = deadline && open ? reminderFlags(deadline.dueDate, localDateOf(now), calendar, reminderDays) : { dueSoon: false, overdue: false };
  const notice = row.steps.find((s) => s.step === 'notice');
  const request = row.steps.find((s) => s.step === 'hearing_request');
  const hearingRequestDueDate = notice && ruleSet ? hearingRequestDue(notice.at, ruleSet, calendar).dueDate : undefined;
  const police = row.policeTransfer;
  return {
    id: row.id,
    leadId: row.leadId ?? undefined,
    bureau: row.bureau,
    originBureau: row.originBureau,
    readOnly,
    online: row.online,
    procedure: row.procedure,
    status: row.status,
    title: row.title ?? undefined,
    subject: row.subject,
    assignee: row.assignee,
    filedAt: iso(row.filedAt)!,
    filedDate: localDateOf(row.filedAt),
    dueDate: deadline?.dueDate,
    provisional: deadline?.provisional ?? false,
    paused: row.status === 'paused',
    dueSoon: flags.dueSoon,
    overdue: flags.overdue,
    onTime: deadline && row.decision ? isOnTime(row.decision.decidedAt, deadline.dueDate) : undefined,
    ruleSet: ruleSet ? { id: ruleSet.id, version: ruleSet.version } : undefined,
    extensions: row.extensions,
    pauses: row.pauses.map((p) => ({ reason: p.reason, startedAt: p.startedAt, endedAt: p.endedAt, recordedBy: p.recordedBy })),
    steps: row.steps.map((s) => ({
      step: s.step,
      at: s.at,
      date: s.date,
      recordedBy: s.recordedBy,
      ...(s.step === 'hearing_request' && hearingRequestDueDate ? { onTime: s.date <= hearingRequestDueDate } : {}),
    })),
    hearingRequestDueDate,
    hearingRequested: request !== undefined,
    transfers: row.transfers,
    jurisdictionDispute: row.dispute ?? undefined,
    policeTransfer: police && ruleSet ? { ...police, ...policeTransferDeadlines(police, ruleSet, calendar, now) } : undefined,
    decision: row.decision ?? undefined,
    decidedAt: row.decision?.decidedAt,
    closedAt: iso(row.closedAt),
    reviews: row.reviews,
    evidence,
  };
}

export type CaseView = ReturnType<typeof toCaseView>;

/** The record after a change, carried by every case.* event (contracts/events/snapshots.ts). */
export function toSnapshot(row: CaseRow): CaseSnapshot {
  return {
    id: row.id,
    ...(row.leadId ? { leadId: row.leadId } : {}),
    bureau: row.bureau,
    originBureau: row.originBureau,
    online: row.online,
    procedure: row.procedure,
    status: row.status,
    assignee: row.assignee,
    filedAt: iso(row.filedAt)!,
    filedDate: localDateOf(row.filedAt),
    ...(row.dueDate ? { dueDate: row.dueDate } : {}),
    provisional: row.provisional,
    ...(row.decision ? { decidedAt: row.decision.decidedAt, decision: { result: row.decision.result, penalties: row.decision.penalties } } : {}),
    ...(row.closedAt ? { closedAt: iso(row.closedAt) } : {}),
    ...(row.subject.uscc ? { subjectUscc: row.subject.uscc } : {}),
    ...(row.subject.name ? { subjectName: row.subject.name } : {}),
    reviews: row.reviews.map((r) => ({ kind: r.kind, outcome: r.outcome, procedural: r.procedural, concludedAt: r.concludedAt })),
    ruleSetId: row.ruleSetId ?? 'none',
  };
}
