import { InboxAttempts1766500000000 } from '#libs/messaging';
import { LeadPauseRow } from '../leads/lead-pause.entity.js';
import { LeadRow } from '../leads/lead.entity.js';
import { LeadsInit1764600000000 } from './1764600000000-leads-init.js';
import { LeadsTransfers1764700000000 } from './1764700000000-leads-transfers.js';

export const LEADS_ENTITIES = [LeadRow, LeadPauseRow];
export const LEADS_MIGRATIONS = [LeadsInit1764600000000, LeadsTransfers1764700000000, InboxAttempts1766500000000];
