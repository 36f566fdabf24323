import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => Object.values(e.constraints ?? {}).map((msg) => `${e.property}: ${msg}`));
}

/** Environment values are strings; a setting whose default is a number or boolean gets one. */
function coerce(defaultValue: unknown, value: string): unknown {
  if (typeof defaultValue === 'number') return value.trim() === '' ? value : Number(value);
  if (typeof defaultValue === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

/**
 * Reads and validates a config class from the environment. Fails the boot with every
 * wrong variable named, so an operator fixes them all in one go.
 */
export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new cls() as Record<string, unknown>;
  const present = Object.fromEntries(
    Object.entries(env)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([key, value]) => [key, coerce(defaults[key], value!)]),
  );
  const instance = plainToInstance(cls, { ...defaults, ...present });
  const problems = describe(validateSync(instance, { whitelist: false, forbidUnknownValues: false }));
  if (problems.length > 0) throw new ConfigError(problems);
  return instance;
}
