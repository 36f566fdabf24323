import type { Role, ScopedActor } from '#libs/contracts';
import { ForbiddenError, NotFoundError } from '#libs/domain';
import type { ComplaintRow } from './complaint.entity.js';

/** Who may see it: the holding bureau's subtree, and read-only the bureaus that forwarded it. */
export function readAccess(actor: ScopedActor, row: ComplaintRow | null, id: string): { row: ComplaintRow; readOnly: boolean } {
  if (row && actor.visibleBureaus.includes(row.bureau)) return { row, readOnly: false };
  if (row && row.previousBureaus.some((b) => actor.visibleBureaus.includes(b))) return { row, readOnly: true };
  throw new NotFoundError('投诉', id);
}

/** Writes need the holding bureau's subtree; a sender only reads (403 names why). */
export function writeAccess(actor: ScopedActor, row: ComplaintRow | null, id: string): ComplaintRow {
  const { row: found, readOnly } = readAccess(actor, row, id);
  if (readOnly) throw new ForbiddenError(`该投诉已移送至 ${found.bureau}，本局仅可查看`);
  return found;
}

export function requireRole(actor: ScopedActor, roles: Role[], what: string): void {
  if (!roles.includes(actor.role)) throw new ForbiddenError(`${what}仅限角色：${roles.join('、')}`);
}

export const HANDLING_ROLES: Role[] = ['complaint_handler'];
