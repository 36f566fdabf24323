// Shapes of api.md as the console reads them; fields the services may add are optional.
export type Role = 'officer' | 'complaint_handler' | 'supervisor' | 'admin' | 'integration';

export interface SessionUser {
  username: string;
  role: Role;
  bureau: string;
  displayName?: string | null;
}

export interface Bureau {
  code: string;
  name: string;
  parent?: string | null;
  level?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** A work queue: the open records (up to 500), earliest due first, with the reminder counts. */
export interface Queue<T> {
  items: T[];
  dueSoon: number;
  overdue: number;
}

export interface Pause {
  reason: string;
  startedAt: string;
  endedAt?: string | null;
}

export interface Subject {
  uscc?: string;
  name?: string;
  platform?: string;
  storeUrl?: string;
}

export interface Lead {
  id: string;
  readOnly?: boolean;
  bureau: string;
  channel: string;
  online: boolean;
  status: string;
  title: string;
  description?: string;
  subject: Subject;
  receivedAt: string;
  dueDate: string;
  provisional: boolean;
  extended: boolean;
  extension?: { reason: string; approvedBy: string; approvedAt: string };
  pauses: Pause[];
  outcome?: string;
  decidedAt?: string;
  caseId?: string;
  reportedBackAt?: string;
  duplicateOf?: string;
  /** Outcome `transfer`: the bureau (or department) it went to, and the lead opened there. */
  transferTo?: string;
  transferredLeadId?: string;
  onTime?: boolean;
  ruleUnconfirmed?: boolean;
  overdue?: boolean;
  dueSoon?: boolean;
}

export interface CaseRecord {
  id: string;
  /** Seen by a bureau the case was transferred away from: history only, no actions. */
  readOnly?: boolean;
  /** Absent for a simplified case (简易程序), which has no lead. */
  leadId?: string;
  bureau: string;
  originBureau: string;
  procedure: string;
  status: string;
  filedAt: string;
  /** Absent for a simplified case: decided on the spot, no clock. */
  dueDate?: string;
  provisional: boolean;
  overdue?: boolean;
  dueSoon?: boolean;
  extensions: { kind: string; reason: string; length?: number; newDueDate?: string; approvedBy?: string }[];
  pauses: Pause[];
  transfers: { from: string; to: string; at: string; reason?: string }[];
  steps?: { step: string; at: string }[];
  decision?: { result: string; decidedAt?: string; penalties?: { type: string; amount?: number }[] };
  closedAt?: string;
  reviews: { kind: string; outcome: string; procedural?: boolean; concludedAt?: string }[];
  evidence?: Evidence[];
  title?: string;
  channel?: string;
}

export interface Evidence {
  id: string;
  type: string;
  fileName?: string;
  size?: number;
  sourceUrl?: string | null;
  capturedAt?: string;
  capturedBy?: string;
  method?: string;
  sha256: string;
  /** Only on `GET /cases/:id/evidence/:evidenceId`, which re-hashes the stored bytes. */
  verified?: boolean;
  integrity?: 'ok' | 'mismatch' | 'missing';
  actualSha256?: string | null;
}

export interface Complaint {
  id: string;
  bureau: string;
  online: boolean;
  channel: string;
  status: string;
  receivedAt: string;
  acceptanceDueDate: string;
  mediationDueDate?: string;
  consumer: { name?: string; phone?: string; idNumber?: string; address?: string; masked?: boolean };
  operator: Subject;
  description?: string;
  amount?: number;
  acceptance?: { accepted: boolean; reason?: string; decidedAt?: string };
  mediationResult?: string;
  mediationEndedAt?: string;
  currentDueDate?: string;
  overdue?: boolean;
  consumerMasked?: boolean;
  closedAt?: string;
  satisfaction?: string;
  forwards?: { from: string; to: string; at: string }[];
  /** The rule set version the complaint's clocks run on (kept until an admin re-bases it). */
  ruleSet?: { id: string; version: number; title?: string };
  ruleUnconfirmed?: boolean;
}

export interface Indicator {
  code: string;
  name: string;
  numerator: number;
  denominator: number;
  value: number | null;
  threshold: number | null;
  comparator: string;
  met: boolean | null;
  lateBudget?: number | null;
  belowMinimumSample?: boolean;
  minimumSample?: number;
  onTime?: number;
  late?: number;
  missing?: number;
  /** What the indicator counts, in words (zh-CN). */
  counted?: string;
  nationalRate?: number | null;
}

export interface CreditFactor {
  code: string;
  label: string;
  points: number;
  source?: string;
}

export interface CreditRecordItem {
  id: string;
  kind: string;
  date: string;
  bureau: string;
  description: string;
  repairedDate?: string;
  /** The decision was revoked: kept for history, no longer a factor. */
  voided?: { date: string; reason: string };
}

export interface CreditRepair {
  id: string;
  uscc: string;
  recordId: string;
  reason: string;
  evidence?: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedBy: string;
  requestedAt: string;
  decision?: { approved: boolean; reason: string; decidedBy: string; decidedAt: string };
}

/** An item of `GET /credit-repairs`: the request with its operator and the penalty it would repair. */
export interface CreditRepairQueueItem extends CreditRepair {
  bureau: string;
  operatorName: string;
  record?: { date: string; description: string };
}

/** `GET /operators/:uscc/credit`: the grade as of a date, its factors and the record behind them. */
export interface CreditGrade {
  grade: string;
  score: number;
  factors: CreditFactor[];
  asOf: string;
  ruleVersion: string;
  record: {
    items: CreditRecordItem[];
    listEntries: { id: string; list: string; category: string; enteredDate: string; reason: string; removedDate?: string }[];
    complaints: { complaintId: string; receivedDate: string; mediationResult: string | null; mediationEndedDate: string | null }[];
  };
}
