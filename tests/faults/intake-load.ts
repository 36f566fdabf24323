/** Concurrent intake clients through the gateway, each request bounded by a client timeout. */

export type IntakeKind = 'complaint' | 'lead';

export interface IntakeOutcome {
  kind: IntakeKind;
  /** Unique text carried in the record (complaint description, lead title) to find it again. */
  tag: string;
  status: number | 'timeout' | 'network';
  /** The record id the gateway acknowledged (2xx only). */
  id?: string;
  /** The gateway's request id (response header x-request-id): its audit entry carries it. */
  requestId?: string;
  body?: unknown;
  ms: number;
}

export const CLIENT_TIMEOUT_MS = 5000;
const RETRY_PAUSE_MS = 100;
/** Every intake and indicator query of the test is in this one bureau (a leaf of the seeded tree). */
export const BUREAU = '320902';

/** A deterministic generator (mulberry32), so a failing run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Back-filled receipts over the last ~100 days (so deadlines have passed and indicators count them), some received now. */
function receivedAt(random: () => number): string | undefined {
  if (random() < 0.2) return undefined;
  const hoursBack = 1 + Math.floor(random() * 100 * 24);
  return new Date(Date.now() - hoursBack * 3600_000).toISOString();
}

export function complaintBody(tag: string, random: () => number): Record<string, unknown> {
  const at = receivedAt(random);
  return {
    online: random() < 0.85,
    channel: '12315',
    ...(at ? { receivedAt: at } : {}),
    consumer: { name: '王小明', phone: '13812345678' },
    operator: { name: `盐城${tag}电子商务有限公司`, platform: '淘宝', storeUrl: `https://shop.example.com/${tag}` },
    description: `${tag} 购买的水果与宣传不符，要求退款`,
    amount: 99.5,
  };
}

const LEAD_CHANNELS = ['report', 'platform_monitoring', 'inspection'] as const;

export function leadBody(tag: string, random: () => number): Record<string, unknown> {
  const at = receivedAt(random);
  return {
    channel: LEAD_CHANNELS[Math.floor(random() * LEAD_CHANNELS.length)],
    online: random() < 0.85,
    ...(at ? { receivedAt: at } : {}),
    title: `${tag} 销售假冒运动鞋`,
    subject: { name: `盐城${tag}商贸有限公司`, platform: '某平台', storeUrl: `https://shop.example.com/${tag}` },
  };
}

export interface LoadOptions {
  baseUrl: string;
  tokens: Record<IntakeKind, string>;
  kinds: IntakeKind[];
  clientsPerKind: number;
  random: () => number;
  /** The load stops once this resolves; requests in flight finish first. */
  until: Promise<void>;
}

async function post(baseUrl: string, token: string, kind: IntakeKind, tag: string, body: unknown): Promise<IntakeOutcome> {
  const started = Date.now();
  const path = kind === 'complaint' ? '/api/v1/complaints' : '/api/v1/leads';
  try {
    const res = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    const id = res.ok ? (parsed as { id?: string } | undefined)?.id : undefined;
    const requestId = res.headers.get('x-request-id') ?? undefined;
    return { kind, tag, status: res.status, ...(id ? { id } : {}), ...(requestId ? { requestId } : {}), body: parsed, ms: Date.now() - started };
  } catch (error) {
    const name = (error as Error).name;
    const status = name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network';
    return { kind, tag, status, body: String((error as Error).message), ms: Date.now() - started };
  }
}

/** Runs `clientsPerKind` sequential clients per kind until `until` resolves; returns every outcome. */
export async function runIntakeLoad(o: LoadOptions): Promise<IntakeOutcome[]> {
  let stop = false;
  void o.until.then(() => (stop = true));
  const outcomes: IntakeOutcome[] = [];
  let n = 0;
  const client = async (kind: IntakeKind, c: number) => {
    while (!stop) {
      const tag = `FT${kind === 'complaint' ? 'C' : 'L'}${c}-${++n}`;
      const body = kind === 'complaint' ? complaintBody(tag, o.random) : leadBody(tag, o.random);
      const outcome = await post(o.baseUrl, o.tokens[kind], kind, tag, body);
      outcomes.push(outcome);
      // A client told to come back later waits a moment, as a real one would.
      if (outcome.status !== 201) await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS));
    }
  };
  await Promise.all(o.kinds.flatMap((kind) => Array.from({ length: o.clientsPerKind }, (_, c) => client(kind, c))));
  return outcomes;
}

