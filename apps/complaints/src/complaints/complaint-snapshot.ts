import { localDateOf } from '#libs/clock';
import type { ComplaintSnapshot } from '#libs/contracts';
import type { ComplaintRow } from './complaint.entity.js';
import type { Timeline } from './complaint-timeline.js';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : undefined);

/** The record after a change, for every complaint.* event: dates and outcomes, never personal data. */
export function toSnapshot(row: ComplaintRow, { rules, deadlines: d }: Timeline): ComplaintSnapshot {
  const odr = row.odr;
  const provisional = [d.acceptance, d.mediation, d.terminationNotice, d.odrAcceptance, d.odrClosure].some((x) => x?.provisional === true);
  const optional = {
    acceptanceDecidedAt: iso(row.acceptanceDecidedAt),
    accepted: row.accepted ?? undefined,
    mediationDueDate: d.mediation?.dueDate,
    mediationEndedAt: iso(row.mediationEndedAt),
    mediationResult: row.mediationResult ?? undefined,
    closedAt: iso(row.closedAt),
    satisfaction: row.satisfaction ?? undefined,
    operatorUscc: row.operator.uscc,
    operatorName: row.operator.name,
  };
  return {
    id: row.id,
    bureau: row.bureau,
    online: row.online,
    channel: row.channel,
    status: row.status,
    handler: row.handler ?? '',
    receivedAt: row.receivedAt.toISOString(),
    receivedDate: localDateOf(row.receivedAt),
    acceptanceDueDate: d.acceptance.dueDate,
    ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<ComplaintSnapshot>),
    ...(odr
      ? {
          odr: {
            enterprise: odr.enterprise,
            ...(odr.acceptedAt ? { acceptedAt: odr.acceptedAt } : {}),
            ...((d.odrClosure ?? d.odrAcceptance) ? { dueDate: (d.odrClosure ?? d.odrAcceptance)!.dueDate } : {}),
            ...(odr.closedAt ? { closedAt: odr.closedAt } : {}),
            ...(odr.result ? { result: odr.result } : {}),
          },
        }
      : {}),
    ruleSetId: rules.id,
    ruleUnconfirmed: rules.unconfirmed,
    provisional,
  };
}
