import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { usccCheckCharacter } from '#libs/domain';
import { hasBrowser, localDaysAgo, logIn, logOut, startConsoleSuite, CHROMIUM, type ConsoleSuite } from './browser-support.js';

const STEP_TIMEOUT_MS = 40_000;
/** The metrics projection is event-driven: outbox relay → JetStream → metrics inbox. */
const PROJECTION_WAIT_MS = 20_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const OPERATOR = { name: '盐城优品运动专营店', platform: '淘宝', storeUrl: 'https://shop.example.com/youpin' };
const USCC = (() => {
  const first17 = '91320902MA1YP0001';
  return first17 + usccCheckCharacter(first17);
})();

if (!hasBrowser) console.warn(`SKIPPED console journeys: ${CHROMIUM} is missing — install it with: apt-get update && apt-get install -y chromium`);

/**
 * Each role's main journey through the console against the real gateway and all five services
 * (issue 7): officer lead → filed case, complaint handler accept → close, supervisor dashboard →
 * late records.
 */
(hasBrowser ? describe : describe.skip)('console journeys of each role in a real browser', () => {
  let suite: ConsoleSuite;
  let h: ConsoleSuite['h'];
  let page: Page;
  let officerToken: string;
  let supervisorToken: string;
  let lateLeadId: string;
  const api = (token: string, method: string, url: string, payload?: unknown) => suite.api(token, method, url, payload);
  const shot = (name: string) => suite.shot(name);
  const choose = (fieldLabel: string, option: string) => suite.choose(fieldLabel, option);
  const statusTag = (text: string) => suite.statusTag(text);

  beforeAll(async () => {
    suite = await startConsoleSuite();
    ({ h, page } = suite);
    [officerToken, , supervisorToken] = await Promise.all([
      h.tokenFor('officer', '320902', 'li.officer'),
      h.tokenFor('complaint_handler', '320902', 'zhang.handler'),
      h.tokenFor('supervisor', '320900', 'wang.supervisor'),
      // The city bureau's inspector pool for the double-random draw (two at least).
      h.tokenFor('officer', '320900', 'zhou.inspector'),
      h.tokenFor('officer', '320900', 'wu.inspector'),
    ]);
    await suite.createUser('zhao.admin', 'admin', '320900');
    await suite.createUser('exchange.12315', 'integration', '320902');
  }, 120_000);

  afterAll(async () => {
    await suite?.close();
  }, STEP_TIMEOUT_MS);

  it('a supervisor’s dashboard starts with no report lead counted for 17.1', async () => {
    await logIn(page, h.baseUrl, 'wang.supervisor');
    const card = page.getByTestId('indicator-17.1');
    await card.waitFor();
    expect(await card.textContent()).toContain('分子/分母：0/0');
    await logOut(page);
  }, STEP_TIMEOUT_MS);

  it('records a back-dated report lead decided past its due date (the late record to find later)', async () => {
    const receivedAt = `${localDaysAgo(new Date(), 45)}T09:00:00+08:00`;
    const lead = await api(officerToken, 'POST', '/api/v1/leads', { channel: 'report', online: true, receivedAt, title: '超期核查的举报线索', subject: { name: '盐城某某贸易商行', platform: '拼多多' } });
    const decided = await api(officerToken, 'POST', `/api/v1/leads/${lead.id}/decision`, { outcome: 'no_case', reason: '经核查无违法事实' });
    expect(decided).toMatchObject({ status: 'decided', onTime: false });
    lateLeadId = lead.id;
  }, STEP_TIMEOUT_MS);

  it('an officer takes a lead from intake to a filed case and sees its due date and why', async () => {
    await logIn(page, h.baseUrl, 'li.officer');
    await page.getByText('待办线索与案件').first().waitFor();
    // Nothing open yet: the late lead recorded above is decided, history rather than work to do.
    await page.locator('.ant-table-placeholder').waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(0);
    await shot('officer-queue');

    await page.getByRole('button', { name: /登记线索/ }).click();
    await page.getByLabel('线索标题').fill('网店销售假冒运动鞋');
    await page.getByLabel('当事人统一社会信用代码').fill(USCC);
    await page.getByLabel('当事人名称').fill(OPERATOR.name);
    await page.getByLabel('所在平台').fill(OPERATOR.platform);
    await page.getByLabel('店铺网址').fill(OPERATOR.storeUrl);
    await page.getByRole('button', { name: /^登\s*记$/ }).click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    const leadId = page.url().split('/').pop()!;
    const lead = await api(officerToken, 'GET', `/api/v1/leads/${leadId}`);

    // The due date, and the explanation of it: start day, counted runs, the rule.
    const explanation = page.getByTestId('clock-explanation');
    await explanation.getByText('期限届满').waitFor();
    expect(await page.locator('.ant-descriptions-item').filter({ hasText: '核查期限' }).textContent()).toContain(lead.dueDate);
    expect(await explanation.textContent()).toContain(lead.dueDate);
    expect(await explanation.locator('.ant-tag').filter({ hasText: '计入' }).count()).toBeGreaterThan(0);
    await shot('officer-lead');

    await page.getByRole('tab', { name: '核查处理' }).click();
    await choose('处理结果', '立案');
    await page.getByRole('button', { name: /提交处理决定/ }).click();
    await statusTag('已处理').waitFor();
    const caseId = (await api(officerToken, 'GET', `/api/v1/leads/${leadId}`)).caseId as string;
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);

    // The cases service files it when lead.decided reaches it.
    let filed: Record<string, any> | undefined;
    for (let i = 0; i < 100 && !filed; i++) {
      const res = await h.request({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: { authorization: `Bearer ${officerToken}` } });
      if (res.statusCode === 200) filed = res.json();
      else await sleep(100);
    }
    expect(filed).toMatchObject({ id: caseId, leadId, status: 'filed' });
    await page.getByRole('link', { name: '查看案件' }).click();
    await page.waitForURL(new RegExp(`/cases/${caseId}$`));
    await statusTag('已立案').waitFor();
    expect(await page.locator('.ant-descriptions-item').filter({ hasText: '办理期限' }).textContent()).toContain(filed!.dueDate);
    const caseExplanation = page.getByTestId('clock-explanation');
    await caseExplanation.getByText('期限届满').waitFor();
    expect(await caseExplanation.textContent()).toContain(filed!.dueDate);
    await shot('officer-case');
    await logOut(page);
  }, STEP_TIMEOUT_MS);

  it('a complaint handler registers, accepts, mediates and closes a complaint', async () => {
    await logIn(page, h.baseUrl, 'zhang.handler');
    await page.getByText('投诉工作台').first().waitFor();
    await page.getByRole('button', { name: /登记投诉/ }).click();
    await page.getByLabel('投诉人姓名').fill('王小明');
    await page.getByLabel('联系电话').fill('13812345678');
    await page.getByLabel('被投诉方名称').fill(OPERATOR.name);
    await page.getByLabel('所在平台').fill(OPERATOR.platform);
    await page.getByLabel('投诉内容').fill('购买的运动鞋与宣传不符，要求退款');
    await page.getByRole('button', { name: /^登\s*记$/ }).click();
    await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
    await statusTag('待受理').waitFor();
    // The acceptance clock explained (7 working days of receipt).
    await page.getByTestId('clock-explanation').getByText('受理期限').first().waitFor();

    await page.getByRole('button', { name: /提交受理决定/ }).click();
    await statusTag('调解中').waitFor();
    // Accepted: the mediation clock (45 working days of acceptance) joins the explanation.
    await page.getByTestId('clock-explanation').getByText('调解期限').first().waitFor();
    await page.getByRole('tab', { name: '调解结果' }).click();
    await choose('调解结果', '调解成功');
    await page.getByRole('button', { name: /记录调解结果/ }).click();
    await statusTag('调解终结待办结').waitFor();
    await page.getByRole('tab', { name: '办结' }).click();
    await page.getByRole('button', { name: /办结（已告知消费者）/ }).click();
    await statusTag('已办结').waitFor();
    expect(await page.locator('.ant-descriptions-item').filter({ hasText: '调解结果' }).textContent()).toContain('调解成功');
    await shot('complaint-closed');

    await page.getByRole('menuitem', { name: /投诉工作台/ }).click();
    await page.locator('.ant-table-row').filter({ hasText: '已办结' }).waitFor();
    await shot('complaint-queue');
    await logOut(page);
  }, STEP_TIMEOUT_MS);

  it('a supervisor sees the indicators move and drills down to the late record', async () => {
    await logIn(page, h.baseUrl, 'wang.supervisor');
    const card = page.getByTestId('indicator-17.1');
    // On time: the officer's lead; late: the back-dated one → 1 of 2.
    const deadline = Date.now() + PROJECTION_WAIT_MS;
    for (;;) {
      await card.waitFor();
      if ((await card.textContent())?.includes('分子/分母：1/2')) break;
      if (Date.now() > deadline) throw new Error(`17.1 never showed 1/2: ${await card.textContent()}`);
      await sleep(500);
      await page.reload();
    }
    expect(await card.textContent()).toContain('50.00%');
    // Two items are below the minimum sample of ten: the rate is shown but not judged.
    expect(await card.textContent()).toContain('样本不足');
    await page.getByText('分县区情况（点击查看）').waitFor();
    await shot('supervisor-dashboard');

    await card.getByRole('button', { name: /超期明细/ }).click();
    await page.waitForURL(/\/indicators\/17\.1\?.*status=late/);
    const rows = page.locator('.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('超期');
    await shot('supervisor-drilldown');
    await rows.first().getByRole('link').click();
    await page.waitForURL(new RegExp(`/leads/${lateLeadId}$`));
    await page.locator('.ant-descriptions-item').filter({ hasText: '是否按时' }).getByText('超期').waitFor();
    await shot('supervisor-late-lead');

    await page.getByRole('menuitem', { name: /考核评分表/ }).click();
    await page.getByText('总分（满分').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shot('supervisor-scorecard');
    await page.getByRole('menuitem', { name: /待审批事项/ }).click();
    await page.getByText('临期未延期的线索与案件').waitFor();
    await shot('supervisor-approvals');
  }, STEP_TIMEOUT_MS);

  it('shows the operator’s credit page and draws operators for a double-random inspection', async () => {
    // The credit service registers the operator from the lead and case events.
    for (let i = 0; i < 50; i++) {
      const res = await h.request({ method: 'GET', url: `/api/v1/operators/${USCC}`, headers: { authorization: `Bearer ${supervisorToken}` } });
      if (res.statusCode === 200) break;
      await sleep(200);
    }
    await page.goto(`${h.baseUrl}/operators?uscc=${USCC}`);
    await page.getByText('风险等级与评分依据').waitFor();
    await page.getByText('计算日期').waitFor();
    await page.getByText(USCC).first().waitFor();
    await shot('credit-operator');

    await page.getByRole('menuitem', { name: /双随机抽查/ }).click();
    await page.getByLabel('抽查任务').fill('2026 年网络交易专项抽查');
    await page.getByLabel('随机种子（可选，用于复现）').fill('journey-seed');
    await page.getByRole('button', { name: /^抽\s*取$/ }).click();
    await page.getByText('抽取结果：2026 年网络交易专项抽查').waitFor();
    expect(await page.locator('code').filter({ hasText: 'journey-seed' }).count()).toBe(1);
    await shot('credit-draw');
  }, STEP_TIMEOUT_MS);

  it('an admin issues an API key to the 12315 exchange, which then works, and revokes it', async () => {
    await logOut(page);
    await logIn(page, h.baseUrl, 'zhao.admin');
    await page.getByRole('menuitem', { name: /用户管理/ }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: 'exchange.12315' });
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByLabel('用途').fill('12315 数据交换');
    await page.getByRole('button', { name: /签发新密钥/ }).click();
    const key = (await page.getByTestId('issued-api-key').textContent())!.trim();
    expect(key).toMatch(/^wj_[0-9a-f]{16}_/);
    await page.getByText('12315 数据交换').first().waitFor();
    await shot('admin-api-keys');

    const withKey = () => h.request({ method: 'GET', url: '/api/v1/leads', headers: { 'x-api-key': key } });
    expect((await withKey()).statusCode).toBe(200);
    await page.getByRole('button', { name: /^吊\s*销$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /^吊\s*销$/ }).click();
    await page.locator('.ant-tag').filter({ hasText: '已吊销' }).waitFor();
    expect((await withKey()).statusCode).toBe(401);
  }, STEP_TIMEOUT_MS);
});
