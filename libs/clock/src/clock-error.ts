/** Same shape as `FieldProblem` in #libs/domain, so a service can rethrow it as a `ValidationError`. */
export interface ClockProblem {
  field: string;
  code: string;
  message: string;
}

export type ClockErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_INSTANT'
  | 'INVALID_TIME_ZONE'
  | 'INVALID_RANGE'
  | 'INVALID_PERIOD'
  | 'INVALID_PAUSE'
  | 'INVALID_EXTENSION'
  | 'INVALID_CALENDAR'
  | 'TODAY_REQUIRED'
  | 'NO_RULE_SET';

/**
 * Bad input to a clock rule. The clock cannot import #libs/domain (domain rules import the
 * clock, which would be a cycle), so it mirrors `DomainError`'s code / zh-CN message / details;
 * callers map it with `new ValidationError(e.code, e.message, e.details)`.
 */
export class ClockError extends Error {
  readonly details: ClockProblem[];

  constructor(
    readonly code: ClockErrorCode,
    message: string,
    field?: string,
    details?: ClockProblem[],
  ) {
    super(message);
    this.name = new.target.name;
    this.details = details ?? (field ? [{ field, code, message }] : []);
  }
}
