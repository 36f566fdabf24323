import { InboxAttempts1766500000000 } from '#libs/messaging';
import { InspectionDrawRow, InspectionPolicyRow } from '../inspections/inspection.entities.js';
import { OperatorRow } from '../operators/operator.entity.js';
import { ComplaintFactRow, CreditRecordRow, CreditRepairRow, ListEntryRow, OperatorGradeRow } from '../record/record.entities.js';
import { CreditInit1764400000000 } from './1764400000000-credit-init.js';
import { CreditRepairQueue1766200000000 } from './1766200000000-credit-repair-queue.js';
import { CreditGradeNextChange1766300000000 } from './1766300000000-credit-grade-next-change.js';
import { CreditRecordVoid1766400000000 } from './1766400000000-credit-record-void.js';

export const CREDIT_ENTITIES = [OperatorRow, CreditRecordRow, ListEntryRow, ComplaintFactRow, CreditRepairRow, OperatorGradeRow, InspectionPolicyRow, InspectionDrawRow];
export const CREDIT_MIGRATIONS = [CreditInit1764400000000, CreditRepairQueue1766200000000, CreditGradeNextChange1766300000000, CreditRecordVoid1766400000000, InboxAttempts1766500000000];
