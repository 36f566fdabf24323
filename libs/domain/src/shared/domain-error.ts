/** A field-level problem, reported to the client as `details[]`. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/**
 * Base of every rule violation. Carries a stable code and a zh-CN message; the transport
 * mappers (RPC, HTTP) decide the status from the subclass, never the domain.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'validation' | 'not_found' | 'illegal_transition' | 'forbidden' | 'conflict';

  constructor(
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly kind = 'validation' as const;

  static field(field: string, code: string, message: string): ValidationError {
    return new ValidationError('VALIDATION_FAILED', message, [{ field, code, message }]);
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found' as const;

  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} 不存在或无权查看`);
  }
}

/** A transition the record's current state forbids (409, with the current state). */
export class IllegalTransitionError extends DomainError {
  readonly kind = 'illegal_transition' as const;

  constructor(
    readonly currentState: string,
    message: string,
    code = 'ILLEGAL_TRANSITION',
  ) {
    super(code, `${message}（当前状态：${currentState}）`, [{ field: 'status', code, message: currentState }]);
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;

  constructor(message = '当前角色无权执行此操作') {
    super('FORBIDDEN', message);
  }
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
}
