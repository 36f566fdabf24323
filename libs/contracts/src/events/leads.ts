import type { LeadSnapshot } from './snapshots.js';

/** Event types emitted by the leads service (domain.md §3, §8). */
export const LEAD_EVENTS = {
  received: 'lead.received',
  paused: 'lead.paused',
  resumed: 'lead.resumed',
  extended: 'lead.extended',
  decided: 'lead.decided',
  reportedBack: 'lead.reported_back',
  reporterNotified: 'lead.reporter_notified',
  duplicateFlagged: 'lead.duplicate_flagged',
} as const;

/** Events from the complaints service that become leads (channel `report` / `complaint`). */
export const REPORT_RECEIVED = 'report.received';
export const COMPLAINT_VIOLATION_FOUND = 'complaint.violation_found';

export interface LeadSubject {
  /** 统一社会信用代码, normalised (upper case). */
  uscc?: string;
  name?: string;
  platform?: string;
  storeUrl?: string;
}

export interface LeadReporter {
  name: string;
  phone: string;
  /** 实名举报: the reporter must be told the outcome within 5 WD of the decision. */
  realName: boolean;
}

interface LeadPayload {
  snapshot: LeadSnapshot;
}

export interface LeadReceivedPayload extends LeadPayload {
  subject: LeadSubject;
  superiorDueDate?: string;
  platformDueDate?: string;
  /** Where it came from: the report / complaint / platform item id, or the lead it was transferred from. */
  source?: { kind: 'report' | 'complaint' | 'platform_item' | 'external' | 'lead_transfer'; ref: string };
  /** Likely duplicate of this earlier lead (flagged, never dropped). */
  duplicateOf?: string;
}

export interface LeadPausedPayload extends LeadPayload {
  pauseId: string;
  reason: string;
  startedAt: string;
  recordedBy: string;
}

export interface LeadResumedPayload extends LeadPayload {
  pauseId: string;
  reason: string;
  startedAt: string;
  endedAt: string;
}

export interface LeadExtendedPayload extends LeadPayload {
  reason: string;
  approvedBy: string;
  approvedAt: string;
  length: number;
  unit: 'working' | 'calendar';
  previousDueDate: string;
}

/** Everything the cases service needs to file the case (立案) exactly once, keyed by `caseId`. */
export interface LeadCaseFiling {
  caseId: string;
  leadId: string;
  bureau: string;
  online: boolean;
  /** = the decision instant (立案日期). */
  filedAt: string;
  procedure?: 'ordinary' | 'fast_track';
  title: string;
  channel: LeadSnapshot['channel'];
  assignee: string;
  subject: LeadSubject;
}

export interface LeadDecidedPayload extends LeadPayload {
  outcome: 'file_case' | 'no_case' | 'transfer' | 'merge';
  decidedAt: string;
  onTime: boolean;
  reason?: string;
  /** Bureau code (a transfer_in lead is created there) or the name of another department. */
  transferTo?: string;
  /** The transfer_in lead created at the receiving bureau. */
  transferredLeadId?: string;
  mergeInto?: string;
  caseId?: string;
  procedure?: 'ordinary' | 'fast_track';
  subject: LeadSubject;
  filing?: LeadCaseFiling;
}

export interface LeadReportedBackPayload extends LeadPayload {
  reportedAt: string;
  onTime: boolean;
}

export interface LeadReporterNotifiedPayload extends LeadPayload {
  notifiedAt: string;
  noticeDueDate: string;
  onTime: boolean;
}

export interface LeadDuplicateFlaggedPayload extends LeadPayload {
  duplicateOf: string;
  subjectKey: string;
  fingerprint: string;
}

/** `report.received` (complaints service → leads): a 举报 becomes a lead with channel `report`. */
export interface ReportReceivedPayload {
  reportId: string;
  bureau: string;
  online: boolean;
  receivedAt: string;
  title: string;
  description?: string;
  subject: LeadSubject;
  reporter: LeadReporter;
}

/** `complaint.violation_found` (complaints → leads): a complaint revealing a violation becomes a lead. */
export interface ComplaintViolationFoundPayload {
  complaintId: string;
  bureau: string;
  online: boolean;
  foundAt: string;
  title: string;
  description?: string;
  subject: LeadSubject;
}
