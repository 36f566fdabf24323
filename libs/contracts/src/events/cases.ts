import type { CaseProcedure, CaseStep, DecisionResult, EvidenceType, Penalty, ReviewKind, SoftMeasureKind } from '#libs/domain';
import type { CaseSnapshot } from './snapshots.js';

/** Event types emitted by the cases service (domain.md §4, §8). */
export const CASE_EVENTS = {
  filed: 'case.filed',
  paused: 'case.paused',
  resumed: 'case.resumed',
  extended: 'case.extended',
  stepRecorded: 'case.step_recorded',
  transferred: 'case.transferred',
  jurisdictionDisputed: 'case.jurisdiction_disputed',
  jurisdictionResolved: 'case.jurisdiction_resolved',
  policeTransferred: 'case.police_transferred',
  evidenceAdded: 'case.evidence_added',
  decided: 'case.decided',
  closed: 'case.closed',
  reviewConcluded: 'case.review_concluded',
  softMeasureRecorded: 'soft_measure.recorded',
} as const;

export interface CaseSubject {
  uscc?: string;
  name?: string;
  platform?: string;
  storeUrl?: string;
}

interface CasePayload {
  snapshot: CaseSnapshot;
}

export interface CaseFiledPayload extends CasePayload {
  leadId?: string;
  procedure: CaseProcedure;
  filedAt: string;
  subject: CaseSubject;
}

export interface CasePausedPayload extends CasePayload {
  reason: string;
  startedAt: string;
}

export interface CaseResumedPayload extends CasePayload {
  reason: string;
  startedAt: string;
  endedAt: string;
}

export interface CaseExtendedPayload extends CasePayload {
  kind: 'standard' | 'collective';
  reason: string;
  approvedBy: string;
  approvedAt: string;
  /** Set for a collective extension (集体讨论). */
  newDueDate?: string;
}

export interface CaseStepRecordedPayload extends CasePayload {
  step: CaseStep;
  at: string;
  /** For a hearing request: whether it came within 5 WD of the notice. */
  onTime?: boolean;
}

export interface CaseTransferredPayload extends CasePayload {
  from: string;
  to: string;
  at: string;
  reason: string;
  /** `designation` when the common superior designated jurisdiction (指定管辖). */
  kind: 'transfer' | 'designation';
}

export interface CaseJurisdictionDisputedPayload extends CasePayload {
  raisedBy: string;
  otherBureau: string;
  raisedAt: string;
  consultationDueDate: string;
}

export interface CaseJurisdictionResolvedPayload extends CasePayload {
  kind: 'agreed' | 'designated';
  bureau: string;
  at: string;
  /** Settled within the 7 working-day consultation period. */
  withinConsultation: boolean;
}

export interface CasePoliceTransferredPayload extends CasePayload {
  stage: 'reported' | 'approved' | 'handed_over' | 'accepted' | 'returned' | 'outcome_linked';
  organ: string;
  reportedAt: string;
  approvalDueDate: string;
  approvedAt?: string;
  approvalOnTime?: boolean;
  handoverDueAt?: string;
  transferredAt?: string;
  handoverOnTime?: boolean;
  result?: 'accepted' | 'returned';
  outcome?: string;
}

export interface CaseEvidenceAddedPayload extends CasePayload {
  evidenceId: string;
  type: EvidenceType;
  sha256: string;
  size: number;
  capturedAt: string;
  capturedBy: string;
}

export interface CaseDecidedPayload extends CasePayload {
  result: DecisionResult;
  penalties: Penalty[];
  decidedAt: string;
  subject: CaseSubject;
  /** Decided on or before the disposition due date; absent for simplified cases (no clock). */
  onTime?: boolean;
}

export interface CaseClosedPayload extends CasePayload {
  closedAt: string;
}

export interface CaseReviewConcludedPayload extends CasePayload {
  kind: ReviewKind;
  outcome: string;
  procedural: boolean;
  concludedAt: string;
}

export interface SoftMeasureRecordedPayload {
  id: string;
  operatorUscc: string;
  kind: SoftMeasureKind;
  at: string;
  caseId?: string;
  note: string;
  bureau: string;
  recordedBy: string;
}
