import type { CreditList, ListCategory } from './operator.js';

/**
 * The dated facts of one operator's credit record that grading reads. Every date is a local
 * date, so the grade at any past date follows from the same record.
 */
export interface GradingRecord {
  /** `voidedDate`: the decision was revoked (撤销) on review or by the bureau; it stops counting from then. */
  penalties: { id: string; decidedDate: string; light: boolean; publicationEnd: string; repairedDate?: string; voidedDate?: string }[];
  listEntries: { id: string; list: CreditList; category: ListCategory; enteredDate: string; removedDate?: string }[];
  softMeasures: { id: string; date: string }[];
  /** `unsettledDate`: the date mediation ended without settlement (failed / unreachable). */
  complaints: { id: string; receivedDate: string; unsettledDate?: string }[];
  commitments: { id: string; date: string }[];
  positives: { id: string; date: string }[];
}

export function emptyGradingRecord(): GradingRecord {
  return { penalties: [], listEntries: [], softMeasures: [], complaints: [], commitments: [], positives: [] };
}

/** Published on `asOf`: decided by then, publication not over, neither repaired nor voided by then. */
export function isPenaltyPublished(p: GradingRecord['penalties'][number], asOf: string): boolean {
  const endedEarly = (date: string | undefined) => date !== undefined && date <= asOf;
  return p.decidedDate <= asOf && asOf < p.publicationEnd && !endedEarly(p.repairedDate) && !endedEarly(p.voidedDate);
}

/** On the list on `asOf`: entered by then and not yet removed (removal date excluded). */
export function isListEntryOpen(e: GradingRecord['listEntries'][number], asOf: string): boolean {
  return e.enteredDate <= asOf && (e.removedDate === undefined || e.removedDate > asOf);
}
