import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

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
