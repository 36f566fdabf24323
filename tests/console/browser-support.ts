import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { loadConfig } from '#libs/config';
import type { Role } from '#libs/contracts';
import { startService, SystemClock } from '#libs/service-kit';
import { CasesConfig } from '../../apps/cases/src/cases.config.js';
import { CasesModule } from '../../apps/cases/src/cases.module.js';
import { ComplaintsConfig } from '../../apps/complaints/src/complaints.config.js';
import { ComplaintsModule } from '../../apps/complaints/src/complaints.module.js';
import { CreditConfig } from '../../apps/credit/src/credit.config.js';
import { CreditModule } from '../../apps/credit/src/credit.module.js';
import { UsersService } from '../../apps/gateway/src/users/users.service.js';
import { LeadsConfig } from '../../apps/leads/src/leads.config.js';
import { LeadsModule } from '../../apps/leads/src/leads.module.js';
import { MetricsConfig } from '../../apps/metrics/src/metrics.config.js';
import { MetricsModule } from '../../apps/metrics/src/metrics.module.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasBrowser = existsSync(CHROMIUM);
/** The password `GatewayHarness.tokenFor` gives every user it creates. */
export const PASSWORD = 'correct-horse-battery';
/** Screenshots of each main page (gitignored; CI keeps them as artifacts). */
export const SCREENSHOTS = process.env.CONSOLE_SCREENSHOT_DIR ?? join(process.cwd(), 'test-results', 'console');

const CONSOLE_SRC = 'apps/console/src';
const CONSOLE_INDEX = 'apps/console/dist/index.html';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the console when there is no build or the sources changed since (vite takes ~30 s). */
export function ensureConsoleBuilt(): void {
  if (existsSync(CONSOLE_INDEX) && statSync(CONSOLE_INDEX).mtimeMs >= newestMtime(CONSOLE_SRC)) return;
  execFileSync('npx', ['vite', 'build', 'apps/console', '--logLevel', 'error'], { stdio: 'inherit' });
}

/** Debian's Chromium, headless, with a fresh profile so no state leaks between runs. */
export async function launchBrowser(): Promise<{ browser: BrowserContext; userDataDir: string }> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const userDataDir = mkdtempSync(join(tmpdir(), 'wj-chromium-'));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return { browser, userDataDir };
}

/** `YYYY-MM-DD` in Asia/Shanghai, `days` before `now`. */
export function localDaysAgo(now: Date, days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(now.getTime() - days * 86_400_000));
}

export async function logIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('current-user').waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /退\s*出/ }).click();
  await page.getByLabel('用户名').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  // Charts and antd transitions settle within a few frames; passing toasts would hide the page.
  await page.waitForTimeout(300);
  await page.screenshot({ path, fullPage: true, style: '.ant-message { display: none !important; }' });
  return path;
}

/** Every backend service in-process on the harness's database and NATS prefix. */
async function startServices(h: GatewayHarness): Promise<INestApplication[]> {
  // The services run on the real clock: the browser's "today" is the real one, and the metrics
  // projection orders a record's snapshots by the instant they were recorded, which a frozen
  // clock would make a tie (received and decided in the same millisecond).
  const clock = { clock: new SystemClock() };
  const leads = loadConfig(LeadsConfig, h.env);
  const cases = loadConfig(CasesConfig, h.env);
  const complaints = loadConfig(ComplaintsConfig, { ...h.env, PII_KEY: 'ab'.repeat(32) });
  const credit = loadConfig(CreditConfig, h.env);
  const metrics = loadConfig(MetricsConfig, h.env);
  return Promise.all([
    startService(LeadsModule.register(leads, clock), 'leads', leads),
    startService(CasesModule.register(cases, clock), 'cases', cases),
    startService(ComplaintsModule.register(complaints, clock), 'complaints', complaints),
    startService(CreditModule.register(credit, clock), 'credit', credit),
    startService(MetricsModule.register(metrics, clock), 'metrics', metrics),
  ]);
}

/** The gateway, all five services and one browser page, shared by every journey of a spec file. */
export interface ConsoleSuite {
  h: GatewayHarness;
  page: Page;
  /** A JSON call with a bearer token, for preconditions no page sets up; throws on 3xx–5xx. */
  api(token: string, method: string, url: string, payload?: unknown): Promise<Record<string, any>>;
  /** Polls a GET until it answers 200 (records that events create arrive a moment later). */
  eventually(token: string, url: string, accept?: (body: Record<string, any>) => boolean): Promise<Record<string, any>>;
  /** Creates a user without logging in: the login rate limit counts every login of the test. */
  createUser(username: string, role: Role, bureau: string): Promise<void>;
  shot(name: string): Promise<void>;
  /** An antd Select: open it by its label, pick the option by its text. */
  choose(fieldLabel: string, option: string): Promise<void>;
  /** The status tag in the record card's header. */
  statusTag(text: string): Locator;
  close(): Promise<void>;
}

export async function startConsoleSuite(options: { eventWaitMs?: number } = {}): Promise<ConsoleSuite> {
  const eventWaitMs = options.eventWaitMs ?? 20_000;
  ensureConsoleBuilt();
  const h = await startGatewayHarness({ now: new Date().toISOString() });
  const services = await startServices(h);
  const { browser, userDataDir } = await launchBrowser();
  const page = await browser.newPage();
  const shots: string[] = [];
  const get = (token: string, url: string) => h.request({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  return {
    h,
    page,
    async api(token, method, url, payload) {
      const res = await h.request({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload }) });
      if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
      return res.json() as Record<string, any>;
    },
    async eventually(token, url, accept = () => true) {
      const deadline = Date.now() + eventWaitMs;
      for (;;) {
        const res = await get(token, url);
        if (res.statusCode === 200 && accept(res.json())) return res.json() as Record<string, any>;
        if (Date.now() > deadline) throw new Error(`GET ${url} never answered as expected: ${res.statusCode} ${res.body}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async createUser(username, role, bureau) {
      await h.app.get(UsersService).create({ username, password: PASSWORD, role, bureau });
    },
    async shot(name) {
      shots.push(await screenshot(page, name));
    },
    async choose(fieldLabel, option) {
      // The form marks required fields with an asterisk in the accessible name ("* 调解结果").
      await page.getByRole('combobox', { name: new RegExp(`^(\\* )?${fieldLabel}$`) }).click();
      await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
    },
    statusTag: (text) => page.locator('.ant-card-extra .ant-tag').filter({ hasText: text }),
    async close() {
      await browser.close();
      for (const s of services.reverse()) await s.close();
      await h.close();
      rmSync(userDataDir, { recursive: true, force: true });
      if (shots.length) console.info(`console screenshots:\n${shots.join('\n')}`);
    },
  };
}
