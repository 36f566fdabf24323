import type { ComplaintSnapshot } from './snapshots.js';

/** Complaint events (domain.md §8). Every payload carries the snapshot after the change and never unmasked PII. */
export const COMPLAINT_EVENTS = {
  received: 'complaint.received',
  forwarded: 'complaint.forwarded',
  accepted: 'complaint.accepted',
  rejected: 'complaint.rejected',
  mediationPaused: 'complaint.mediation_paused',
  mediationResumed: 'complaint.mediation_resumed',
  mediationEnded: 'complaint.mediation_ended',
  closed: 'complaint.closed',
  rated: 'complaint.rated',
  odrRouted: 'complaint.odr_routed',
  odrAccepted: 'complaint.odr_accepted',
  odrClosed: 'complaint.odr_closed',
  violationFound: 'complaint.violation_found',
  ruleRebased: 'complaint.rule_rebased',
} as const;

export const COMPLAINT_AGGREGATE = 'complaint';

export interface ComplaintEventPayload {
  snapshot: ComplaintSnapshot;
}

export interface ComplaintReceivedPayload extends ComplaintEventPayload {
  /** Bureaus competent by §5 (empty when the intake data cannot tell). */
  competentBureaus: string[];
}

export interface ComplaintForwardedPayload extends ComplaintEventPayload {
  fromBureau: string;
  toBureau: string;
  forwardedAt: string;
}

export interface ComplaintAcceptedPayload extends ComplaintEventPayload {
  decidedAt: string;
  onTime: boolean;
}

export interface ComplaintRejectedPayload extends ComplaintEventPayload {
  decidedAt: string;
  reason: string;
  onTime: boolean;
}

export interface ComplaintMediationPausedPayload extends ComplaintEventPayload {
  reason: string;
  startedAt: string;
}

export interface ComplaintMediationResumedPayload extends ComplaintEventPayload {
  reason: string;
  startedAt: string;
  endedAt: string;
}

export interface ComplaintMediationEndedPayload extends ComplaintEventPayload {
  result: 'settled' | 'failed' | 'withdrawn' | 'unreachable';
  endedAt: string;
  onTime: boolean;
}

export interface ComplaintClosedPayload extends ComplaintEventPayload {
  closedAt: string;
  /** The consumer was informed within the termination notice period. */
  onTime: boolean;
}

export interface ComplaintRatedPayload extends ComplaintEventPayload {
  satisfaction: 'satisfied' | 'neutral' | 'unsatisfied';
  score?: number;
  ratedAt: string;
}

export interface ComplaintOdrRoutedPayload extends ComplaintEventPayload {
  enterprise: string;
  routedAt: string;
}

export interface ComplaintOdrAcceptedPayload extends ComplaintEventPayload {
  enterprise: string;
  acceptedAt: string;
  onTime: boolean;
}

export interface ComplaintOdrClosedPayload extends ComplaintEventPayload {
  enterprise: string;
  result: 'settled' | 'failed';
  closedAt: string;
  onTime: boolean;
}

/** An admin moved a running complaint to the newest confirmed version of its rule set (re-base). */
export interface ComplaintRuleRebasedPayload extends ComplaintEventPayload {
  ruleSetId: string;
  fromVersion: number;
  toVersion: number;
}

/**
 * An admin confirmed the values of a shipped complaint rule set (Order 121). Records keep the
 * version they started under; new receipts use the confirmed version.
 */
export const RULE_SET_CONFIRMED = 'rule_set.confirmed';

export interface RuleSetConfirmedPayload {
  ruleSetId: string;
  version: number;
  periods: Record<string, { length?: number; unit?: 'working' | 'calendar' }>;
  confirmedBy: string;
  confirmedAt: string;
}
