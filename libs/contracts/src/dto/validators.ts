import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isValidUscc, normaliseUscc } from '#libs/domain';

/** 统一社会信用代码 with a correct GB 32100-2015 check character (code `isUscc` → 400 INVALID_USCC). */
export function IsUscc(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isUscc',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a valid unified social credit code (GB 32100-2015 check character)', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidUscc(normaliseUscc(value)) },
    });
}

const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A real calendar date written YYYY-MM-DD (code `isLocalDate`). */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a date written YYYY-MM-DD', ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !LOCAL_DATE.test(value)) return false;
          const d = new Date(`${value}T00:00:00Z`);
          return d.toISOString().slice(0, 10) === value;
        },
      },
    });
}

/**
 * The body of a command that takes none (rebuild, rebase): with the global pipe forbidding
 * unknown fields, any field sent is a 400 instead of being silently ignored.
 */
export class EmptyBodyDto {}
