import { ValidationError } from '#libs/domain';

/**
 * An action's instant: defaults to now, may be back-dated, never in the future, and never
 * before the fact it follows (e.g. a decision before the receipt).
 */
export function actionInstant(value: string | undefined, field: string, now: Date, notBefore?: { at: Date | string; what: string }): Date {
  const at = value === undefined ? now : new Date(value);
  if (Number.isNaN(at.getTime())) throw ValidationError.field(field, 'isISO8601', `${field}：不是有效时间`);
  if (at.getTime() > now.getTime()) throw ValidationError.field(field, 'notInFuture', `${field}：不能晚于当前时间`);
  if (notBefore && at.getTime() < new Date(notBefore.at).getTime()) {
    throw ValidationError.field(field, 'notBeforePrevious', `${field}：不能早于${notBefore.what}`);
  }
  return at;
}
