import type { CreditList, DrawResult, Grade, GradeFactor, ListCategory, ManualRecordKind, OperatorKind, PenaltyItem, Sector, SupervisionPolicy } from '#libs/domain';

/**
 * Event types of the credit service (domain.md §6, §8). The credit record is a projection of
 * events: its own events carry the full record item, so replaying the stream into an empty
 * database rebuilds the same record.
 */
export const CREDIT_EVENTS = {
  operatorRegistered: 'operator.registered',
  operatorUpdated: 'operator.updated',
  recordAdded: 'credit.record_added',
  recordVoided: 'credit.record_voided',
  listEntered: 'credit.list_entered',
  listRemoved: 'credit.list_removed',
  repairRequested: 'credit.repair_requested',
  repairDecided: 'credit.repair_decided',
  graded: 'credit.graded',
  policySet: 'inspection.policy_set',
  drawPublished: 'inspection.draw_published',
} as const;

export interface OperatorView {
  uscc: string;
  name: string;
  kind: OperatorKind;
  /** Null until completed for an operator first met in a lead or complaint. */
  domicileBureau: string | null;
  businessBureau: string | null;
  /** The bureau whose lead or complaint (or registration) first named the operator. */
  firstSeenBureau: string;
  platform: string | null;
  storeIds: string[];
  sector: Sector;
  /** False while registered only from a lead or complaint (kind `other`, no domicile). */
  complete: boolean;
  registeredFrom: 'manual' | 'lead' | 'complaint' | 'case' | 'soft_measure';
  registeredAt: string;
}

export interface OperatorRegisteredPayload {
  operator: OperatorView;
}

export interface OperatorUpdatedPayload {
  operator: OperatorView;
  changed: string[];
}

export type CreditRecordKind = 'penalty' | 'soft_measure' | ManualRecordKind;

export interface CreditRecordView {
  id: string;
  uscc: string;
  kind: CreditRecordKind;
  /** Local date the fact happened (decision date, measure date, commitment date). */
  date: string;
  bureau: string;
  /** What produced it: `case:<id>`, `soft_measure:<id>` or `manual:<id>`. */
  sourceKey: string;
  description: string;
  penalty?: { caseId: string; penalties: PenaltyItem[]; light: boolean; publicationEnd: string; sector: Sector };
  /** Date an approved credit repair stopped its publication. */
  repairedDate?: string;
  /** A penalty whose decision was revoked (复议撤销, 撤销立案): kept for history, no longer a factor from `date`. */
  voided?: { date: string; reason: string };
}

export interface CreditRecordAddedPayload {
  record: CreditRecordView;
}

/** The record item as it is after voiding (`voided` set). */
export interface CreditRecordVoidedPayload {
  record: CreditRecordView;
}

export interface ListEntryView {
  id: string;
  uscc: string;
  list: CreditList;
  category: ListCategory;
  enteredDate: string;
  reason: string;
  bureau: string;
  enteredBy: string;
  removedDate?: string;
  removalReason?: string;
}

export interface CreditListEnteredPayload {
  entry: ListEntryView;
}

export interface CreditListRemovedPayload {
  entry: ListEntryView;
}

export interface CreditRepairView {
  id: string;
  uscc: string;
  recordId: string;
  reason: string;
  evidence?: string;
  status: 'pending' | 'approved' | 'rejected';
  bureau: string;
  requestedBy: string;
  requestedAt: string;
  decision?: { approved: boolean; reason: string; decidedBy: string; decidedAt: string; decidedDate: string };
}

export interface CreditRepairRequestedPayload {
  repair: CreditRepairView;
}

export interface CreditRepairDecidedPayload {
  repair: CreditRepairView;
}

export interface CreditGradeView {
  grade: Grade;
  score: number;
  factors: GradeFactor[];
  asOf: string;
  ruleVersion: string;
}

export interface CreditGradedPayload extends CreditGradeView {
  uscc: string;
  previousGrade: Grade | null;
}

export interface InspectionPolicySetPayload {
  bureau: string;
  policy: SupervisionPolicy;
}

export interface InspectionDrawView extends DrawResult {
  id: string;
  campaign: string;
  bureau: string;
  drawnAt: string;
  drawnBy: string;
  policy: SupervisionPolicy;
}

export interface InspectionDrawPublishedPayload {
  draw: InspectionDrawView;
}
