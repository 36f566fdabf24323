import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { startSuiteHarness, type SuiteHarness } from '../support/suite-harness.js';
import { api, complaintBody, expectStatus, fileCase, leadBody, usccFor, waitUntil, type Api } from './security-fixtures.js';

const NOV = 'from=2026-11-01&to=2026-11-30';
const TINGHU = '320902';
const YANDU = '320903';
const DAFENG = '320904';
const CITY = '320900';

/** Every cell of a workbook as text, to ask whether a record leaked into an export. */
async function workbookText(body: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const cells: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text)))));
  return cells.join('\n');
}

/**
 * domain.md §1: a user sees records owned by their bureau or a bureau below it; a transferred
 * record is visible to the receiver and read-only to the sender; nothing else.
 */
describe('bureau isolation', () => {
  let s: SuiteHarness;
  let a: Api;
  const t: Record<string, string> = {};
  const rec = { lead: '', leadTitle: '', platformLead: '', platformTitle: '', case: '', complaint: '', uscc: '', cityLead: '', cityUscc: '' };

  const get = (url: string, who: string) => a.call('GET', url, t[who]!);
  const binary = async (url: string, who: string) => {
    const res = await fetch(`${s.h.baseUrl}${url}`, { headers: { authorization: `Bearer ${t[who]}` } });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };
  const listed = async (url: string, who: string) => {
    const res = await get(url, who);
    expect(res.statusCode).toBe(200);
    return JSON.stringify(res.json());
  };

  beforeAll(async () => {
    s = await startSuiteHarness();
    a = api(s.h);
    for (const bureau of [TINGHU, YANDU, DAFENG, CITY]) {
      for (const role of ['officer', 'complaint_handler', 'supervisor', 'integration'] as const) t[`${role}${bureau}`] = await s.token(role, bureau);
    }
    // 亭湖 (320902): a report lead decided in November, a platform item, a case, a complaint, an operator.
    const lead = await a.call('POST', '/api/v1/leads', t[`officer${TINGHU}`]!, leadBody(TINGHU, 1));
    expectStatus(lead, 201, 'lead');
    rec.lead = lead.json().id;
    rec.leadTitle = lead.json().title;
    expectStatus(await a.call('POST', `/api/v1/leads/${rec.lead}/decision`, t[`officer${TINGHU}`]!, { outcome: 'no_case', reason: '不构成违法' }), 200, 'decision');
    const platform = await a.call('POST', '/api/v1/leads', t[`integration${TINGHU}`]!, leadBody(TINGHU, 2, { channel: 'platform_monitoring', externalRef: 'PLAT-902-1', platformDueDate: '2026-12-04' }));
    expectStatus(platform, 201, 'platform lead');
    rec.platformLead = platform.json().id;
    rec.platformTitle = platform.json().title;
    rec.case = (await fileCase(a, t[`officer${TINGHU}`]!, TINGHU, 3)).caseId;
    const complaint = await a.call('POST', '/api/v1/complaints', t[`complaint_handler${TINGHU}`]!, complaintBody(1));
    expectStatus(complaint, 201, 'complaint');
    rec.complaint = complaint.json().id;
    rec.uscc = usccFor(TINGHU, 4);
    expectStatus(await a.call('POST', '/api/v1/operators', t[`officer${TINGHU}`]!, { uscc: rec.uscc, name: '亭湖某网店', kind: 'own_site', domicileBureau: TINGHU }), 201, 'operator');
    // 盐城市局 (320900): its own lead and operator, above the districts.
    const cityLead = await a.call('POST', '/api/v1/leads', t[`officer${CITY}`]!, leadBody(CITY, 5));
    expectStatus(cityLead, 201, 'city lead');
    rec.cityLead = cityLead.json().id;
    rec.cityUscc = usccFor(CITY, 6);
    expectStatus(await a.call('POST', '/api/v1/operators', t[`officer${CITY}`]!, { uscc: rec.cityUscc, name: '市局某平台', kind: 'platform', domicileBureau: CITY }), 201, 'city operator');
  }, 90_000);

  afterAll(async () => {
    await s?.stop();
  });

  describe('siblings (亭湖 320902 vs 盐都 320903)', () => {
    it('cannot read the other’s records: 404 as if they did not exist', async () => {
      for (const [url, who] of [
        [`/api/v1/leads/${rec.lead}`, 'officer'],
        [`/api/v1/leads/${rec.lead}/clock`, 'officer'],
        [`/api/v1/leads/${rec.platformLead}`, 'integration'],
        [`/api/v1/cases/${rec.case}`, 'officer'],
        [`/api/v1/cases/${rec.case}/clock`, 'supervisor'],
        [`/api/v1/complaints/${rec.complaint}`, 'complaint_handler'],
        [`/api/v1/complaints/${rec.complaint}/clock`, 'supervisor'],
        [`/api/v1/operators/${rec.uscc}`, 'officer'],
        [`/api/v1/operators/${rec.uscc}/credit`, 'supervisor'],
      ] as const) {
        expect([url, (await get(url, `${who}${TINGHU}`)).statusCode]).toEqual([url, 200]);
        const res = await get(url, `${who}${YANDU}`);
        expect([url, res.statusCode, res.json().code]).toEqual([url, 404, 'NOT_FOUND']);
      }
    });

    it('cannot change the other’s records either (404, nothing written)', async () => {
      const officer = t[`officer${YANDU}`]!;
      expect((await a.call('POST', `/api/v1/leads/${rec.platformLead}/pauses`, officer, { reason: 'testing' })).statusCode).toBe(404);
      expect((await a.call('POST', `/api/v1/cases/${rec.case}/steps`, officer, { step: 'notice', at: '2026-11-26T10:00:00+08:00' })).statusCode).toBe(404);
      expect((await a.call('POST', `/api/v1/complaints/${rec.complaint}/acceptance`, t[`complaint_handler${YANDU}`]!, { accepted: true })).statusCode).toBe(404);
      expect((await a.call('PATCH', `/api/v1/operators/${rec.uscc}`, officer, { name: '改名' })).statusCode).toBe(404);
      expect((await get(`/api/v1/leads/${rec.platformLead}`, `officer${TINGHU}`)).json().pauses).toEqual([]);
    });

    it('does not list them', async () => {
      for (const [url, who, id] of [
        ['/api/v1/leads?pageSize=200', 'officer', rec.lead],
        ['/api/v1/leads/queue', 'officer', rec.platformLead],
        ['/api/v1/cases?pageSize=200', 'officer', rec.case],
        ['/api/v1/cases/queue', 'supervisor', rec.case],
        ['/api/v1/complaints?pageSize=100', 'complaint_handler', rec.complaint],
        ['/api/v1/complaints/queue', 'complaint_handler', rec.complaint],
        ['/api/v1/operators', 'officer', rec.uscc],
      ] as const) {
        expect([url, (await listed(url, `${who}${TINGHU}`)).includes(id)]).toEqual([url, true]);
        expect([url, (await listed(url, `${who}${YANDU}`)).includes(id)]).toEqual([url, false]);
      }
    });

    it('does not export them', async () => {
      const own = await workbookText(await binary(`/api/v1/leads/export.xlsx?${NOV}`, `integration${TINGHU}`));
      expect(own).toContain(rec.platformTitle);
      const sibling = await workbookText(await binary(`/api/v1/leads/export.xlsx?${NOV}`, `integration${YANDU}`));
      expect(sibling).not.toContain(rec.platformTitle);
      expect(sibling).not.toContain('PLAT-902-1');
    });

    it('does not count them: its own indicators exclude them and the sibling’s figures are refused', async () => {
      const items = (bureau: string, who: string) => listed(`/api/v1/indicators/17.1/items?bureau=${bureau}&${NOV}`, who);
      // The positive control: metrics has consumed the decision and 亭湖 counts its lead.
      await waitUntil('metrics to count the decided lead', async () => (await items(TINGHU, `supervisor${TINGHU}`)).includes(rec.lead));
      expect(await items(YANDU, `supervisor${YANDU}`)).not.toContain(rec.lead);
      const figures = (await get(`/api/v1/indicators?bureau=${YANDU}&${NOV}`, `supervisor${YANDU}`)).json().items as { code: string; denominator: number }[];
      expect(figures.find((f) => f.code === '17.1')?.denominator).toBe(0);
      const ownFigures = (await get(`/api/v1/indicators?bureau=${TINGHU}&${NOV}`, `supervisor${TINGHU}`)).json().items as { code: string; denominator: number }[];
      // (the report lead filed as a case counts too)
      expect(ownFigures.find((f) => f.code === '17.1')?.denominator).toBeGreaterThanOrEqual(1);
      for (const url of [`/api/v1/indicators?bureau=${TINGHU}&${NOV}`, `/api/v1/indicators/17.1/items?bureau=${TINGHU}&${NOV}`, `/api/v1/indicators/export.xlsx?bureau=${TINGHU}&${NOV}`, `/api/v1/scorecard?bureau=${TINGHU}&year=2026`]) {
        expect([url, [403, 404].includes((await get(url, `supervisor${YANDU}`)).statusCode)]).toEqual([url, true]);
      }
      const sheet = await workbookText(await binary(`/api/v1/indicators/17.1/items/export.xlsx?bureau=${YANDU}&${NOV}`, `supervisor${YANDU}`));
      expect(sheet).not.toContain(rec.lead);
    });
  });

  describe('county and city (亭湖 320902 under 盐城 320900)', () => {
    it('the city sees down: the county’s records are readable and counted', async () => {
      expect((await get(`/api/v1/leads/${rec.lead}`, `officer${CITY}`)).statusCode).toBe(200);
      expect((await get(`/api/v1/cases/${rec.case}`, `officer${CITY}`)).statusCode).toBe(200);
      expect((await get(`/api/v1/complaints/${rec.complaint}`, `complaint_handler${CITY}`)).statusCode).toBe(200);
      expect((await get(`/api/v1/operators/${rec.uscc}`, `officer${CITY}`)).statusCode).toBe(200);
      expect(await listed('/api/v1/leads?pageSize=200', `officer${CITY}`)).toContain(rec.lead);
      expect(await listed(`/api/v1/indicators/17.1/items?bureau=${CITY}&${NOV}`, `supervisor${CITY}`)).toContain(rec.lead);
    });

    it('the county does not see up: the city’s records are 404, unlisted, and its figures refused', async () => {
      expect((await get(`/api/v1/leads/${rec.cityLead}`, `officer${TINGHU}`)).statusCode).toBe(404);
      expect((await get(`/api/v1/operators/${rec.cityUscc}`, `officer${TINGHU}`)).statusCode).toBe(404);
      expect(await listed('/api/v1/leads?pageSize=200', `officer${TINGHU}`)).not.toContain(rec.cityLead);
      expect(await listed('/api/v1/operators', `officer${TINGHU}`)).not.toContain(rec.cityUscc);
      expect([403, 404]).toContain((await get(`/api/v1/indicators?bureau=${CITY}&${NOV}`, `supervisor${TINGHU}`)).statusCode);
    });
  });

  describe('transfers (domain.md §1: the receiver sees, the sender keeps read-only)', () => {
    it('a transferred case', async () => {
      const { caseId } = await fileCase(a, t[`officer${TINGHU}`]!, TINGHU, 7);
      const moved = await a.call('POST', `/api/v1/cases/${caseId}/transfer`, t[`officer${TINGHU}`]!, {
        toBureau: YANDU,
        reason: '实际经营地',
        basis: { operatorKind: 'in_platform', domicileBureau: '320921', businessBureau: YANDU },
      });
      expectStatus(moved, 200, 'case transfer');
      expect((await get(`/api/v1/cases/${caseId}`, `officer${YANDU}`)).statusCode).toBe(200);
      expect(await listed('/api/v1/cases?pageSize=200', `officer${YANDU}`)).toContain(caseId);
      expect((await get(`/api/v1/cases/${caseId}`, `officer${TINGHU}`)).statusCode).toBe(200);
      expect((await a.call('POST', `/api/v1/cases/${caseId}/steps`, t[`officer${TINGHU}`]!, { step: 'notice', at: '2026-11-26T10:00:00+08:00' })).statusCode).toBe(403);
      expect((await get(`/api/v1/cases/${caseId}`, `officer${DAFENG}`)).statusCode).toBe(404);
    });

    it('a forwarded complaint', async () => {
      const created = await a.call('POST', '/api/v1/complaints', t[`complaint_handler${TINGHU}`]!, complaintBody(8));
      expectStatus(created, 201, 'complaint');
      const id = created.json().id as string;
      expectStatus(await a.call('POST', `/api/v1/complaints/${id}/forward`, t[`complaint_handler${TINGHU}`]!, { toBureau: YANDU }), 200, 'forward');
      expect((await get(`/api/v1/complaints/${id}`, `complaint_handler${YANDU}`)).statusCode).toBe(200);
      expect(await listed('/api/v1/complaints?pageSize=100', `complaint_handler${YANDU}`)).toContain(id);
      expect((await get(`/api/v1/complaints/${id}`, `complaint_handler${TINGHU}`)).json()).toMatchObject({ readOnly: true });
      expect((await a.call('POST', `/api/v1/complaints/${id}/acceptance`, t[`complaint_handler${TINGHU}`]!, { accepted: true })).statusCode).toBe(403);
      expect((await get(`/api/v1/complaints/${id}`, `complaint_handler${DAFENG}`)).statusCode).toBe(404);
    });

    it('a transferred lead', async () => {
      const created = await a.call('POST', '/api/v1/leads', t[`officer${TINGHU}`]!, leadBody(TINGHU, 9));
      expectStatus(created, 201, 'lead');
      const decided = await a.call('POST', `/api/v1/leads/${created.json().id}/decision`, t[`officer${TINGHU}`]!, { outcome: 'transfer', transferTo: YANDU });
      expectStatus(decided, 200, 'lead transfer');
      const moved = decided.json().transferredLeadId as string;
      expect((await get(`/api/v1/leads/${moved}`, `officer${YANDU}`)).json()).toMatchObject({ bureau: YANDU, readOnly: false });
      expect((await get(`/api/v1/leads/${moved}`, `officer${TINGHU}`)).json()).toMatchObject({ readOnly: true });
      expect((await a.call('POST', `/api/v1/leads/${moved}/pauses`, t[`officer${TINGHU}`]!, { reason: 'testing' })).statusCode).toBe(403);
      expect((await get(`/api/v1/leads/${moved}`, `officer${DAFENG}`)).statusCode).toBe(404);
    });
  });
});
