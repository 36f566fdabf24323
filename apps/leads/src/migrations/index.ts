import { LeadPauseRow } from '../leads/lead-pause.entity.js';
import { LeadRow } from '../leads/lead.entity.js';
import { LeadsInit1764600000000 } from './1764600000000-leads-init.js';

export const LEADS_ENTITIES = [LeadRow, LeadPauseRow];
export const LEADS_MIGRATIONS = [LeadsInit1764600000000];
