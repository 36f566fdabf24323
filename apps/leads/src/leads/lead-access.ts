import type { ScopedActor } from '#libs/contracts';
import { ForbiddenError, NotFoundError } from '#libs/domain';
import type { LeadRow } from './lead.entity.js';

/** Own bureau and below; the sender of a transferred lead keeps read-only sight of it (domain.md §1). */
export function canRead(actor: ScopedActor, row: LeadRow): boolean {
  return actor.visibleBureaus.includes(row.bureau) || (row.senderBureau !== null && actor.visibleBureaus.includes(row.senderBureau));
}

export function isReadOnlyFor(actor: ScopedActor, row: LeadRow): boolean {
  return !actor.visibleBureaus.includes(row.bureau);
}

/** 404 for a lead the actor may not see (its existence is not disclosed). */
export function assertReadable(actor: ScopedActor, row: LeadRow | null, id: string): LeadRow {
  if (!row || !canRead(actor, row)) throw new NotFoundError('线索', id);
  return row;
}

/** Writes need the owning bureau's subtree; the sender only reads (403, since it already sees the lead). */
export function assertWritable(actor: ScopedActor, row: LeadRow | null, id: string): LeadRow {
  const readable = assertReadable(actor, row, id);
  if (isReadOnlyFor(actor, readable)) throw new ForbiddenError('已移送的线索，移出方只能查看');
  return readable;
}
