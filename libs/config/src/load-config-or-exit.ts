import { ConfigError, loadConfig } from './load-config.js';

/** For `main.ts`: a wrong setting stops the boot with a clear list instead of a stack trace. */
export function loadConfigOrExit<T extends object>(cls: new () => T, app: string): T {
  try {
    return loadConfig(cls);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`[${app}] ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
