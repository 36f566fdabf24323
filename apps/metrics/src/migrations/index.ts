import { InboxAttempts1766500000000 } from '#libs/messaging';
import { IndicatorConfigRow } from '../indicators/indicator-config.entity.js';
import { IndicatorFactRow } from '../projection/indicator-fact.entity.js';
import { ProjectedRecordRow } from '../projection/projected-record.entity.js';
import { ScorecardEntryRow } from '../scorecard/scorecard-entry.entity.js';
import { MetricsInit1764900000000 } from './1764900000000-metrics-init.js';
import { IndicatorRollup1765200000000 } from './1765200000000-indicator-rollup.js';
import { IndicatorYearRollup1766000000000 } from './1766000000000-indicator-year-rollup.js';

export const METRICS_ENTITIES = [ProjectedRecordRow, IndicatorFactRow, IndicatorConfigRow, ScorecardEntryRow];
export const METRICS_MIGRATIONS = [MetricsInit1764900000000, IndicatorRollup1765200000000, IndicatorYearRollup1766000000000, InboxAttempts1766500000000];
