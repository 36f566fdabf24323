/**
 * Timeliness snapshots. Every lead.*, case.* and complaint.* event carries the record's
 * snapshot AFTER the change, so a projection (metrics, credit) can upsert its fact row
 * from any single event without reading another service's tables or replaying in order.
 * Dates are Asia/Shanghai local dates `YYYY-MM-DD`; instants are ISO-8601.
 */
export interface LeadSnapshot {
  id: string;
  bureau: string;
  channel: 'platform_monitoring' | 'report' | 'assigned' | 'supervised' | 'inspection' | 'transfer_in' | 'complaint';
  online: boolean;
  status: 'received' | 'verifying' | 'paused' | 'decided' | 'reported_back';
  title: string;
  /** Officer responsible (username); the intake officer until reassigned. */
  assignee: string;
  receivedAt: string;
  receivedDate: string;
  dueDate: string;
  provisional: boolean;
  extended: boolean;
  paused: boolean;
  outcome?: 'file_case' | 'no_case' | 'transfer' | 'merge';
  decidedAt?: string;
  caseId?: string;
  reportedBackAt?: string;
  /** Real-name reporter notice (5 WD after the decision). */
  reporterRealName: boolean;
  reporterNoticeDueDate?: string;
  reporterNotifiedAt?: string;
  subjectUscc?: string;
  subjectName?: string;
  externalRef?: string;
  ruleSetId: string;
}

export interface CaseSnapshot {
  id: string;
  leadId?: string;
  bureau: string;
  originBureau: string;
  online: boolean;
  procedure: 'ordinary' | 'fast_track' | 'simplified';
  status: string;
  assignee: string;
  filedAt: string;
  filedDate: string;
  /** Absent for simplified (on-the-spot) cases, which have no clock. */
  dueDate?: string;
  provisional: boolean;
  decidedAt?: string;
  closedAt?: string;
  subjectUscc?: string;
  subjectName?: string;
  decision?: { result: 'penalty' | 'no_penalty' | 'revoked'; penalties: { type: string; amount?: number }[] };
  reviews: { kind: 'reconsideration' | 'litigation'; outcome: string; procedural: boolean; concludedAt: string }[];
  ruleSetId: string;
}

export interface ComplaintSnapshot {
  id: string;
  bureau: string;
  online: boolean;
  channel: string;
  status: string;
  handler: string;
  receivedAt: string;
  receivedDate: string;
  acceptanceDueDate: string;
  acceptanceDecidedAt?: string;
  accepted?: boolean;
  mediationDueDate?: string;
  mediationEndedAt?: string;
  mediationResult?: 'settled' | 'failed' | 'withdrawn' | 'unreachable';
  closedAt?: string;
  satisfaction?: 'satisfied' | 'neutral' | 'unsatisfied';
  odr?: { enterprise: string; acceptedAt?: string; dueDate?: string; closedAt?: string; result?: 'settled' | 'failed' };
  operatorUscc?: string;
  operatorName?: string;
  ruleSetId: string;
  ruleUnconfirmed: boolean;
  provisional: boolean;
}
