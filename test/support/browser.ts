import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { listenOnSparePort, startTestApp, TestApp } from './test-app';
import { buildWorld, PASSWORD, World } from './world';

/**
 * Debian's Chromium driven by playwright-core (no browser download): scripts/ensure-chromium.sh
 * installs it. The flags keep it quiet and offline apart from the app under test.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };
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

/** What a browser suite works with; the fields are filled in by the time its first test runs. */
export interface BrowserSuite {
  t: TestApp;
  w: World;
  /** Where the app listens, e.g. http://127.0.0.1:41234. */
  base: string;
  browser: Browser;
}

/**
 * Registers the set-up every browser suite shares (app, world, a spare port, Chromium) and its
 * tear-down. Call it at the top of a describe; a suite's own seeding goes in a beforeAll after it
 * (Jest runs them in order, so the fields are there).
 */
export function browserSuite(): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.t = await startTestApp();
    suite.w = await buildWorld(suite.t);
    suite.base = await listenOnSparePort(suite.t);
    suite.browser = await launchBrowser();
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.t?.close();
  });
  return suite;
}

export type StaffLanguage = 'ru' | 'en' | 'kk';

/** The browser locale a test uses for each language of the staff pages. */
export const STAFF_LOCALE: Record<StaffLanguage, string> = { ru: 'ru-RU', en: 'en-GB', kk: 'kk-KZ' };

interface StaffCatalogue {
  shell: { menu: string };
  signIn: { login: string; password: string; submit: string };
}

/** The words come from the web app's own catalogues, so a reworded label cannot drift from the tests. */
function staffCatalogue(language: StaffLanguage): StaffCatalogue {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'web', 'src', 'staff', 'locales', `${language}.json`), 'utf8')) as StaffCatalogue;
}

/**
 * Signs a member of staff in on the sign-in page, by the labels a person reads, and waits for the
 * shell's navigation. The password is the world's unless given.
 */
export async function signIn(page: Page, base: string, login: string, options: { language?: StaffLanguage; password?: string } = {}): Promise<void> {
  const words = staffCatalogue(options.language ?? 'ru');
  await page.goto(base + '/staff/sign-in');
  await page.getByLabel(words.signIn.login).fill(login);
  await page.getByLabel(words.signIn.password).fill(options.password ?? PASSWORD);
  await page.getByRole('button', { name: words.signIn.submit }).click();
  await page.getByRole('navigation', { name: words.shell.menu }).waitFor();
}

/** A fresh page in the language's locale (desktop-sized unless told), already signed in. */
export async function signedInPage(suite: BrowserSuite, login: string, options: { language?: StaffLanguage; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const language = options.language ?? 'ru';
  const { page } = await newPage(suite.browser, { locale: STAFF_LOCALE[language], viewport: options.viewport ?? DESKTOP });
  await signIn(page, suite.base, login, { language });
  return page;
}
