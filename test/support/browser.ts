import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core (no browser download): scripts/ensure-chromium.sh
 * installs it. The flags keep it quiet and offline apart from the app under test.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const PHONE = { width: 375, height: 812 };
/** A browser suite's set-up (app, world with argon2-hashed users, Chromium) on a busy shared machine. */
export const SETUP_TIMEOUT_MS = 180_000;
/**
 * Screenshots go to docs/screenshots (committed) with UPDATE_SCREENSHOTS=1, else to a temporary folder,
 * so an ordinary test run leaves the working tree clean.
 */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(__dirname, '..', '..', 'docs', 'screenshots') : join(tmpdir(), 'appeals-web-screenshots');
export const WEB_DIST = join(__dirname, '..', '..', 'web', 'dist', 'index.html');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh`);
  if (!existsSync(WEB_DIST)) throw new Error('web/dist is missing: run `npm run build` first (scripts/test.sh does)');
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** A fresh context (no storage shared with other tests) at a phone's size, with the browser's language. */
export async function newPage(browser: Browser, options: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: options.locale ?? 'kk-KZ', viewport: options.viewport ?? PHONE, timezoneId: 'Europe/London', deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  // Uncaught exceptions and console errors (a CSP refusal shows as one). A 4xx the page expects and
  // handles is logged by Chromium as "Failed to load resource": not a problem of the page.
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()}`);
  });
  pageProblems.set(page, problems);
  return { context, page };
}

const pageProblems = new WeakMap<Page, string[]>();

/**
 * Fails on serious and critical WCAG 2.1 A/AA violations, listing them readably, and on any script
 * error or console error the page has had so far.
 */
export async function expectAccessible(page: Page): Promise<void> {
  expect(pageProblems.get(page) ?? []).toEqual([]);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(report).toEqual([]);
}

/** A page never scrolls sideways on a phone. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
