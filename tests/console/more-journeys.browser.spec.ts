import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { usccCheckCharacter } from '#libs/domain';
import { hasBrowser, localDaysAgo, logIn, logOut, startConsoleSuite, CHROMIUM, type ConsoleSuite } from './browser-support.js';

const STEP_TIMEOUT_MS = 40_000;
/** Events (case filing, calendar broadcast, metrics projection) arrive within this. */
const EVENT_WAIT_MS = 20_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const NEAR_DUE_TITLE = '临期核查的监测信息';
const CASE_TITLE = '网店销售假冒运动鞋（平台分发）';
const RECEIVING_BUREAU = '盐都区市场监督管理局';
const uscc = (first17: string) => first17 + usccCheckCharacter(first17);
const VALID_USCC = uscc('91320902MA1YP0002');
const BAD_USCC = (() => {
  const valid = uscc('91320902MA1YP0003');
  return valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
})();

/** `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai (the browser's zone), as the date-time picker takes it. */
function localDateTime(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(at);
}

if (!hasBrowser) console.warn(`SKIPPED console journeys: ${CHROMIUM} is missing — install it with: apt-get update && apt-get install -y chromium`);

/**
 * The console journeys journeys.browser.spec.ts leaves out, each walked by its real user:
 * bulk import with its per-row report, evidence upload with the hash check, an indicator
 * threshold flipping the dashboard, Order 121 confirmed and a complaint re-based, a calendar
 * override moving a case's due date, a case transfer between bureaus, a lead extension.
 */
(hasBrowser ? describe : describe.skip)('more console journeys in a real browser', () => {
  let suite: ConsoleSuite;
  let page: Page;
  let baseUrl: string;
  let officerToken: string;
  let handlerToken: string;
  let nearDueLeadId: string;
  let caseId: string;

  /** The value of a Descriptions item (e.g. 办理期限) on a record page. */
  const item = (label: string) => page.locator('.ant-descriptions-item').filter({ hasText: label });
  const menu = (name: string) => page.getByRole('menuitem', { name: new RegExp(name) }).click();
  const tab = (name: string) => page.getByRole('tab', { name }).click();
  const explanation = () => page.getByTestId('clock-explanation');
  /** The case's row in the work queue (the lead it came from has the same title). */
  const caseRow = () => page.locator('.ant-table-row').filter({ hasText: CASE_TITLE }).filter({ has: page.locator('.ant-tag', { hasText: '案件' }) });
  /** Clicks and waits for the API's answer to that click. */
  const clickAwaiting = async (button: ReturnType<Page['getByRole']>, method: string, path: string) => {
    await Promise.all([page.waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname === path), button.click()]);
  };
  /** Reloads the page until `read` shows `wanted`: what events change shows up a moment later. */
  const reloadUntil = async (read: () => Promise<string | null>, wanted: (text: string) => boolean) => {
    const deadline = Date.now() + EVENT_WAIT_MS;
    for (;;) {
      const text = await read().catch(() => null);
      if (text !== null && wanted(text)) return;
      if (Date.now() > deadline) throw new Error(`never as expected: ${text}`);
      await sleep(500);
      await page.reload();
    }
  };

  beforeAll(async () => {
    suite = await startConsoleSuite({ eventWaitMs: EVENT_WAIT_MS });
    ({ page } = suite);
    baseUrl = suite.h.baseUrl;
    [officerToken, handlerToken] = await Promise.all([suite.h.tokenFor('officer', '320902', 'li.officer'), suite.h.tokenFor('complaint_handler', '320902', 'zhang.handler')]);
    await Promise.all([
      suite.createUser('sun.officer', 'officer', '320903'),
      suite.createUser('wang.supervisor', 'supervisor', '320900'),
      suite.createUser('zhao.admin', 'admin', '320900'),
    ]);
  }, 120_000);

  afterAll(async () => {
    await suite?.close();
  }, STEP_TIMEOUT_MS);

  it('an officer imports platform monitoring items and reads the per-row report', async () => {
    const now = new Date();
    const today = localDaysAgo(now, 0);
    // An item received so long ago that its 15 working days run out within the reminder window.
    const soon = (await suite.api(officerToken, 'GET', `/api/v1/calendar/add?from=${today}&days=3&kind=working`)).dueDate as string;
    let nearDueReceived = '';
    for (let days = 14; !nearDueReceived; days++) {
      const received = localDaysAgo(now, days);
      if ((await suite.api(officerToken, 'GET', `/api/v1/calendar/add?from=${received}&days=15&kind=working`)).dueDate <= soon) nearDueReceived = received;
    }
    const csv = [
      'platformItemId,title,subjectUscc,subjectName,platform,storeUrl,receivedAt',
      `JC-0001,${NEAR_DUE_TITLE},,盐城某某食品店,拼多多,,${nearDueReceived}T09:00:00+08:00`,
      `JC-0002,${CASE_TITLE},${VALID_USCC},盐城优品运动专营店,淘宝,https://shop.example.com/youpin,${today}`,
      `JC-0003,信用代码有误的监测信息,${BAD_USCC},盐城某某商行,京东,,${today}`,
      `JC-0001,${NEAR_DUE_TITLE},,盐城某某食品店,拼多多,,${nearDueReceived}T09:00:00+08:00`,
    ].join('\r\n');

    await logIn(page, baseUrl, 'li.officer');
    await menu('监测信息批量导入');
    await page.getByText('表头列名说明').click();
    await page.getByRole('cell', { name: 'platformItemId' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: '监测信息-2026-11.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: /开始导入/ }).click();

    const count = (title: string) => page.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content');
    await page.getByText('导入结果').waitFor();
    expect(await count('导入成功').textContent()).toBe('2');
    expect(await count('已存在（跳过）').textContent()).toBe('1');
    expect(await count('被拒绝').textContent()).toBe('1');
    const rejected = page.locator('.ant-table-row').filter({ hasText: 'JC-0003' });
    expect(await rejected.textContent()).toContain('拒绝');
    expect(await rejected.textContent()).toContain('统一社会信用代码校验位错误');
    await suite.shot('officer-import-report');

    const leads = (await suite.api(officerToken, 'GET', '/api/v1/leads?channel=platform_monitoring')).items as Record<string, any>[];
    expect(leads.map((l) => l.title).sort()).toEqual([NEAR_DUE_TITLE, CASE_TITLE].sort());
    nearDueLeadId = leads.find((l) => l.title === NEAR_DUE_TITLE)!.id;
  }, STEP_TIMEOUT_MS);

  it('files a case from an imported item and uploads evidence whose SHA-256 is verified', async () => {
    // From the report straight to the imported lead.
    await page.locator('.ant-table-row').filter({ hasText: 'JC-0002' }).getByRole('link', { name: 'JC-0002' }).click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    await tab('核查处理');
    await suite.choose('处理结果', '立案');
    await page.getByRole('button', { name: /提交处理决定/ }).click();
    await suite.statusTag('已处理').waitFor();
    const leadId = page.url().split('/').pop()!;
    caseId = (await suite.api(officerToken, 'GET', `/api/v1/leads/${leadId}`)).caseId;
    await suite.eventually(officerToken, `/api/v1/cases/${caseId}`);
    await page.getByRole('link', { name: '查看案件' }).click();
    await page.waitForURL(new RegExp(`/cases/${caseId}$`));
    await suite.statusTag('已立案').waitFor();

    const snapshot = Buffer.from(`<html><body><h1>${CASE_TITLE}</h1><p>售价 199 元，页面宣称正品。</p></body></html>`);
    const sha256 = createHash('sha256').update(snapshot).digest('hex');
    await suite.choose('证据类型', '网页');
    await page.getByLabel('来源网址').fill('https://shop.example.com/youpin/item/1');
    await page.getByLabel('取证时间').click();
    await page.getByLabel('取证时间').fill(localDateTime(new Date(Date.now() - 3_600_000)));
    await page.locator('.ant-picker-dropdown:visible .ant-picker-ok button').click();
    await page.getByLabel('取证方式').fill('网页截图并保存源代码');
    await page.locator('input[type=file]').setInputFiles({ name: 'youpin-item-1.html', mimeType: 'text/html', buffer: snapshot });
    await page.getByRole('button', { name: /上传证据/ }).click();

    const row = page.locator('.ant-table-row').filter({ hasText: 'youpin-item-1.html' });
    await row.waitFor();
    expect(await row.getByTestId('evidence-sha256').textContent()).toContain(sha256);
    await row.getByRole('button', { name: /校\s*验/ }).click();
    expect(await row.getByTestId('evidence-integrity').textContent()).toBe('校验通过');
    await suite.shot('officer-case-evidence');
    await logOut(page);
  }, STEP_TIMEOUT_MS);

  it('an admin’s threshold change flips an indicator between not met and met on the dashboard', async () => {
    await logIn(page, baseUrl, 'zhao.admin');
    const card = page.getByTestId('indicator-19.2');
    // 19.2 counts the decided import (the other one is open and not yet due): 1 of 1, below the default minimum sample.
    await reloadUntil(() => card.textContent({ timeout: 5_000 }), (text) => text.includes('分子/分母：1/1'));
    expect(await card.textContent()).toContain('样本不足');

    const setThreshold = async (values: { threshold: string; minimumSample: string }) => {
      await menu('指标阈值');
      const row = page.locator('.ant-table-row').filter({ hasText: '19.2 ' });
      await row.getByLabel('阈值').fill(values.threshold);
      await row.getByLabel('最小样本').fill(values.minimumSample);
      await clickAwaiting(row.getByRole('button', { name: /保\s*存/ }), 'PUT', '/api/v1/indicators/config/19.2');
      await menu('市级驾驶舱');
    };
    const verdict = () => card.locator('.ant-tag').first();

    await setThreshold({ threshold: '90', minimumSample: '1' });
    await card.waitFor();
    expect(await verdict().textContent()).toBe('达标');
    // 100 % is not "greater than 100 %".
    await setThreshold({ threshold: '100', minimumSample: '1' });
    await card.waitFor();
    expect(await verdict().textContent()).toBe('未达标');
    expect(await card.textContent()).toContain('100.00%');
    await suite.shot('admin-threshold-dashboard');
  }, STEP_TIMEOUT_MS);

  it('an admin confirms Order 121 and re-bases a running complaint onto it', async () => {
    const complaint = await suite.api(handlerToken, 'POST', '/api/v1/complaints', {
      online: true,
      consumer: { name: '王小明', phone: '13812345678' },
      operator: { name: '盐城某某数码专营店', platform: '京东' },
      description: '耳机收到后无法充电，商家拒绝退货',
    });
    const accepted = await suite.api(handlerToken, 'POST', `/api/v1/complaints/${complaint.id}/acceptance`, { accepted: true });
    expect(accepted).toMatchObject({ status: 'mediating', ruleUnconfirmed: true, ruleSet: { id: 'complaint-order-121', version: 1 } });

    await menu('期限规则确认');
    await page.locator('.ant-card-extra').getByText('待确认', { exact: true }).waitFor();
    await page.getByLabel('调解期限（个工作日）').fill('30');
    await page.getByRole('button', { name: /确认规则/ }).click();
    await page.locator('.ant-card-extra').getByText('已确认').waitFor();
    expect(await item('版本').textContent()).toContain('v2');
    expect(await item('确认人').textContent()).toContain('zhao.admin');

    const row = page.locator('.ant-table-row').filter({ hasText: '盐城某某数码专营店' });
    expect(await row.textContent()).toContain('规则待确认');
    await row.getByRole('button', { name: /按新版本重算/ }).click();
    await row.getByText('已重算').waitFor();
    const after = await suite.api(handlerToken, 'GET', `/api/v1/complaints/${complaint.id}`);
    expect(after).toMatchObject({ ruleUnconfirmed: false, ruleSet: { version: 2 } });
    expect(after.currentDueDate < accepted.currentDueDate).toBe(true);
    expect(await row.getByTestId('rebased-due-date').textContent()).toBe(`${accepted.currentDueDate} → ${after.currentDueDate}`);
    await suite.shot('admin-rule-set-rebase');
  }, STEP_TIMEOUT_MS);

  it('an admin’s calendar override moves a case’s due date, and the officer sees why', async () => {
    const before = await suite.api(officerToken, 'GET', `/api/v1/cases/${caseId}`);
    const due = before.dueDate as string;
    const year = due.slice(0, 4);

    await menu('工作日历');
    const holidays = page.getByLabel('放假日期（每行：日期 名称）');
    // A year already known opens with the holidays in force: saving replaces the whole year.
    await page.getByLabel('年份').fill('2026');
    await page.getByText('2026 年已有安排').waitFor();
    expect(await holidays.inputValue()).toContain('2026-10-01 国庆节');
    await page.getByLabel('年份').fill(year);
    await page.getByText('录入年度安排').waitFor();
    await holidays.waitFor();
    const current = await holidays.inputValue();
    await holidays.fill(`${current ? `${current}\n` : ''}${due} 调休放假`);
    await clickAwaiting(page.getByRole('button', { name: /保存并通知各服务/ }), 'PUT', `/api/v1/calendar/years/${year}`);
    await page.locator('.ant-tag').filter({ hasText: year }).waitFor();
    await suite.shot('admin-calendar');
    await logOut(page);

    await logIn(page, baseUrl, 'li.officer');
    await caseRow().getByRole('link').click();
    await page.waitForURL(new RegExp(`/cases/${caseId}$`));
    await reloadUntil(() => item('办理期限').textContent({ timeout: 5_000 }), (text) => !text.includes(due));
    const after = await suite.api(officerToken, 'GET', `/api/v1/cases/${caseId}`);
    expect(after.dueDate > due).toBe(true);
    expect(after.provisional).toBe(false);
    expect(await item('办理期限').textContent()).toContain(after.dueDate);
    await explanation().getByRole('cell', { name: `届满日 ${due} 非工作日，顺延至 ${after.dueDate}` }).waitFor();
    await suite.shot('officer-case-due-moved');
  }, STEP_TIMEOUT_MS);

  it('an officer transfers the case; it leaves the sender’s queue and reaches the receiving bureau', async () => {
    await tab('移送管辖');
    await suite.choose('移送至', RECEIVING_BUREAU);
    await page.getByLabel('移送理由').fill('当事人实际经营地在盐都区，依法移送有管辖权的局');
    await page.getByRole('button', { name: /^移\s*送$/ }).click();
    await page.getByText(`本案已移送${RECEIVING_BUREAU}办理，本局仅可查阅`).waitFor();
    expect(await page.getByText('办理操作').count()).toBe(0);
    await suite.shot('officer-case-transferred');

    await menu('待办线索与案件');
    const rows = page.locator('.ant-table-row');
    await rows.filter({ hasText: NEAR_DUE_TITLE }).waitFor();
    expect(await caseRow().count()).toBe(0);
    await logOut(page);

    await logIn(page, baseUrl, 'sun.officer');
    await caseRow().getByRole('link').click();
    await page.waitForURL(new RegExp(`/cases/${caseId}$`));
    await page.getByText(`由亭湖区市场监督管理局移送至${RECEIVING_BUREAU}`).waitFor();
    expect(await item('承办局').textContent()).toContain(RECEIVING_BUREAU);
    // The receiving bureau handles it, but may not pass it on.
    await page.getByRole('tab', { name: '作出决定' }).waitFor();
    expect(await page.getByRole('tab', { name: '移送管辖' }).count()).toBe(0);
    await suite.shot('receiver-case');
    await logOut(page);
  }, STEP_TIMEOUT_MS);

  it('a supervisor extends a lead near its due date and sees the new date and why', async () => {
    const before = await suite.api(officerToken, 'GET', `/api/v1/leads/${nearDueLeadId}`);
    await logIn(page, baseUrl, 'wang.supervisor');
    await menu('待审批事项');
    await page.locator('.ant-table-row').filter({ hasText: NEAR_DUE_TITLE }).getByRole('link').click();
    await page.waitForURL(new RegExp(`/leads/${nearDueLeadId}$`));
    await tab('批准延期');
    await page.getByLabel('延期理由').fill('需平台调取交易记录，核查未能如期完成');
    await page.getByRole('button', { name: /批准延长 15 个工作日/ }).click();
    await item('核查期限').getByText('已延期').waitFor();

    const after = await suite.api(officerToken, 'GET', `/api/v1/leads/${nearDueLeadId}`);
    expect(after.extended).toBe(true);
    expect(after.dueDate > before.dueDate).toBe(true);
    expect(await item('核查期限').textContent()).toContain(after.dueDate);
    await explanation().getByText('经 wang.supervisor 批准延长 15个工作日：需平台调取交易记录，核查未能如期完成').waitFor();
    expect(await explanation().textContent()).toContain(after.dueDate);
    await page.getByText('wang.supervisor 批准延期：需平台调取交易记录，核查未能如期完成').waitFor();
    await suite.shot('supervisor-lead-extended');

    await menu('待审批事项');
    const due = page.locator('.ant-card').filter({ hasText: '临期未延期的线索与案件' });
    await due.locator('.ant-table-placeholder').waitFor();
    while ((await due.locator('.ant-spin-spinning').count()) > 0) await sleep(100);
    expect(await due.locator('.ant-table-row').filter({ hasText: NEAR_DUE_TITLE }).count()).toBe(0);
  }, STEP_TIMEOUT_MS);
});
