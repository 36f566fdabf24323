import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { hasBrowser, localDaysAgo, logIn, startConsoleSuite, CHROMIUM, type ConsoleSuite } from './browser-support.js';

const STEP_TIMEOUT_MS = 90_000;
/** More than the list page the work queue once read (100), all due before the open lead. */
const DECIDED_BEFORE = 105;
const OPEN_TITLE = '新收到的网店售假举报（待核查）';

if (!hasBrowser) console.warn(`SKIPPED console work-queue history: ${CHROMIUM} is missing — install it with: apt-get update && apt-get install -y chromium`);

/**
 * A bureau with a long history: its decided leads, all due earlier, must not push its open
 * lead out of the officer's work queue.
 */
(hasBrowser ? describe : describe.skip)('console work queue of a bureau with a long history', () => {
  let suite: ConsoleSuite;
  let page: Page;
  let officerToken: string;

  beforeAll(async () => {
    suite = await startConsoleSuite();
    ({ page } = suite);
    officerToken = await suite.h.tokenFor('officer', '320904', 'qian.officer');
  }, 120_000);

  afterAll(async () => {
    await suite?.close();
  }, STEP_TIMEOUT_MS);

  it(`shows the open lead first although ${DECIDED_BEFORE} decided leads fall due before it`, async () => {
    const receivedAt = `${localDaysAgo(new Date(), 40)}T09:00:00+08:00`;
    const subject = { name: '盐城某某商贸有限公司', platform: '淘宝' };
    for (let i = 1; i <= DECIDED_BEFORE; i++) {
      const lead = await suite.api(officerToken, 'POST', '/api/v1/leads', { channel: 'report', online: true, receivedAt, title: `已办结的举报线索 ${i}`, subject });
      await suite.api(officerToken, 'POST', `/api/v1/leads/${lead.id}/decision`, { outcome: 'no_case', reason: '经核查无违法事实' });
    }
    const open = await suite.api(officerToken, 'POST', '/api/v1/leads', { channel: 'report', online: true, title: OPEN_TITLE, subject });
    const listed = await suite.api(officerToken, 'GET', '/api/v1/leads?pageSize=100');
    expect(listed.items.map((l: { id: string }) => l.id)).not.toContain(open.id); // what the queue page used to read

    await logIn(page, suite.h.baseUrl, 'qian.officer');
    const firstRow = page.locator('.ant-table-row').first();
    await firstRow.filter({ hasText: OPEN_TITLE }).waitFor();
    // Only open records: the decided ones are history, shown when their status is chosen.
    expect(await page.locator('.ant-table-row').filter({ hasText: '已办结的举报线索' }).count()).toBe(0);
    await suite.shot('officer-queue-long-history');
  }, STEP_TIMEOUT_MS);
});
