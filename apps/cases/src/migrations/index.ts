import { CaseRow } from '../cases/case.entity.js';
import { EvidenceRow, EvidenceUploadPartRow } from '../evidence/evidence.entity.js';
import { SoftMeasureRow } from '../soft-measures/soft-measure.entity.js';
import { CasesInit1764600000000 } from './1764600000000-cases-init.js';

export const CASES_ENTITIES = [CaseRow, EvidenceRow, EvidenceUploadPartRow, SoftMeasureRow];
export const CASES_MIGRATIONS = [CasesInit1764600000000];
