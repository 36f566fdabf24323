import type { CommandMessage } from '#libs/contracts';
import { ForbiddenError, NotFoundError, ValidationError } from '#libs/domain';
import type { Role } from '#libs/contracts';

/** Roles the gateway already narrowed; checked again because services trust no caller. */
export function requireRole(cmd: CommandMessage, roles: readonly Role[]): void {
  if (!roles.includes(cmd.actor.role)) throw new ForbiddenError(`此操作仅限角色：${roles.join('、')}`);
}

export function requireVisible(cmd: CommandMessage, bureaus: readonly string[], what: string, id: string): void {
  if (!bureaus.some((b) => cmd.actor.visibleBureaus.includes(b))) throw new NotFoundError(what, id);
}

/** Back-dated entries are normal; a date after today is a typing error. */
export function notAfterToday(field: string, date: string, today: string): void {
  if (date > today) throw ValidationError.field(field, 'notInFuture', `${field}：不能晚于今天（${today}）`);
}
