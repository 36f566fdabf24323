import { localDateOf, type Instant } from '#libs/clock';
import { indicatorDefinition, type IndicatorCode } from './indicator-catalogue.js';
import type { IndicatorFact, RecordKind } from './indicator-fact.js';

/**
 * The parts of the timeliness snapshots (#libs/contracts events/snapshots.ts) the indicators read.
 * Declared structurally here so the domain does not depend on the message contracts.
 */
export interface LeadRecord {
  id: string;
  bureau: string;
  channel: string;
  online: boolean;
  assignee: string;
  receivedDate: string;
  dueDate: string;
  decidedAt?: string;
  reportedBackAt?: string;
}

export interface CaseRecord {
  id: string;
  bureau: string;
  online: boolean;
  assignee: string;
  reviews: { kind: 'reconsideration' | 'litigation'; outcome: string; procedural: boolean; concludedAt: string }[];
}

export interface ComplaintRecord {
  id: string;
  bureau: string;
  online: boolean;
  channel: string;
  handler: string;
  receivedDate: string;
  acceptanceDueDate: string;
  acceptanceDecidedAt?: string;
  accepted?: boolean;
  mediationDueDate?: string;
  mediationEndedAt?: string;
  mediationResult?: string;
  closedAt?: string;
  satisfaction?: string;
  odr?: { dueDate?: string; closedAt?: string; result?: string };
}

const day = (instant: Instant | undefined): string | null => (instant === undefined ? null : localDateOf(instant));

interface Base {
  recordId: string;
  recordKind: RecordKind;
  bureau: string;
  channel: string;
  officer: string;
}

function fact(code: IndicatorCode, base: Base, f: Partial<IndicatorFact> & Pick<IndicatorFact, 'periodDate'>): IndicatorFact {
  return {
    indicator: code,
    measure: indicatorDefinition(code).measure,
    itemKey: base.recordId,
    ...base,
    altPeriodDate: null,
    dueDate: null,
    doneDate: null,
    favourable: null,
    ...f,
  };
}

/** 17.x and 19.x: online leads by channel (domain.md §3, §7). */
export function factsFromLead(lead: LeadRecord): IndicatorFact[] {
  if (!lead.online) return [];
  const base: Base = { recordId: lead.id, recordKind: 'lead', bureau: lead.bureau, channel: lead.channel, officer: lead.assignee };
  const decided = day(lead.decidedAt);
  switch (lead.channel) {
    case 'report':
      // Due in the period, or decided in it (§7: "or that were decided in it").
      return [fact('17.1', base, { periodDate: lead.dueDate, altPeriodDate: decided, dueDate: lead.dueDate, doneDate: decided })];
    case 'assigned':
    case 'supervised': {
      // Handled = decided and reported back to the superior (反馈); the report-back closes it.
      const reported = day(lead.reportedBackAt);
      return [
        fact('17.2a', base, { periodDate: lead.dueDate, dueDate: lead.dueDate, doneDate: reported }),
        fact('17.2b', base, { periodDate: lead.receivedDate, dueDate: lead.dueDate, doneDate: reported }),
      ];
    }
    case 'platform_monitoring':
      return [
        fact('19.1', base, { periodDate: lead.dueDate, dueDate: lead.dueDate, doneDate: decided }),
        fact('19.2', base, { periodDate: lead.receivedDate, dueDate: lead.dueDate, doneDate: decided }),
      ];
    default:
      return [];
  }
}

/** 25.x and 26: online complaints (domain.md §5, §7). */
export function factsFromComplaint(c: ComplaintRecord): IndicatorFact[] {
  if (!c.online) return [];
  const base: Base = { recordId: c.id, recordKind: 'complaint', bureau: c.bureau, channel: c.channel, officer: c.handler };
  const out: IndicatorFact[] = [];
  // Routed to an ODR enterprise before the bureau decided acceptance: the enterprise settles it
  // directly, so it is measured by 26, not by the bureau's own acceptance rate.
  const handledByOdr = c.odr !== undefined && c.acceptanceDecidedAt === undefined;
  if (!handledByOdr) {
    out.push(fact('25.1', base, { periodDate: c.acceptanceDueDate, dueDate: c.acceptanceDueDate, doneDate: day(c.acceptanceDecidedAt) }));
  }
  if (c.accepted === true && c.mediationDueDate) {
    out.push(fact('25.2', base, { periodDate: c.mediationDueDate, dueDate: c.mediationDueDate, doneDate: day(c.closedAt) }));
  }
  const ended = day(c.mediationEndedAt);
  if (ended !== null && c.mediationResult) {
    out.push(fact('25.3', base, { periodDate: ended, doneDate: ended, favourable: c.mediationResult === 'settled' }));
  }
  if (c.satisfaction) {
    // The snapshot carries no rating date; a rating follows closure, so closure places it.
    const placed = day(c.closedAt) ?? ended ?? c.receivedDate;
    out.push(fact('25.4', base, { periodDate: placed, doneDate: placed, favourable: c.satisfaction === 'satisfied' }));
  }
  if (c.odr?.dueDate) {
    out.push(fact('26a', base, { periodDate: c.odr.dueDate, dueDate: c.odr.dueDate, doneDate: day(c.odr.closedAt) }));
  }
  const odrClosed = day(c.odr?.closedAt);
  if (odrClosed !== null && c.odr?.result) {
    out.push(fact('26b', base, { periodDate: odrClosed, doneDate: odrClosed, favourable: c.odr.result === 'settled' }));
  }
  return out;
}

const UPHELD = new Set(['upheld', 'dismissed']);
/** 行政复议被撤销或确认违法 / 行政败诉 (seed annex 2, item 18.2). */
const OVERTURNED = new Set(['revoked', 'confirmed_illegal', 'altered', 'lost']);

/** 18.x: one fact per concluded review of an online case. */
export function factsFromCase(c: CaseRecord): IndicatorFact[] {
  if (!c.online) return [];
  const base: Base = { recordId: c.id, recordKind: 'case', bureau: c.bureau, channel: 'case', officer: c.assignee };
  return c.reviews.flatMap((review, n) => {
    const concluded = localDateOf(review.concludedAt);
    const key = { itemKey: `${c.id}#${n + 1}`, periodDate: concluded, doneDate: concluded };
    const rateFact =
      review.kind === 'reconsideration'
        ? fact('18.1a', base, { ...key, favourable: UPHELD.has(review.outcome) })
        : fact('18.1b', base, { ...key, favourable: review.outcome === 'won' });
    return [rateFact, fact('18.2', base, { ...key, favourable: !(review.procedural && OVERTURNED.has(review.outcome)) })];
  });
}
