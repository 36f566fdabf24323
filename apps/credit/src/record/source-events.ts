import type { CaseSnapshot, ComplaintSnapshot, LeadSnapshot } from '#libs/contracts';

/**
 * The parts of other services' events that credit reads. The producers own the full payload
 * types (events/leads.ts, cases.ts, complaints.ts); every lead.*, case.* and complaint.*
 * payload carries its record's snapshot, which is all credit needs.
 */
export const SOURCE_EVENTS = {
  leadReceived: 'lead.received',
  caseDecided: 'case.decided',
  caseReviewConcluded: 'case.review_concluded',
  softMeasureRecorded: 'soft_measure.recorded',
  complaint: [
    'complaint.received',
    'complaint.forwarded',
    'complaint.accepted',
    'complaint.rejected',
    'complaint.mediation_ended',
    'complaint.closed',
  ],
} as const;

export interface LeadEventPayload {
  snapshot?: LeadSnapshot;
}

export interface CaseDecidedEventPayload {
  snapshot?: CaseSnapshot;
  decidedAt?: string;
}

export interface CaseReviewEventPayload {
  snapshot?: CaseSnapshot;
  kind?: 'reconsideration' | 'litigation';
  outcome?: string;
  concludedAt?: string;
}

export interface ComplaintEventPayload {
  snapshot?: ComplaintSnapshot;
}

export interface SoftMeasureEventPayload {
  id?: string;
  operatorUscc?: string;
  kind?: string;
  at?: string;
  caseId?: string;
  note?: string;
  bureau?: string;
}
