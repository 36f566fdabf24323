import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSuiteHarness, type SuiteHarness } from '../support/suite-harness.js';
import { api, badTokens, complaintBody, expectStatus, fileCase, leadBody, ROLES, usccFor, type Api, type TestRole } from './security-fixtures.js';

const O = 'officer';
const CH = 'complaint_handler';
const S = 'supervisor';
const A = 'admin';
const I = 'integration';
const ALL: TestRole[] = [O, CH, S, A, I];
const PUBLIC = 'public' as const;

/**
 * Who may call what (domain.md §1 roles). A role not listed must get 403; a listed role must
 * never get 401/403 (its request may still be 400/404/409 — what matters is that it got past
 * the role check). Every route in the OpenAPI document must appear here, so a new route
 * without a decision about its roles fails this test.
 */
const EXPECTED: Record<string, TestRole[] | typeof PUBLIC> = {
  // operations and identity
  'GET /health': PUBLIC,
  'GET /ready': PUBLIC,
  'GET /metrics': PUBLIC,
  'POST /api/v1/auth/login': PUBLIC,
  'GET /api/v1/users': [S, A],
  'POST /api/v1/users': [A],
  'GET /api/v1/users/{username}/api-keys': [A],
  'POST /api/v1/users/{username}/api-keys': [A],
  'DELETE /api/v1/users/{username}/api-keys/{id}': [A],
  'GET /api/v1/bureaus': ALL,
  'GET /api/v1/audit': [S, A],
  'GET /api/v1/audit/verify': [A],
  // calendar: everyone reads it, only an admin changes it
  'GET /api/v1/calendar/working-days': ALL,
  'GET /api/v1/calendar/add': ALL,
  'GET /api/v1/calendar/years': ALL,
  'PUT /api/v1/calendar/years/{year}': [A],
  // leads: officers handle, the platform exchange imports and reads its results
  'POST /api/v1/leads': [O, S, I],
  'GET /api/v1/leads': [O, S, A, I],
  'GET /api/v1/leads/queue': [O, S],
  'POST /api/v1/leads/import': [O, S, I],
  'GET /api/v1/leads/export.xlsx': [O, S, A, I],
  'GET /api/v1/leads/{id}': [O, S, A, I],
  'GET /api/v1/leads/{id}/clock': [O, S, A, I],
  'POST /api/v1/leads/{id}/pauses': [O, S],
  'POST /api/v1/leads/{id}/pauses/current/end': [O, S],
  'POST /api/v1/leads/{id}/extension': [S],
  'POST /api/v1/leads/{id}/decision': [O, S],
  'POST /api/v1/leads/{id}/report-back': [O, S],
  'POST /api/v1/leads/{id}/reporter-notice': [O, S],
  // cases: enforcement only; extensions and police-transfer approval by the supervisor
  'GET /api/v1/cases': [O, S],
  'GET /api/v1/cases/queue': [O, S],
  'POST /api/v1/cases/simplified': [O, S],
  'GET /api/v1/cases/{id}': [O, S],
  'GET /api/v1/cases/{id}/clock': [O, S],
  'POST /api/v1/cases/{id}/pauses': [O, S],
  'POST /api/v1/cases/{id}/pauses/current/end': [O, S],
  'POST /api/v1/cases/{id}/extension': [S],
  'POST /api/v1/cases/{id}/steps': [O, S],
  'POST /api/v1/cases/{id}/transfer': [O, S],
  'POST /api/v1/cases/{id}/jurisdiction-dispute': [O, S],
  'POST /api/v1/cases/{id}/jurisdiction-dispute/resolution': [O, S],
  'POST /api/v1/cases/{id}/police-transfer': [O, S],
  'POST /api/v1/cases/{id}/police-transfer/approval': [S],
  'POST /api/v1/cases/{id}/police-transfer/handover': [O, S],
  'POST /api/v1/cases/{id}/police-transfer/result': [O, S],
  'POST /api/v1/cases/{id}/decision': [O, S],
  'POST /api/v1/cases/{id}/close': [O, S],
  'POST /api/v1/cases/{id}/reviews': [O, S],
  'POST /api/v1/cases/{id}/evidence': [O, S],
  'GET /api/v1/cases/{id}/evidence/{evidenceId}': [O, S],
  'POST /api/v1/soft-measures': [O, S],
  'GET /api/v1/soft-measures': [O, S],
  // complaints: handlers handle, everyone with a stake reads (masked), the exchange delivers
  'POST /api/v1/complaints': [CH, I],
  'GET /api/v1/complaints': ALL,
  'GET /api/v1/complaints/queue': [CH, S],
  'GET /api/v1/complaints/{id}': ALL,
  'GET /api/v1/complaints/{id}/clock': ALL,
  'GET /api/v1/complaints/{id}/audit': [S],
  'POST /api/v1/complaints/{id}/forward': [CH],
  'POST /api/v1/complaints/{id}/acceptance': [CH],
  'POST /api/v1/complaints/{id}/pauses': [CH],
  'POST /api/v1/complaints/{id}/pauses/current/end': [CH],
  'POST /api/v1/complaints/{id}/mediation-result': [CH],
  'POST /api/v1/complaints/{id}/close': [CH],
  'POST /api/v1/complaints/{id}/rating': [CH],
  'POST /api/v1/complaints/{id}/violation': [CH],
  'POST /api/v1/complaints/{id}/rebase': [A],
  'POST /api/v1/complaints/{id}/odr': [CH],
  'POST /api/v1/complaints/{id}/odr/acceptance': [CH, I],
  'POST /api/v1/complaints/{id}/odr/result': [CH, I],
  'POST /api/v1/reports': [CH, O, I],
  'GET /api/v1/rule-sets/order-121': ALL,
  'PUT /api/v1/rule-sets/order-121': [A],
  // indicators: the people assessed and their admin; not the outside exchange
  'GET /api/v1/indicators': [O, CH, S, A],
  'GET /api/v1/indicators/export.xlsx': [O, CH, S, A],
  'GET /api/v1/indicators/forecast': [O, CH, S, A],
  'GET /api/v1/indicators/config': [O, CH, S, A],
  'PUT /api/v1/indicators/config/{code}': [A],
  'POST /api/v1/indicators/rebuild': [A],
  'GET /api/v1/indicators/{code}/items': [O, CH, S, A],
  'GET /api/v1/indicators/{code}/items/export.xlsx': [O, CH, S, A],
  'GET /api/v1/scorecard': [O, CH, S, A],
  'PUT /api/v1/scorecard/{year}/items/{code}': [A],
  // operators and credit
  'POST /api/v1/operators': [O, S, A],
  'GET /api/v1/operators': ALL,
  'GET /api/v1/operators/{uscc}': ALL,
  'PATCH /api/v1/operators/{uscc}': [O, S, A],
  'GET /api/v1/operators/{uscc}/credit': ALL,
  'POST /api/v1/operators/{uscc}/list-entries': [O, S],
  'POST /api/v1/operators/{uscc}/list-entries/{entryId}/removal': [O, S],
  'POST /api/v1/operators/{uscc}/records': [O, S],
  'POST /api/v1/operators/{uscc}/credit-repairs': [O, S],
  'GET /api/v1/operators/{uscc}/credit-repairs': ALL,
  'GET /api/v1/credit-repairs': [O, S, A],
  'POST /api/v1/credit-repairs/{id}/decision': [S],
  'POST /api/v1/credit/regrade': [A],
  'GET /api/v1/inspections/policies/{bureau}': ALL,
  'PUT /api/v1/inspections/policies/{bureau}': [S, A],
  'POST /api/v1/inspections/draws': [S, A],
  'GET /api/v1/inspections/draws/{id}': ALL,
  'GET /api/v1/inspections/draws/{id}/export.xlsx': ALL,
};

const BUREAU = '320902';

interface Route {
  key: string;
  method: string;
  path: string;
}

describe('access matrix: every role × every route', () => {
  let s: SuiteHarness;
  let a: Api;
  let routes: Route[];
  const tokens = {} as Record<TestRole, string>;
  const ids: Record<string, string> = {};

  /** A concrete URL for a route: real records of the callers' bureau where the route names one. */
  const urlOf = (route: Route) =>
    route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (name === 'id') {
        const area = route.path.split('/')[3]!;
        return ids[area] ?? randomUUID();
      }
      return ids[name] ?? randomUUID();
    });

  beforeAll(async () => {
    s = await startSuiteHarness();
    a = api(s.h);
    for (const role of ROLES) tokens[role] = await s.token(role, BUREAU);
    const lead = await a.call('POST', '/api/v1/leads', tokens.officer, leadBody(BUREAU, 1));
    expectStatus(lead, 201, 'lead');
    ids.leads = lead.json().id;
    ids.cases = (await fileCase(a, tokens.officer, BUREAU, 2)).caseId;
    const complaint = await a.call('POST', '/api/v1/complaints', tokens.complaint_handler, complaintBody(1));
    expectStatus(complaint, 201, 'complaint');
    ids.complaints = complaint.json().id;
    ids.uscc = usccFor(BUREAU, 3);
    expectStatus(await a.call('POST', '/api/v1/operators', tokens.officer, { uscc: ids.uscc, name: '盐城优选电子商务有限公司', kind: 'platform', domicileBureau: BUREAU }), 201, 'operator');
    ids.bureau = BUREAU;
    ids.year = '2026';
    ids.code = '17.1';

    const doc = (await s.h.request({ method: 'GET', url: '/api/docs-json' })).json() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => ({ key: `${m.toUpperCase()} ${path}`, method: m.toUpperCase(), path })),
    );
  }, 60_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('has an expected entry for exactly the routes the OpenAPI document lists', () => {
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('allows each listed role and refuses every other role with 403', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const expected = EXPECTED[route.key];
      if (!expected) continue;
      for (const role of ROLES) {
        const body = ['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined;
        const res = await a.call(route.method, urlOf(route), tokens[role], body);
        checked++;
        const allowed = expected === PUBLIC || expected.includes(role);
        const ok = allowed ? ![401, 403].includes(res.statusCode) && res.statusCode < 500 : res.statusCode === 403;
        if (!ok) mismatches.push(`${route.key} as ${role}: expected ${allowed ? 'allow' : '403'}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    console.log(`access matrix: ${routes.length} routes × ${ROLES.length} roles = ${checked} requests`);
    expect(mismatches).toEqual([]);
    expect(checked).toBe(routes.length * ROLES.length);
  }, 60_000);

  it('answers 401 on every protected route without a valid token (missing, expired, tampered, forged)', async () => {
    // The hand-signing helper itself is sound: its valid token passes.
    const valid = tokens.admin;
    expect((await a.call('GET', '/api/v1/bureaus', valid)).statusCode).toBe(200);
    const bad = badTokens(s.h, valid);
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of routes.filter((r) => EXPECTED[r.key] !== PUBLIC)) {
      for (const [label, header] of Object.entries(bad)) {
        const res = await s.h.request({
          method: route.method,
          url: urlOf(route),
          headers: header === undefined ? {} : { authorization: header },
          ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { payload: {} } : {}),
        });
        checked++;
        if (res.statusCode !== 401 || res.json().code !== 'UNAUTHORIZED') mismatches.push(`${route.key} with ${label}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    console.log(`access matrix: ${checked} requests with bad tokens`);
    expect(mismatches).toEqual([]);
  }, 60_000);

  it('keeps the public routes public', async () => {
    for (const route of routes.filter((r) => EXPECTED[r.key] === PUBLIC)) {
      const res = await s.h.request({ method: route.method, url: urlOf(route), ...(route.method === 'POST' ? { payload: {} } : {}) });
      expect([401, 403]).not.toContain(res.statusCode);
    }
  });
});
