import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { loadConfig } from '#libs/config';
import { usccCheckCharacter } from '#libs/domain';
import { startService } from '#libs/service-kit';
import { LeadsConfig } from '../../apps/leads/src/leads.config.js';
import { LeadsModule } from '../../apps/leads/src/leads.module.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';

const HEADER = 'platformItemId,title,subjectUscc,subjectName,platform,storeUrl,receivedAt,platformDueDate,description';
const uscc = (n: number) => {
  const first17 = `91320902${String(n).padStart(9, '0')}`.slice(0, 17);
  return first17 + usccCheckCharacter(first17);
};

/**
 * Platform items; every 1,000th row is refused (no subject), every 997th repeats the row before's subject and title,
 * and so does item 2003 (the first of the second batch of 2,000 valid items: its original is in the batch before).
 */
function monitoringCsv(rows: number, prefix: string): { csv: string; rejectedRows: number[] } {
  const lines = [HEADER];
  const rejectedRows: number[] = [];
  for (let i = 1; i <= rows; i++) {
    const day = String(1 + (i % 20)).padStart(2, '0');
    // Random hex keeps the export from compressing away, so the XLSX reply really is large.
    const description = randomBytes(60).toString('hex');
    if (i % 1000 === 0) {
      lines.push(`${prefix}-${i},无主体线索 ${i},,,,,2026-11-${day},,${description}`);
      rejectedRows.push(i + 1);
    } else {
      const n = i % 997 === 0 || i === 2003 ? i - 1 : i;
      lines.push(`${prefix}-${i},销售假冒商品 ${n},${uscc(n)},盐城网店${n},某平台,https://shop.example.cn/${n},2026-11-${day},2026-11-26,${description}`);
    }
  }
  return { csv: lines.join('\n'), rejectedRows };
}

describe('leads bulk import of large files', () => {
  let h: GatewayHarness;
  let service: INestApplication;
  let db: pg.Client;
  let officer: string;

  const importFile = (content: Buffer | string, name: string, type: string) => {
    const form = new FormData();
    form.set('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }), name);
    return h.request({ method: 'POST', url: '/api/v1/leads/import', headers: { authorization: `Bearer ${officer}` }, payload: form });
  };

  beforeAll(async () => {
    h = await startGatewayHarness({ now: '2026-11-27T02:00:00Z' });
    const config = loadConfig(LeadsConfig, h.env);
    service = await startService(LeadsModule.register(config, { clock: h.clock }), 'leads', config);
    db = new pg.Client({ connectionString: h.db.url });
    await db.connect();
    officer = await h.tokenFor('officer', '320902');
  });
  afterAll(async () => {
    await db?.end();
    await service?.close();
    await h?.close();
  });

  it('imports a 20,000-row CSV with its per-row report, idempotently, and exports more than 1 MB of XLSX', async () => {
    const { csv, rejectedRows } = monitoringCsv(20_000, 'JC');
    expect(csv.length).toBeGreaterThan(4 * 1024 * 1024);
    const first = await importFile(csv, 'items.csv', 'text/csv');
    expect(first.statusCode).toBe(200);
    const report = first.json();
    expect(report).toMatchObject({ imported: 20_000 - rejectedRows.length, duplicates: 0, rejected: rejectedRows.length });
    expect(report.rows).toHaveLength(20_000);
    expect(report.rows.map((r: { row: number }) => r.row)).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 2));
    expect(report.errors.map((e: { row: number }) => e.row)).toEqual(rejectedRows);
    expect(report.errors[0]).toMatchObject({ field: 'subjectName' });
    const leadIds = new Set(report.rows.filter((r: { status: string }) => r.status === 'imported').map((r: { leadId: string }) => r.leadId));
    expect(leadIds.size).toBe(report.imported);

    // Every imported item is a lead with its lead.received event; a repeated subject and title is flagged as in one-by-one intake.
    const counts = await db.query(
      `SELECT (SELECT count(*)::int FROM leads.leads WHERE source_kind = 'platform_item') AS leads,
              (SELECT count(*)::int FROM leads.outbox WHERE type = 'lead.received') AS received,
              (SELECT count(*)::int FROM leads.outbox WHERE type = 'lead.duplicate_flagged') AS flagged,
              (SELECT count(*)::int FROM leads.transfer_parts) AS parts`,
    );
    expect(counts.rows[0]).toEqual({ leads: report.imported, received: report.imported, flagged: 21, parts: 0 });
    const flagged = await db.query(
      `SELECT d.source_ref AS item, o.source_ref AS original FROM leads.leads d JOIN leads.leads o ON o.id = d.duplicate_of
        WHERE d.source_ref IN ('JC-997', 'JC-2003') ORDER BY d.received_at`,
    );
    expect(flagged.rows).toEqual(expect.arrayContaining([{ item: 'JC-997', original: 'JC-996' }, { item: 'JC-2003', original: 'JC-2002' }]));
    expect(flagged.rows).toHaveLength(2);

    const again = (await importFile(csv, 'items.csv', 'text/csv')).json();
    expect(again).toMatchObject({ imported: 0, duplicates: 20_000 - rejectedRows.length, rejected: rejectedRows.length });
    expect(again.rows[0]).toMatchObject({ row: 2, itemId: 'JC-1', status: 'duplicate', leadId: report.rows[0].leadId });
    expect((await db.query(`SELECT count(*)::int AS n FROM leads.leads`)).rows[0].n).toBe(report.imported);

    const exported = await fetch(`${h.baseUrl}/api/v1/leads/export.xlsx?from=2026-11-01&to=2026-11-30`, { headers: { authorization: `Bearer ${officer}` } });
    expect(exported.status).toBe(200);
    const xlsx = Buffer.from(await exported.arrayBuffer());
    expect(xlsx.length).toBeGreaterThan(1024 * 1024);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.actualRowCount).toBe(1 + report.imported);
    expect((await db.query(`SELECT count(*)::int AS n FROM leads.transfer_parts`)).rows[0].n).toBe(0);
  });

  it('imports each item exactly once when two imports of the same file race', async () => {
    const { csv, rejectedRows } = monitoringCsv(6_000, 'RACE');
    const [a, b] = (await Promise.all([importFile(csv, 'a.csv', 'text/csv'), importFile(csv, 'b.csv', 'text/csv')])).map((r) => {
      expect(r.statusCode).toBe(200);
      return r.json();
    });
    const valid = 6_000 - rejectedRows.length;
    expect(a.imported + b.imported).toBe(valid);
    expect(a.duplicates + b.duplicates).toBe(valid);
    expect([a.rejected, b.rejected]).toEqual([rejectedRows.length, rejectedRows.length]);
    // Both reports name the one lead of each item.
    const leadOf = (r: { rows: { itemId: string; leadId?: string }[] }) => new Map(r.rows.filter((x) => x.leadId).map((x) => [x.itemId, x.leadId]));
    expect(leadOf(a)).toEqual(leadOf(b));
    const counts = await db.query(
      `SELECT (SELECT count(*)::int FROM leads.leads WHERE source_ref LIKE 'RACE-%') AS leads,
              (SELECT count(*)::int FROM leads.outbox o JOIN leads.leads l ON l.id::text = o.envelope->>'aggregateId'
                WHERE o.type = 'lead.received' AND l.source_ref LIKE 'RACE-%') AS received`,
    );
    expect(counts.rows[0]).toEqual({ leads: valid, received: valid });
  });

  it('imports an XLSX larger than one NATS message', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('items');
    sheet.addRow(HEADER.split(','));
    for (let i = 1; i <= 3_000; i++) {
      sheet.addRow([`XL-${i}`, `虚假宣传 ${i}`, '', `盐城店铺${i}`, '某平台', `https://x.example.cn/${i}`, '2026-11-10', '', randomBytes(300).toString('hex')]);
    }
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(xlsx.length).toBeGreaterThan(1024 * 1024);
    const res = await importFile(xlsx, 'items.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 3_000, duplicates: 0, rejected: 0 });
  });

  it('refuses a file over 10 MB with 400, not 503', async () => {
    const res = await importFile(Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'huge.csv', 'text/csv');
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toMatchObject([{ field: 'file', code: 'FILE_TOO_LARGE' }]);
  });
});
