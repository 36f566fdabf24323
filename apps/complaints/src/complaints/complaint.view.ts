import { isOnTime, isOverdue, localDateOf, type LocalDate } from '#libs/clock';
import { currentDueDate, OPEN_COMPLAINT_STATUSES, type ConsumerPii } from '#libs/domain';
import type { ComplaintRow } from './complaint.entity.js';
import type { Timeline } from './complaint-timeline.js';

const iso = (d: Date | null) => (d ? d.toISOString() : undefined);

/** api.md `Complaint`, plus the clock, jurisdiction and ODR fields a handler needs. */
export function toComplaintView(row: ComplaintRow, { rules, deadlines: d }: Timeline, consumer: ConsumerPii, opts: { masked: boolean; readOnly: boolean; today: LocalDate }) {
  const due = currentDueDate(row.status, d);
  const open = OPEN_COMPLAINT_STATUSES.includes(row.status);
  return {
    id: row.id,
    bureau: row.bureau,
    originBureau: row.originBureau,
    online: row.online,
    channel: row.channel,
    status: row.status,
    handler: row.handler,
    receivedAt: row.receivedAt.toISOString(),
    receivedDate: localDateOf(row.receivedAt),
    acceptanceStartAt: row.acceptanceStartAt.toISOString(),
    acceptanceDueDate: d.acceptance.dueDate,
    mediationDueDate: d.mediation?.dueDate,
    terminationNoticeDueDate: d.terminationNotice?.dueDate,
    currentDueDate: due,
    overdue: open && due !== undefined && isOverdue(due, opts.today),
    provisional: [d.acceptance, d.mediation, d.terminationNotice, d.odrAcceptance, d.odrClosure].some((x) => x?.provisional === true),
    ruleSet: { id: rules.id, version: rules.version, title: rules.title },
    ruleUnconfirmed: rules.unconfirmed,
    consumer,
    consumerMasked: opts.masked,
    readOnly: opts.readOnly,
    operator: row.operator,
    jurisdiction: { competentBureaus: row.competentBureaus, basis: row.jurisdictionBasis },
    forwards: row.forwards,
    description: row.description,
    amount: row.amount ?? undefined,
    acceptance:
      row.accepted === null || !row.acceptanceDecidedAt
        ? undefined
        : {
            accepted: row.accepted,
            reason: row.refusalReason ?? undefined,
            decidedAt: row.acceptanceDecidedAt.toISOString(),
            onTime: isOnTime(row.acceptanceDecidedAt, d.acceptance.dueDate),
          },
    pauses: row.mediationPauses,
    mediationResult: row.mediationResult ?? undefined,
    mediationEndedAt: iso(row.mediationEndedAt),
    closedAt: iso(row.closedAt),
    satisfaction: row.satisfaction ?? undefined,
    satisfactionScore: row.satisfactionScore ?? undefined,
    ratedAt: iso(row.ratedAt),
    odr: row.odr
      ? { ...row.odr, acceptanceDueDate: d.odrAcceptance?.dueDate, closureDueDate: d.odrClosure?.dueDate }
      : undefined,
    violation: row.violation ?? undefined,
  };
}

export type ComplaintView = ReturnType<typeof toComplaintView>;
