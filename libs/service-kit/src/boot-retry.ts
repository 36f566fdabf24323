import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelay } from '#libs/messaging';
import { isDatabaseUnavailable } from './database-unavailable.js';

/**
 * How long a booting service waits for its database: a restart, a failover, or a pod scheduled
 * before PostgreSQL is up are over well within it. Past it the service exits and its supervisor
 * decides (a crash loop then says something is really wrong).
 */
export const BOOT_DATABASE_WAIT_MS = 120_000;

/**
 * Runs `work` (the boot migration) again while the database cannot be reached, with backoff,
 * for up to `forMs`; any other failure is thrown at once. A service restarted while PostgreSQL
 * is restarting then comes up when it does instead of crashing.
 */
export async function whenDatabaseReachable<T>(work: () => Promise<T>, warn: (message: string) => void, forMs = BOOT_DATABASE_WAIT_MS): Promise<T> {
  const deadline = Date.now() + forMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const pause = backoffDelay(attempt, 200, 5000);
      if (!isDatabaseUnavailable(error) || Date.now() + pause > deadline) throw error;
      warn(`database unreachable at boot (${error instanceof Error ? error.message : String(error)}); trying again in ${pause} ms`);
      await sleep(pause);
    }
  }
}
