import type { IndicatorScope, ScopedActor } from '#libs/contracts';
import { ForbiddenError, indicatorDefinition, isIndicatorCode, NotFoundError, type IndicatorDefinition, type RecordKind } from '#libs/domain';

// `system` is the gateway's own scrape of /metrics (root bureaus only).
const READERS = new Set(['officer', 'complaint_handler', 'supervisor', 'admin', 'system']);

/** Indicators are for the bureau's own staff; the integration key has no business here. */
export function assertReader(actor: ScopedActor): void {
  if (!READERS.has(actor.role)) throw new ForbiddenError('当前角色无权查看考核指标');
}

export function assertAdmin(actor: ScopedActor): void {
  if (actor.role !== 'admin') throw new ForbiddenError('仅管理员可修改指标配置和评分');
}

/** The gateway resolved the subtree; re-check it here, since visibility is the service's duty. */
export function assertScope(actor: ScopedActor, scope: Pick<IndicatorScope, 'bureau' | 'bureaus'>): void {
  const bureaus = scope.bureaus ?? [];
  if (bureaus.length === 0 || !bureaus.includes(scope.bureau) || bureaus.some((b) => !actor.visibleBureaus.includes(b))) {
    throw new NotFoundError('机构', scope.bureau);
  }
}

export function definitionOf(code: string): IndicatorDefinition {
  if (!isIndicatorCode(code)) throw new NotFoundError('指标', code);
  return indicatorDefinition(code);
}

/** The record's statutory clock ("why this date"), served by its own service. */
export function clockLink(kind: RecordKind, id: string): string {
  return `/api/v1/${kind}s/${encodeURIComponent(id)}/clock`;
}
