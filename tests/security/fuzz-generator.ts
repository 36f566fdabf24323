import { randomUUID } from 'node:crypto';
import { wrongCheck, type TestRole } from './security-fixtures.js';

/** mulberry32: small, fast and seedable, so a failing request is reproduced from the seed and its index. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof prng>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The ids of real records the fuzz aims at, so service-side checks are reached too. */
export interface FuzzTargets {
  lead: string;
  case: string;
  complaint: string;
  uscc: string;
}

export interface WriteRoute {
  key: string;
  method: string;
  path: string;
  role?: TestRole;
  /** A body the route would accept; every request below breaks it in at least one way. */
  body?: JsonObject;
  /** Dotted paths of required fields. */
  required?: string[];
  multipart?: 'evidence' | 'import';
}

export interface FuzzRequest {
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | FormData | Uint8Array;
  /** A 2xx that is still right: an import report taking no row, or a body-less route ignoring a body. */
  harmless2xx?: (body: unknown) => boolean;
}

const PAST = '2026-11-20T10:00:00+08:00';

/** The valid starting point of every write route (bodies as api.md and the DTOs define them). */
export function writeRouteBodies(): Record<string, Omit<WriteRoute, 'key' | 'method' | 'path'>> {
  const O: TestRole = 'officer';
  const S: TestRole = 'supervisor';
  const CH: TestRole = 'complaint_handler';
  const A: TestRole = 'admin';
  const subject = { uscc: '${uscc}', name: '盐城某某商贸有限公司', platform: '某平台', storeUrl: 'https://shop.example.com/1' };
  const period = { length: 7, unit: 'working' };
  const grade = { samplingRatio: 0.25, checksPerYear: 1 };
  return {
    'POST /api/v1/auth/login': { body: { username: 'nobody', password: 'wrong-password' }, required: ['username', 'password'] },
    'POST /api/v1/users': { role: A, body: { username: 'fuzz.user', password: 'long-enough-pw', role: 'officer', bureau: '320902' }, required: ['username', 'password', 'role', 'bureau'] },
    // {username} is no user here: a body that passes validation is a 404 and issues nothing.
    'POST /api/v1/users/{username}/api-keys': { role: A, body: { label: '12315 数据交换' }, required: ['label'] },
    'PUT /api/v1/calendar/years/{year}': { role: A, body: { holidays: [{ date: '2026-01-01', name: '元旦' }], workdays: [{ date: '2026-01-04' }] }, required: ['holidays', 'workdays', 'holidays.0.date', 'holidays.0.name', 'workdays.0.date'] },
    'POST /api/v1/leads': {
      role: O,
      body: { channel: 'report', online: true, receivedAt: PAST, title: '销售假冒运动鞋', description: '买家反映', subject, reporter: { name: '张三', phone: '13812345678', realName: true } },
      required: ['channel', 'online', 'title', 'subject', 'reporter.name', 'reporter.phone', 'reporter.realName'],
    },
    'POST /api/v1/leads/import': { role: O, multipart: 'import' },
    'POST /api/v1/leads/{id}/pauses': { role: O, body: { reason: 'testing', startedAt: PAST }, required: ['reason'] },
    'POST /api/v1/leads/{id}/pauses/current/end': { role: O, body: { endedAt: PAST } },
    'POST /api/v1/leads/{id}/extension': { role: S, body: { reason: '案情复杂' }, required: ['reason'] },
    'POST /api/v1/leads/{id}/decision': { role: O, body: { outcome: 'no_case', reason: '不构成违法', decidedAt: PAST }, required: ['outcome', 'reason'] },
    'POST /api/v1/leads/{id}/report-back': { role: O, body: { reportedAt: PAST } },
    'POST /api/v1/leads/{id}/reporter-notice': { role: O, body: { notifiedAt: PAST } },
    'POST /api/v1/cases/simplified': {
      role: O,
      body: { decidedAt: PAST, online: true, subject, penalties: [{ type: 'fine', amount: 200 }] },
      required: ['subject', 'penalties', 'penalties.0.type'],
    },
    'POST /api/v1/cases/{id}/pauses': { role: O, body: { reason: 'testing', startedAt: PAST }, required: ['reason'] },
    'POST /api/v1/cases/{id}/pauses/current/end': { role: O, body: { endedAt: PAST } },
    'POST /api/v1/cases/{id}/extension': { role: S, body: { kind: 'standard', reason: '案情复杂' }, required: ['kind', 'reason'] },
    'POST /api/v1/cases/{id}/steps': { role: O, body: { step: 'notice', at: PAST }, required: ['step', 'at'] },
    'POST /api/v1/cases/{id}/transfer': {
      role: O,
      body: { toBureau: '320903', reason: '管辖', transferredAt: PAST, basis: { operatorKind: 'own_site', domicileBureau: '320903' } },
      required: ['toBureau', 'reason', 'basis.operatorKind', 'basis.domicileBureau'],
    },
    'POST /api/v1/cases/{id}/jurisdiction-dispute': { role: O, body: { reason: '管辖争议', raisedAt: PAST }, required: ['reason'] },
    'POST /api/v1/cases/{id}/jurisdiction-dispute/resolution': { role: O, body: { kind: 'agreed', bureau: '320903', at: PAST }, required: ['kind', 'bureau'] },
    'POST /api/v1/cases/{id}/police-transfer': { role: O, body: { organ: '盐城市公安局', reason: '涉嫌犯罪', reportedAt: PAST }, required: ['organ', 'reason'] },
    'POST /api/v1/cases/{id}/police-transfer/approval': { role: S, body: { approvedAt: PAST } },
    'POST /api/v1/cases/{id}/police-transfer/handover': { role: O, body: { transferredAt: PAST } },
    'POST /api/v1/cases/{id}/police-transfer/result': { role: O, body: { result: 'accepted', at: PAST, outcome: '立案侦查' }, required: ['result'] },
    'POST /api/v1/cases/{id}/decision': { role: O, body: { result: 'penalty', decidedAt: PAST, penalties: [{ type: 'fine', amount: 5000 }] }, required: ['result', 'penalties.0.type'] },
    'POST /api/v1/cases/{id}/close': { role: O, body: { closedAt: PAST } },
    'POST /api/v1/cases/{id}/reviews': { role: O, body: { kind: 'reconsideration', outcome: 'upheld', procedural: false, concludedAt: PAST }, required: ['kind', 'outcome'] },
    'POST /api/v1/cases/{id}/evidence': { role: O, multipart: 'evidence' },
    'POST /api/v1/soft-measures': { role: O, body: { operatorUscc: '${uscc}', kind: 'guidance', at: PAST, note: '行政指导' }, required: ['operatorUscc', 'kind', 'at', 'note'] },
    'POST /api/v1/complaints': {
      role: CH,
      body: {
        online: true,
        receivedAt: PAST,
        channel: '12315',
        consumer: { name: '王小明', phone: '13812345678', idNumber: '32090219900101123X', address: '盐城市' },
        operator: { uscc: '${uscc}', name: '盐城鲜果汇', platform: '淘宝', storeUrl: 'https://shop.example.com/2', kind: 'in_platform', domicileBureau: '320902' },
        description: '购买的水果与宣传不符',
        amount: 199.5,
      },
      required: ['online', 'consumer', 'operator', 'description', 'consumer.name', 'consumer.phone'],
    },
    'POST /api/v1/complaints/{id}/forward': { role: CH, body: { toBureau: '320903', forwardedAt: PAST }, required: ['toBureau'] },
    'POST /api/v1/complaints/{id}/acceptance': { role: CH, body: { accepted: false, reason: 'no_jurisdiction', decidedAt: PAST }, required: ['accepted', 'reason'] },
    'POST /api/v1/complaints/{id}/pauses': { role: CH, body: { reason: 'appraisal', startedAt: PAST }, required: ['reason'] },
    'POST /api/v1/complaints/{id}/pauses/current/end': { role: CH, body: { endedAt: PAST } },
    'POST /api/v1/complaints/{id}/mediation-result': { role: CH, body: { result: 'settled', endedAt: PAST }, required: ['result'] },
    'POST /api/v1/complaints/{id}/close': { role: CH, body: { closedAt: PAST } },
    'POST /api/v1/complaints/{id}/rating': { role: CH, body: { satisfaction: 'satisfied', score: 5, ratedAt: PAST }, required: ['satisfaction'] },
    'POST /api/v1/complaints/{id}/violation': { role: CH, body: { title: '虚假宣传', description: '描述', foundAt: PAST }, required: ['title'] },
    'POST /api/v1/complaints/{id}/rebase': { role: A },
    'POST /api/v1/complaints/{id}/odr': { role: CH, body: { enterprise: '某电商平台', routedAt: PAST }, required: ['enterprise'] },
    'POST /api/v1/complaints/{id}/odr/acceptance': { role: CH, body: { acceptedAt: PAST } },
    'POST /api/v1/complaints/{id}/odr/result': { role: CH, body: { result: 'settled', closedAt: PAST }, required: ['result'] },
    'POST /api/v1/reports': {
      role: CH,
      body: { online: true, receivedAt: PAST, title: '举报虚假宣传', description: '描述', subject, reporter: { name: '李四', phone: '13900001111', realName: true } },
      required: ['online', 'title', 'subject', 'reporter', 'reporter.name', 'reporter.phone', 'reporter.realName'],
    },
    'PUT /api/v1/rule-sets/order-121': { role: A, body: { periods: { acceptance: period, mediation: { length: 30, unit: 'working' } } }, required: ['periods', 'periods.acceptance.length'] },
    'PUT /api/v1/indicators/config/{code}': { role: A, body: { threshold: 95, comparator: '>=', minimumSample: 0, nationalRate: 90 }, required: ['comparator', 'minimumSample'] },
    'POST /api/v1/indicators/rebuild': { role: A },
    'PUT /api/v1/scorecard/{year}/items/{code}': { role: A, body: { score: 2, source: '统计局', evidence: '年报' }, required: ['score', 'source'] },
    'POST /api/v1/operators': {
      role: O,
      body: { uscc: '${uscc}', name: '盐城优选', kind: 'platform', domicileBureau: '320902', businessBureau: '320902', platform: '淘宝', storeIds: ['s1'], sector: 'food' },
      required: ['uscc', 'name', 'kind', 'domicileBureau'],
    },
    'PATCH /api/v1/operators/{uscc}': { role: O, body: { name: '盐城优选二', kind: 'own_site', platform: '京东', storeIds: ['s2'], sector: 'general' } },
    'POST /api/v1/operators/{uscc}/list-entries': { role: O, body: { list: 'abnormal_operation', enteredAt: '2026-11-20', reason: '失联', category: 'other' }, required: ['list', 'enteredAt', 'reason'] },
    'POST /api/v1/operators/{uscc}/list-entries/{entryId}/removal': { role: O, body: { removedAt: '2026-11-20', reason: '已整改' }, required: ['removedAt', 'reason'] },
    'POST /api/v1/operators/{uscc}/records': { role: O, body: { kind: 'commitment', date: '2026-11-20', description: '信用承诺' }, required: ['kind', 'date', 'description'] },
    'POST /api/v1/operators/{uscc}/credit-repairs': { role: O, body: { recordId: randomUUID(), reason: '已整改', evidence: '整改报告' }, required: ['recordId', 'reason'] },
    'POST /api/v1/credit-repairs/{id}/decision': { role: S, body: { approved: true, reason: '同意' }, required: ['approved', 'reason'] },
    'POST /api/v1/credit/regrade': { role: A },
    'PUT /api/v1/inspections/policies/{bureau}': { role: S, body: { A: grade, B: grade, C: grade, D: grade }, required: ['A', 'B', 'C', 'D', 'A.samplingRatio', 'D.checksPerYear'] },
    'POST /api/v1/inspections/draws': { role: S, body: { campaign: '2026 双随机', bureau: '320902', seed: 'abc' }, required: ['campaign', 'bureau'] },
  };
}

// ---- hostile values --------------------------------------------------------------------------

const INJECTION = [
  "' OR '1'='1",
  "1'; DROP TABLE leads; --",
  '"; SELECT pg_sleep(5); --',
  "' UNION SELECT username, password_hash FROM gateway.users --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '$(rm -rf /)',
  '{"$gt": ""}',
  '%s%s%s%n',
];
const UNICODE = [
  '\u202eevil\u202c',
  'zero\u200bwidth\u200d',
  '\ufeffBOM',
  'Ａ１２３全角',
  '٣٢٠٩٠٢',
  '𝕳𝖊𝖑𝖑𝖔 😀👨‍👩‍👧‍👦',
  'e\u0301\u0301\u0301\u0301',
  '\ud800lone surrogate',
  'NUL\u0000byte',
  'ctrl\u0001\u001b[31m',
  '\r\nSet-Cookie: x=1',
];
const TRAVERSAL = [
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '....//....//etc/passwd',
  '/etc/passwd%00.png',
  '..%c0%af..%c0%afetc',
];
const BAD_DATES = [
  'not-a-date',
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '2026-02-30T10:00:00+08:00',
  '2026-11-20T25:61:00+08:00',
  '2026-11-20T10:00:00',
  '2026-11-20 10:00:00+08:00',
  '20261120',
  '0000-00-00',
  '+275760-09-13T00:00:00Z',
  '1e10',
  '',
  ' ',
];
const FUTURE_INSTANTS = ['2026-11-28T10:00:00+08:00', '2027-06-01T10:00:00+08:00', '2099-12-31T23:59:59Z'];
const FUTURE_DATES = ['2026-11-28', '2027-06-01', '2099-12-31'];
/** Top-level date fields that record something that already happened (the others are deadlines or calendar data). */
const PAST_DATE_FIELDS = new Set(['enteredAt', 'removedAt', 'date']);
const BROKEN_JSON = ['{', '{"a":', '{"title": "x",}', "{'a': 1}", 'nul', '{"a":1}{"b":2}', '[1,2', '{"a":"\\x00"}', '{"a":"\\ud800"', '\u0000', '{"__proto__": {"isAdmin": true}}', '{"constructor": {"prototype": {"x": 1}}}', '{"a": 1e999999}', '{"a": NaN}'];
// (Object.prototype's names such as "constructor" are left out: class-transformer drops them silently, so they never reach a service.)
const EXTRA_KEYS = ['zzExtra', '$where', 'isAdmin', 'id', 'actor', 'visibleBureaus', 'requestId'];

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const USCC_RE = /^[0-9A-Z]{18}$/;
const BUREAU_RE = /^\d{6}$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-/;
/** Strings with a format: any injection or oddity put there is invalid by construction. */
const constrained = (v: string) => INSTANT_RE.test(v) || DATE_RE.test(v) || USCC_RE.test(v) || BUREAU_RE.test(v) || UUID_RE.test(v);

const MB = 1024 * 1024;
let hugeCache: string | undefined;
const hugeString = () => (hugeCache ??= '网监'.repeat(MB / 6) + 'x'.repeat(MB - 2 * Math.floor(MB / 6)));

/** Deep nesting is spliced in as text: JSON.stringify itself would overflow the stack. */
const DEEP = /"__deep_(\d+)_(object|array)__"/g;
const deepText = (_m: string, depth: string, shape: string) =>
  shape === 'array' ? `${'['.repeat(Number(depth))}1${']'.repeat(Number(depth))}` : `${'{"n":'.repeat(Number(depth))}1${'}'.repeat(Number(depth))}`;

// ---- body paths ------------------------------------------------------------------------------

function leafPaths(value: Json, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    return entries.flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return prefix ? [prefix] : [];
}

function objectPaths(value: Json, prefix = ''): string[] {
  if (!value || typeof value !== 'object') return [];
  const own = Array.isArray(value) ? [] : [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return [...own, ...entries.flatMap(([k, v]) => objectPaths(v, prefix ? `${prefix}.${k}` : k))];
}

function getAt(root: Json, path: string): Json | undefined {
  return path === '' ? root : path.split('.').reduce<Json | undefined>((node, k) => (node && typeof node === 'object' ? (node as JsonObject)[k] : undefined), root);
}

function setAt(root: JsonObject, path: string, value: Json | undefined): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce<Json>((node, k) => (node as JsonObject)[k]!, root) as JsonObject;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = value;
}

const clone = <T>(v: T): T => structuredClone(v);

function wrongTypeFor(rng: Rng, value: Json): Json {
  if (typeof value === 'string') return rng.pick<Json>([42, -1, 0.5, true, false, {}, [], [value], { value }, 1e308]);
  if (typeof value === 'boolean') return rng.pick<Json>(['true', 'false', 1, 0, 'yes', [], {}, [true]]);
  if (typeof value === 'number') return rng.pick<Json>([String(value), '1e3', true, [], {}, [value], 'NaN', 'Infinity']);
  if (Array.isArray(value)) return rng.pick<Json>(['[]', 42, true, { 0: value[0] ?? null }]);
  return rng.pick<Json>(['object', 42, true, [value], [], '{}']);
}

// ---- request generation ----------------------------------------------------------------------

export interface Generator {
  next(index: number): FuzzRequest;
}

export function fuzzGenerator(rng: Rng, routes: WriteRoute[], targets: FuzzTargets, tokens: Record<TestRole, string>, badToken: string): Generator {
  const idOf: Record<string, string> = {
    leads: targets.lead,
    cases: targets.case,
    complaints: targets.complaint,
  };
  const params = (route: WriteRoute, attack?: string): string => {
    const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const attacked = attack === undefined ? undefined : rng.pick(names);
    return route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (name === attacked) return attack!;
      if (name === 'id') return idOf[route.path.split('/')[3]!] ?? randomUUID();
      if (name === 'uscc') return targets.uscc;
      if (name === 'year') return '2026';
      if (name === 'code') return route.path.includes('scorecard') ? '1' : '17.1';
      if (name === 'bureau') return '320902';
      return randomUUID();
    });
  };
  const baseOf = (route: WriteRoute): JsonObject => JSON.parse(JSON.stringify(route.body ?? {}).replaceAll('${uscc}', targets.uscc)) as JsonObject;
  const auth = (route: WriteRoute): Record<string, string> => (route.role ? { authorization: `Bearer ${tokens[route.role]}` } : {});
  const json = (route: WriteRoute, label: string, body: unknown, url = params(route)): FuzzRequest => ({
    label,
    method: route.method,
    url,
    headers: { ...auth(route), 'content-type': 'application/json' },
    payload: typeof body === 'string' ? body : JSON.stringify(body).replace(DEEP, deepText),
  });

  /** Fills free-text fields with injection strings and oddities; harmless alone, so always paired with a real defect. */
  const decorate = (body: JsonObject) => {
    for (const path of leafPaths(body)) {
      const v = getAt(body, path);
      if (typeof v === 'string' && !constrained(v) && rng.chance(0.5)) setAt(body, path, rng.pick([...INJECTION, ...UNICODE]));
    }
  };

  /** A defect that makes the body invalid by construction; returns its label or undefined when none applies. */
  const breakBody = (route: WriteRoute, body: JsonObject, kind: string, touched: Set<string>): string | undefined => {
    // A second defect never lands on the first one's field: it could turn it valid again.
    const fresh = (p: string) => ![...touched].some((t) => p === t || p.startsWith(`${t}.`) || t.startsWith(`${p}.`));
    const leaves = leafPaths(body).filter(fresh);
    const strings = leaves.filter((p) => typeof getAt(body, p) === 'string');
    const formatted = strings.filter((p) => constrained(getAt(body, p) as string));
    switch (kind) {
      case 'wrong-type': {
        if (leaves.length === 0) return undefined;
        const path = rng.pick(leaves);
        touched.add(path);
        setAt(body, path, wrongTypeFor(rng, getAt(body, path)!));
        return `wrong type at ${path}`;
      }
      case 'missing': {
        const required = route.required?.filter((p) => getAt(body, p) !== undefined && fresh(p)) ?? [];
        if (required.length === 0) return undefined;
        const path = rng.pick(required);
        touched.add(path);
        setAt(body, path, undefined);
        return `missing ${path}`;
      }
      case 'extra': {
        const at = rng.pick(objectPaths(body));
        const key = rng.pick(EXTRA_KEYS);
        const target = getAt(body, at) as JsonObject;
        target[key] = rng.pick<Json>([true, 'admin', ['320000'], { role: 'admin' }, rng.pick(INJECTION)]);
        return `extra ${at ? `${at}.` : ''}${key}`;
      }
      case 'huge-string': {
        if (strings.length === 0) return undefined;
        const path = rng.pick(strings);
        touched.add(path);
        setAt(body, path, hugeString());
        return `1 MB string at ${path}`;
      }
      case 'huge-array': {
        if (leaves.length === 0) return undefined;
        const path = rng.pick(leaves);
        // 10,000 elements: 100,000 cost the in-process suite about a second of CPU each (see the report).
        touched.add(path);
        setAt(body, path, rng.chance(0.5) ? Array.from({ length: 10_000 }, (_, i) => i) : Array.from({ length: 5_000 }, () => 'x'.repeat(20)));
        return `huge array at ${path}`;
      }
      case 'deep-nesting': {
        if (leaves.length === 0) return undefined;
        const path = rng.pick(leaves);
        touched.add(path);
        setAt(body, path, `__deep_${rng.pick([200, 2_000, 8_000])}_${rng.pick(['object', 'array'])}__`);
        return `deeply nested value at ${path}`;
      }
      case 'invalid-date': {
        const dates = strings.filter((p) => INSTANT_RE.test(getAt(body, p) as string) || DATE_RE.test(getAt(body, p) as string));
        if (dates.length === 0) return undefined;
        const path = rng.pick(dates);
        const value = rng.pick(BAD_DATES);
        // Only an instant may drop its offset: a bare local date is fine where a date is asked for.
        if (DATE_RE.test(getAt(body, path) as string) && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value)) return undefined;
        touched.add(path);
        setAt(body, path, value);
        return `invalid date ${JSON.stringify(value)} at ${path}`;
      }
      case 'future-date': {
        const dates = strings.filter((p) => INSTANT_RE.test(getAt(body, p) as string) || (DATE_RE.test(getAt(body, p) as string) && PAST_DATE_FIELDS.has(p)));
        if (dates.length === 0) return undefined;
        const path = rng.pick(dates);
        const value = INSTANT_RE.test(getAt(body, path) as string) ? rng.pick(FUTURE_INSTANTS) : rng.pick(FUTURE_DATES);
        touched.add(path);
        setAt(body, path, value);
        return `future date ${value} at ${path}`;
      }
      case 'bad-uscc': {
        const usccs = strings.filter((p) => /uscc$/i.test(p));
        if (usccs.length === 0) return undefined;
        const path = rng.pick(usccs);
        const good = getAt(body, path) as string;
        touched.add(path);
        setAt(body, path, rng.pick([wrongCheck(good), good.slice(0, 17), `${good}0`, good.replace(/^9/, 'I'), good.toLowerCase().replace(/[0-9]/, 'O')]));
        return `wrong USCC at ${path}`;
      }
      case 'hostile-format': {
        if (formatted.length === 0) return undefined;
        const path = rng.pick(formatted);
        const value = rng.pick([...INJECTION, ...UNICODE, ...TRAVERSAL]);
        touched.add(path);
        setAt(body, path, value);
        return `hostile value in formatted field ${path}`;
      }
      default:
        return undefined;
    }
  };

  const BODY_DEFECTS = ['wrong-type', 'missing', 'extra', 'huge-string', 'huge-array', 'deep-nesting', 'invalid-date', 'future-date', 'bad-uscc', 'hostile-format'] as const;
  const DEFECT_WEIGHTS = [16, 10, 12, 2, 2, 2, 10, 8, 6, 8];

  const weighted = <T>(items: readonly T[], weights: number[]): T => {
    let r = rng.next() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < items.length; i++) if ((r -= weights[i]!) < 0) return items[i]!;
    return items[items.length - 1]!;
  };

  const wholeBody = (route: WriteRoute): FuzzRequest => {
    // A body that is not an object at all ({} and null count as "no fields", valid where nothing is required).
    const options: string[] = ['[]', '"text"', '42', 'true', '[{}]', JSON.stringify([baseOf(route)])];
    if (route.required?.length) options.push('null', '{}');
    return json(route, 'not an object', rng.pick(options));
  };

  const rawRequest = (route: WriteRoute): FuzzRequest => {
    const body = JSON.stringify(baseOf(route));
    // A route without a body runs on any payload a parser accepts (Nest adds a form parser), so it only gets ones no parser takes.
    const bodiless = !route.body && !route.multipart;
    // A multipart body reaches a JSON route as "no fields" (the multipart parser is global): only invalid where a field is required.
    const variant = bodiless ? rng.pick([0, 2]) : rng.int(route.required?.length || route.multipart ? 6 : 5);
    const req = rawVariant(route, body, variant);
    return bodiless ? { ...req, harmless2xx: () => true } : req;
  };

  const rawVariant = (route: WriteRoute, body: string, variant: number): FuzzRequest => {
    switch (variant) {
      case 0:
        return { label: 'broken JSON', method: route.method, url: params(route), headers: { ...auth(route), 'content-type': 'application/json' }, payload: rng.pick(BROKEN_JSON) };
      case 1:
        return { label: 'text/plain', method: route.method, url: params(route), headers: { ...auth(route), 'content-type': 'text/plain' }, payload: body };
      case 2:
        return { label: 'xml', method: route.method, url: params(route), headers: { ...auth(route), 'content-type': 'application/xml' }, payload: `<lead><title>${rng.pick(INJECTION)}</title></lead>` };
      case 3:
        return { label: 'form-urlencoded', method: route.method, url: params(route), headers: { ...auth(route), 'content-type': 'application/x-www-form-urlencoded' }, payload: 'title=x&online=true' };
      case 4:
        return { label: 'json with a foreign charset', method: route.method, url: params(route), headers: { ...auth(route), 'content-type': 'application/json; charset=utf-16' }, payload: Buffer.from(body, 'utf16le') };
      default:
        return { label: 'multipart where JSON is expected', method: route.method, url: params(route), headers: { ...auth(route), 'content-type': 'multipart/form-data; boundary=zzz' }, payload: `--zzz\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--zzz--\r\n` };
    }
  };

  const pathAttack = (route: WriteRoute): FuzzRequest | undefined => {
    if (!route.path.includes('{')) return undefined;
    const raw = rng.pick([...TRAVERSAL, ...INJECTION, ...UNICODE, 'x'.repeat(5000), '0', '-1', '00000000-0000-0000-0000-000000000000', 'null', 'undefined', '%', '%zz', '%00']);
    // A lone surrogate has no UTF-8 form: send the bytes a broken client would (invalid UTF-8).
    const attack = /^%/.test(raw) ? raw : encodeURIComponent(raw.replace(/[\ud800-\udfff]/g, '')).concat(raw.includes('\ud800') ? '%ED%A0%80' : '');
    const body = baseOf(route);
    return json(route, `hostile path parameter ${JSON.stringify(raw.slice(0, 40))}`, body, params(route, attack));
  };

  const badAuth = (route: WriteRoute): FuzzRequest => {
    const req = json(route, 'bad token', baseOf(route));
    req.headers.authorization = rng.pick([`Bearer ${badToken}`, 'Bearer', `Bearer ${'A'.repeat(8_000)}`, 'Bearer \u0000']);
    if (req.headers.authorization!.includes('\u0000')) req.headers.authorization = 'Bearer %00';
    return { ...req, label: 'bad token' };
  };

  const jsonRoute = (route: WriteRoute): FuzzRequest => {
    const roll = rng.next();
    if (roll < 0.02 && route.role) return badAuth(route);
    if (roll < 0.12) return rawRequest(route);
    if (roll < 0.17 && route.body) return wholeBody(route);
    if (roll < 0.27) {
      const attacked = pathAttack(route);
      if (attacked) return attacked;
    }
    if (!route.body) return rawRequest(route);
    for (let attempt = 0; attempt < 20; attempt++) {
      const body = baseOf(route);
      if (rng.chance(0.5)) decorate(body);
      const labels: string[] = [];
      const touched = new Set<string>();
      const first = breakBody(route, body, weighted(BODY_DEFECTS, DEFECT_WEIGHTS), touched);
      if (!first) continue;
      labels.push(first);
      if (rng.chance(0.3)) {
        const second = breakBody(route, body, weighted(BODY_DEFECTS, DEFECT_WEIGHTS), touched);
        if (second) labels.push(second);
      }
      return json(route, labels.join(' + '), body);
    }
    return rawRequest(route);
  };

  const multipartRoute = (route: WriteRoute): FuzzRequest => {
    const evidence = route.multipart === 'evidence';
    const form = new FormData();
    const fileName = rng.chance(0.6) ? rng.pick([...TRAVERSAL, '<script>.csv', '"; rm -rf /; ".csv', 'a'.repeat(1000) + '.csv']) : evidence ? 'page.png' : 'items.csv';
    const meta: Record<string, string> = { type: 'screenshot', capturedAt: '2026-11-20T10:00:00+08:00', method: '网页截图', sourceUrl: 'https://shop.example.com/item/1' };
    const bogusCase = rng.chance(0.3);
    const url = params(route, bogusCase ? encodeURIComponent(rng.pick([...TRAVERSAL, ...INJECTION, randomUUID()])) : undefined);
    const variant = rng.int(10);
    let label: string;
    let content: Uint8Array = Buffer.from(evidence ? 'PNG\u0000fake' : 'platformItemId,title,receivedAt\nP-1,假货,2099-01-01T00:00:00+08:00\n');
    if (variant === 0 && rng.chance(0.15)) {
      content = new Uint8Array(10 * MB + 1024);
      label = 'oversized upload';
    } else if (variant === 1) {
      content = new Uint8Array(0);
      label = 'empty file';
    } else if (variant === 2) {
      label = 'no file part';
      content = new Uint8Array(0);
    } else if (variant === 3) {
      label = 'file under a foreign field name';
    } else if (variant === 4) {
      label = 'two files';
    } else if (evidence) {
      const defect = rng.pick(['type', 'capturedAt', 'method', 'sourceUrl', 'extra', 'future'] as const);
      if (defect === 'extra') meta.actor = 'admin';
      else if (defect === 'future') meta.capturedAt = rng.pick(FUTURE_INSTANTS);
      else if (defect === 'method') delete meta.method;
      else meta[defect] = rng.pick([...INJECTION, ...BAD_DATES, ...TRAVERSAL]);
      label = `evidence meta: ${defect}`;
    } else {
      content = Buffer.from(
        rng.pick([
          'not,a,known,header\n1,2,3,4\n',
          `platformItemId,title,receivedAt\nP-2,${rng.pick(INJECTION)},${rng.pick(BAD_DATES)}\n`,
          'platformItemId,title,receivedAt\nP-3,,2026-11-20T10:00:00+08:00\n',
          `platformItemId,title,receivedAt\nP-4,假货,${rng.pick(FUTURE_INSTANTS)}\n`,
          '\u0000\u0001\u0002binary',
          'PK\u0003\u0004broken-xlsx',
        ]),
      );
      label = 'import rows that cannot be taken';
    }
    if (evidence) for (const [k, v] of Object.entries(meta)) form.append(k, v);
    if (variant !== 2) form.append(variant === 3 ? 'attachment' : 'file', new Blob([content]), fileName);
    if (variant === 4) form.append('file', new Blob([content]), 'second.csv');
    return {
      label: `${route.multipart}: ${label} (file name ${JSON.stringify(fileName.slice(0, 30))})`,
      method: route.method,
      url,
      headers: auth(route),
      payload: form,
      harmless2xx: (report) => (report as { imported?: number; duplicates?: number }).imported === 0 && (report as { duplicates?: number }).duplicates === 0,
    };
  };

  return {
    next(index) {
      const route = routes[index % routes.length]!;
      if (route.multipart) return rng.chance(0.25) ? rawRequest(route) : multipartRoute(route);
      return jsonRoute(route);
    },
  };
}
