import { IsString, registerDecorator, type ValidationArguments } from 'class-validator';
import { ServiceConfig } from '#libs/config';
import { parsePiiKey } from './pii/pii-key.js';

/** Development-only key: refused when NODE_ENV=production. */
export const DEV_PII_KEY = '0000000000000000000000000000000000000000000000000000000000000000';

function IsPiiKey(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPiiKey',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be a 32-byte key written as 64 hex characters or base64, and not the development key in production' },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          if (typeof value !== 'string' || parsePiiKey(value) === undefined) return false;
          return (args.object as ComplaintsConfig).NODE_ENV !== 'production' || value !== DEV_PII_KEY;
        },
      },
    });
}

export class ComplaintsConfig extends ServiceConfig {
  @IsString()
  NODE_ENV = 'development';

  /** Secret: AES-256-GCM key for complainant and reporter personal data at rest. */
  @IsPiiKey()
  PII_KEY = DEV_PII_KEY;
}
