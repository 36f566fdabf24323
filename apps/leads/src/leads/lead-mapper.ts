import type { LeadClockView, LeadSnapshot, LeadView } from '#libs/contracts';
import type { LeadClock, LeadTimeliness } from '#libs/domain';
import type { LeadPauseRow } from './lead-pause.entity.js';
import type { LeadRow } from './lead.entity.js';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : undefined);

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** The snapshot every lead.* event carries (state AFTER the change). */
export function leadSnapshot(row: LeadRow, openPause: boolean): LeadSnapshot {
  return defined({
    id: row.id,
    bureau: row.bureau,
    channel: row.channel,
    online: row.online,
    status: row.status,
    title: row.title,
    assignee: row.assignee,
    receivedAt: row.receivedAt.toISOString(),
    receivedDate: row.receivedDate,
    dueDate: row.dueDate,
    provisional: row.provisional,
    extended: row.extension !== null,
    paused: openPause,
    outcome: row.outcome ?? undefined,
    decidedAt: iso(row.decidedAt),
    caseId: row.caseId ?? undefined,
    reportedBackAt: iso(row.reportedBackAt),
    reporterRealName: row.reporter?.realName === true,
    reporterNoticeDueDate: row.reporterNoticeDueDate ?? undefined,
    reporterNotifiedAt: iso(row.reporterNotifiedAt),
    subjectUscc: row.subjectUscc ?? undefined,
    subjectName: row.subject.name,
    externalRef: row.sourceRef ?? undefined,
    ruleSetId: row.ruleSetId,
  });
}

export function leadView(row: LeadRow, pauses: LeadPauseRow[], clock: LeadClock, timeliness: LeadTimeliness, readOnly: boolean): LeadView {
  return defined({
    id: row.id,
    bureau: row.bureau,
    channel: row.channel,
    online: row.online,
    status: row.status,
    title: row.title,
    description: row.description ?? undefined,
    subject: row.subject,
    reporter: row.reporter ?? undefined,
    assignee: row.assignee,
    receivedAt: row.receivedAt.toISOString(),
    dueDate: clock.dueDate,
    dueDateSource: clock.source,
    statutoryDueDate: clock.statutoryDueDate,
    superiorDueDate: row.superiorDueDate ?? undefined,
    platformDueDate: row.platformDueDate ?? undefined,
    provisional: clock.provisional,
    ruleUnconfirmed: clock.ruleUnconfirmed,
    ruleSetId: row.ruleSetId,
    ruleSetVersion: row.ruleSetVersion,
    extended: row.extension !== null,
    extension: row.extension ?? undefined,
    pauses: pauses.map((p) => ({ id: p.id, reason: p.reason, startedAt: p.startedAt.toISOString(), endedAt: iso(p.endedAt) ?? null, recordedBy: p.recordedBy })),
    outcome: row.outcome ?? undefined,
    decidedAt: iso(row.decidedAt),
    decisionReason: row.decisionReason ?? undefined,
    transferTo: row.transferTo ?? undefined,
    transferredFrom: row.senderBureau && row.sourceKind === 'lead_transfer' && row.sourceRef ? { bureau: row.senderBureau, leadId: row.sourceRef } : undefined,
    transferredLeadId: row.transferredLeadId ?? undefined,
    mergeInto: row.mergeInto ?? undefined,
    procedure: row.procedure ?? undefined,
    caseId: row.caseId ?? undefined,
    reportedBackAt: iso(row.reportedBackAt),
    reporterNoticeDueDate: row.reporterNoticeDueDate ?? undefined,
    reporterNotifiedAt: iso(row.reporterNotifiedAt),
    duplicateOf: row.duplicateOf ?? undefined,
    externalRef: row.sourceRef ?? undefined,
    onTime: timeliness.onTime,
    overdue: timeliness.overdue,
    dueSoon: timeliness.dueSoon,
    remind: timeliness.remind,
    readOnly,
    clock: `/api/v1/leads/${row.id}/clock`,
  }) as LeadView;
}

export function leadClockView(row: LeadRow, clock: LeadClock): LeadClockView {
  return {
    leadId: row.id,
    dueDate: clock.dueDate,
    source: clock.source,
    statutoryDueDate: clock.statutoryDueDate,
    provisional: clock.provisional,
    paused: clock.paused,
    ruleUnconfirmed: clock.ruleUnconfirmed,
    explanation: clock.explanation,
  };
}

