import type { ListCategory, Sector } from './operator.js';
import { penaltyKindOf, type PenaltyItem } from './penalty.js';
import { addMonths } from './months.js';

/**
 * Minimum publication before a penalty may be repaired early (提前停止公示): 6 months, or
 * 12 months for food, drugs and special equipment (市场监督管理信用修复管理办法).
 */
export const MIN_PUBLICATION_MONTHS: Record<Sector, number> = { general: 6, food: 12, drug: 12, special_equipment: 12 };

/** What the exclusion rules look at: the penalty itself and the operator's state on the request date. */
export interface RepairContext {
  penalties: readonly PenaltyItem[];
  sector: Sector;
  /** Categories of serious-dishonesty entries open on the request date. */
  openSeriousDishonesty: readonly ListCategory[];
  /** Decision dates of this operator's repairs approved before the request date. */
  approvedRepairDates: readonly string[];
  requestDate: string;
}

export interface RepairExclusion {
  code: string;
  label: string;
  applies(ctx: RepairContext): boolean;
}

const SENSITIVE: readonly Sector[] = ['food', 'drug', 'special_equipment'];

/** Cases that are never repaired early, kept as data so the list can grow without new code paths. */
export const REPAIR_EXCLUSIONS: readonly RepairExclusion[] = [
  {
    code: 'LICENSE_REVOKED',
    label: '被吊销许可证照或营业执照的行政处罚',
    applies: (ctx) => ctx.penalties.some((p) => penaltyKindOf(p.type) === 'license_revocation'),
  },
  {
    code: 'SENSITIVE_SECTOR_SUSPENSION',
    label: '食品、药品、特种设备领域被责令停产停业的行政处罚',
    applies: (ctx) => SENSITIVE.includes(ctx.sector) && ctx.penalties.some((p) => penaltyKindOf(p.type) === 'suspension'),
  },
  {
    code: 'LIFE_HEALTH_DISHONESTY',
    label: '因严重危害人民群众身体健康和生命安全被列入严重违法失信名单',
    applies: (ctx) => ctx.openSeriousDishonesty.includes('life_health'),
  },
  {
    code: 'REPAIRED_WITHIN_YEAR',
    label: '一年内已获准信用修复',
    applies: (ctx) => ctx.approvedRepairDates.some((d) => addMonths(d, 12) > ctx.requestDate),
  },
];

export type RepairEligibility =
  | { allowed: true; earliestDate: string }
  | { allowed: false; reason: 'PUBLICATION_ENDED'; publicationEnd: string }
  | { allowed: false; reason: 'MIN_PERIOD_NOT_PASSED'; earliestDate: string }
  | { allowed: false; reason: 'EXCLUDED'; exclusions: { code: string; label: string }[] };

/**
 * Whether a penalty decided on `decidedDate` and published until `publicationEnd` may be
 * repaired on `ctx.requestDate`. The minimum period counts like the publication period:
 * decided 2026-01-15 → first repairable date 2026-07-15 (general sector).
 */
export function repairEligibility(decidedDate: string, publicationEnd: string, ctx: RepairContext): RepairEligibility {
  if (ctx.requestDate >= publicationEnd) return { allowed: false, reason: 'PUBLICATION_ENDED', publicationEnd };
  const exclusions = REPAIR_EXCLUSIONS.filter((e) => e.applies(ctx)).map(({ code, label }) => ({ code, label }));
  if (exclusions.length > 0) return { allowed: false, reason: 'EXCLUDED', exclusions };
  const earliestDate = addMonths(decidedDate, MIN_PUBLICATION_MONTHS[ctx.sector]);
  if (ctx.requestDate < earliestDate) return { allowed: false, reason: 'MIN_PERIOD_NOT_PASSED', earliestDate };
  return { allowed: true, earliestDate };
}
