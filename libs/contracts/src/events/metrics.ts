import type {
  Comparator,
  CountedStatus,
  ForecastOutlook,
  IndicatorCode,
  IndicatorFigure,
  OpenItem,
  RecordKind,
  Scorecard,
} from '#libs/domain';

/** Events the metrics service writes about its own state (domain.md §7, §8). */
export const METRICS_EVENTS = {
  configChanged: 'indicator.config_changed',
  scorecardItemScored: 'scorecard.item_scored',
  projectionRebuilt: 'indicator.projection_rebuilt',
} as const;

/**
 * The producers' event types the indicator projection consumes. Each carries the record's
 * snapshot, so any one of them refreshes the record's facts; the list errs on the generous side.
 */
export const PROJECTED_EVENT_TYPES: readonly string[] = [
  'lead.received',
  'lead.verification_started',
  'lead.paused',
  'lead.resumed',
  'lead.extended',
  'lead.decided',
  'lead.reported_back',
  'lead.reporter_notified',
  'lead.reassigned',
  'lead.rebased',
  'case.filed',
  'case.paused',
  'case.resumed',
  'case.extended',
  'case.step_recorded',
  'case.transferred',
  'case.jurisdiction_disputed',
  'case.jurisdiction_resolved',
  'case.police_transferred',
  'case.decided',
  'case.closed',
  'case.review_concluded',
  'complaint.received',
  'complaint.forwarded',
  'complaint.accepted',
  'complaint.rejected',
  'complaint.mediation_paused',
  'complaint.mediation_resumed',
  'complaint.mediation_ended',
  'complaint.closed',
  'complaint.rated',
  'complaint.odr_routed',
  'complaint.odr_accepted',
  'complaint.odr_closed',
];

/** Command patterns answered by the metrics service. */
export const METRICS_COMMANDS = {
  figures: 'metrics.figures',
  items: 'metrics.items',
  exportFigures: 'metrics.export_figures',
  exportItems: 'metrics.export_items',
  forecast: 'metrics.forecast',
  listConfig: 'metrics.list_config',
  setConfig: 'metrics.set_config',
  scorecard: 'metrics.scorecard',
  scoreItem: 'metrics.score_item',
  rebuild: 'metrics.rebuild',
} as const;

export type Breakdown = 'bureau' | 'channel' | 'officer';

/** Which records a query covers: the gateway resolves the bureau's subtree after checking visibility. */
export interface IndicatorScope {
  bureau: string;
  bureaus: string[];
  from?: string;
  to?: string;
  period?: string;
}

export interface FiguresQuery extends IndicatorScope {
  breakdown?: Breakdown;
}

export interface ItemsQuery extends IndicatorScope {
  code: string;
  status?: CountedStatus;
  page?: number;
  pageSize?: number;
}

export interface IndicatorRow extends IndicatorFigure {
  code: IndicatorCode;
  name: string;
  counted: string;
  nationalRate: number | null;
}

export interface FiguresReply {
  bureau: string;
  from: string;
  to: string;
  today: string;
  items: IndicatorRow[];
  breakdown?: { by: Breakdown; groups: { key: string; items: IndicatorRow[] }[] };
}

export interface IndicatorItemView {
  id: string;
  itemKey: string;
  kind: RecordKind;
  bureau: string;
  channel: string;
  officer: string;
  dueDate: string | null;
  doneDate: string | null;
  status: CountedStatus;
  /** Where the record's statutory clock explains its due date. */
  clock: string;
}

export interface ItemsReply {
  code: IndicatorCode;
  from: string;
  to: string;
  today: string;
  total: number;
  items: IndicatorItemView[];
}

/** A spreadsheet travelling back over NATS (base64: NATS payloads are bytes, replies are JSON). */
export interface XlsxReply {
  filename: string;
  base64: string;
}

export interface ForecastRow {
  code: IndicatorCode;
  name: string;
  current: IndicatorFigure;
  projected: IndicatorFigure;
  openItems: number;
  paceOnTimeRate: number;
  outlook: ForecastOutlook;
  mustBeOnTime: number | null;
  decidingItems: (OpenItem & { clock: string })[];
}

export interface ForecastReply {
  bureau: string;
  from: string;
  to: string;
  today: string;
  items: ForecastRow[];
}

export interface IndicatorConfigView {
  code: IndicatorCode;
  name: string;
  threshold: number | null;
  comparator: Comparator;
  minimumSample: number;
  nationalRate: number | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface SetConfigCommand {
  code: string;
  threshold: number | null;
  comparator: Comparator;
  minimumSample: number;
  nationalRate?: number | null;
}

export interface ScorecardQuery {
  bureau: string;
  bureaus: string[];
  year: number;
}

export interface ScorecardReply extends Scorecard {
  bureau: string;
  year: number;
}

export interface ScoreItemCommand {
  year: number;
  code: string;
  score: number;
  source: string;
  evidence?: string;
}

export interface RebuildReply {
  replayed: number;
  records: number;
  facts: number;
}

export interface IndicatorConfigChangedPayload {
  before: IndicatorConfigView | null;
  after: IndicatorConfigView;
}

export interface ScorecardItemScoredPayload {
  year: number;
  code: string;
  score: number;
  source: string;
  evidence: string | null;
}

export type ProjectionRebuiltPayload = RebuildReply;
