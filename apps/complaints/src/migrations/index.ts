import { InboxAttempts1766500000000 } from '#libs/messaging';
import { ComplaintRow } from '../complaints/complaint.entity.js';
import { PiiReadRow } from '../pii/pii-read.entity.js';
import { ReportRow } from '../reports/report.entity.js';
import { RuleConfirmationRow } from '../rule-sets/rule-confirmation.entity.js';
import { ComplaintsInit1764500000000 } from './1764500000000-complaints-init.js';

export const COMPLAINTS_ENTITIES = [ComplaintRow, PiiReadRow, ReportRow, RuleConfirmationRow];
export const COMPLAINTS_MIGRATIONS = [ComplaintsInit1764500000000, InboxAttempts1766500000000];
