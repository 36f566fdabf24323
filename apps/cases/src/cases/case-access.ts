import type { Actor, Role, ScopedActor } from '#libs/contracts';
import { ForbiddenError, NotFoundError, ValidationError } from '#libs/domain';
import type { CaseRow } from './case.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The owning bureau's subtree sees and edits; earlier owners (senders) only read. */
export function caseAccess(row: CaseRow, actor: ScopedActor): 'write' | 'read' | 'none' {
  if (actor.visibleBureaus.includes(row.bureau)) return 'write';
  if (row.pastBureaus.some((b) => actor.visibleBureaus.includes(b))) return 'read';
  return 'none';
}

export function assertReadable(row: CaseRow | null, actor: ScopedActor, id: string): CaseRow {
  if (!row || caseAccess(row, actor) === 'none') throw new NotFoundError('案件', id);
  return row;
}

export function assertWritable(row: CaseRow | null, actor: ScopedActor, id: string): CaseRow {
  const readable = assertReadable(row, actor, id);
  if (caseAccess(readable, actor) !== 'write') throw new ForbiddenError('案件已移送，移送方仅可查看');
  return readable;
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) throw new ForbiddenError(`此操作仅限角色：${roles.join('、')}`);
}

/** The event actor: the token's identity without the scope list. */
export function eventActor(actor: Actor): Actor {
  return { username: actor.username, role: actor.role, bureau: actor.bureau };
}

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NO_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * A client instant: absent → now; a bare date or an offset-less time is Asia/Shanghai wall time
 * (never the server's zone); never in the future — statutory facts are recorded after they happen.
 */
export function instantOf(value: string | undefined, field: string, now: Date): Date {
  if (value === undefined) return now;
  let text = value;
  if (BARE_DATE.test(text)) text = `${text}T00:00:00+08:00`;
  else if (NO_OFFSET.test(text)) text = `${text}+08:00`;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw ValidationError.field(field, 'INVALID_INSTANT', `${field}：不是有效时间`);
  if (date.getTime() > now.getTime()) throw ValidationError.field(field, 'NOT_IN_FUTURE', `${field}：不能晚于当前时间`);
  return date;
}

export function notBefore(instant: Date, earliest: Date, field: string, what: string): void {
  if (instant.getTime() < earliest.getTime()) {
    throw ValidationError.field(field, 'TOO_EARLY', `${field}：不能早于${what}`);
  }
}
