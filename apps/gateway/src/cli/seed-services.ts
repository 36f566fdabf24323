import type { CommandBus } from '../common/command-bus.js';
import type { RequestContext } from '../common/request-context.js';

export interface SeedOptions {
  year: number;
  /** Same seed, same demo. */
  seed: number;
  operators: number;
  leads: number;
  complaints: number;
  /** How long to wait for one service to consume another's events. */
  waitMs: number;
}

export const DEMO_DEFAULTS: SeedOptions = { year: 2026, seed: 2026, operators: 300, leads: 600, complaints: 240, waitMs: 180_000 };

const SEED_TIMEOUT_MS = 600_000;

interface DemoSubject {
  uscc: string;
  name: string;
  kind: string;
  bureau: string;
  platform?: string;
}

/**
 * Each service seeds its own records, in the order their events feed each other:
 * credit operators first (leads and complaints name them), then complaints (whose reports and
 * violations become leads), then leads (which work those too and file cases), then cases (which
 * work the filed cases, once the cases service has consumed the leads' decisions).
 */
export async function seedServices(commands: CommandBus, ctx: RequestContext, options: SeedOptions): Promise<Record<string, unknown>> {
  const { year, seed } = options;
  const records: Record<string, unknown> = {};
  const send = async <R>(service: string, data: Record<string, unknown>): Promise<R | undefined> => {
    try {
      return (records[service] = await commands.send<R>(`${service}.seed_demo`, ctx, data, SEED_TIMEOUT_MS));
    } catch (error) {
      records[service] = { skipped: (error as Error).message };
      return undefined;
    }
  };
  const credit = await send<{ subjects?: DemoSubject[] }>('credit', { year, count: options.operators });
  const operators = credit?.subjects ?? [];
  // The list went to the other seeds; the report keeps its size only.
  if (credit?.subjects) records.credit = { ...credit, subjects: operators.length };

  const complaints = await send<{ reports?: number; violations?: number }>('complaints', { year, seed, count: options.complaints, operators });
  records.waitForLeadsFromComplaints = await waitUntil(options.waitMs, async () => {
    const [reports, found] = await Promise.all([total(commands, ctx, 'leads.list', { channel: 'report' }), total(commands, ctx, 'leads.list', { channel: 'complaint' })]);
    return reports >= (complaints?.reports ?? 0) && found >= (complaints?.violations ?? 0);
  });

  const leads = await send<{ filed?: number }>('leads', { year, seed, count: options.leads, operators });
  records.waitForFiledCases = await waitUntil(options.waitMs, async () => (await total(commands, ctx, 'cases.list', {})) >= (leads?.filed ?? 0));

  await send('cases', { year, seed, operators });
  return records;
}

async function total(commands: CommandBus, ctx: RequestContext, pattern: string, filter: Record<string, string>): Promise<number> {
  return (await commands.send<{ total: number }>(pattern, ctx, { ...filter, page: 1, pageSize: 1 })).total;
}

/** Polls until the condition holds or the time is up; answers how long it took, or that it gave up. */
async function waitUntil(limitMs: number, condition: () => Promise<boolean>): Promise<{ waitedMs: number; complete: boolean }> {
  const started = Date.now();
  for (;;) {
    if (await condition()) return { waitedMs: Date.now() - started, complete: true };
    if (Date.now() - started > limitMs) return { waitedMs: Date.now() - started, complete: false };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
