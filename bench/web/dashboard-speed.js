#!/usr/bin/env node
/**
 * How fast the analyst dashboard answers a change at the demo's 60,000 appeals.
 *
 *   npm run build && node bench/web/dashboard-speed.js [--runs 5] [--keep]
 *
 * 1. Creates a scratch database (BENCH_WEB_DATABASE_URL, default …/appeals_bench_web), migrates it
 *    and loads `npm run seed:demo` (60,000 historical appeals), then starts the built API
 *    (dist/src/main.js) on a spare port with its own queue prefix.
 * 2. In Chromium, signs in as the admin, opens the dashboard, and for each change — another window,
 *    a branch (drill down), another grouping — measures the time from the change (a select or a
 *    click) to the moment the table on screen shows the new report (its `data-report-query` is the
 *    new query and it is no longer busy). The page asks two reports per view (groups and months).
 * 3. Beside it, the report endpoint's own time for the same query, called directly (median of runs).
 * Steps back to a view seen in the same page load are answered from the page's one-minute cache
 * (use-report.ts) and are marked so. The scratch database is dropped at the end (unless --keep).
 */
const { spawn, execFileSync } = require('node:child_process');
const { join } = require('node:path');
const { Client } = require('pg');
const { chromium } = require('playwright-core');

const root = join(__dirname, '..', '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const keep = process.argv.includes('--keep');
const BASE_URL = process.env.TEST_DATABASE_URL || 'postgres://appeals:appeals@127.0.0.1:5432/appeals';
const DB_URL = process.env.BENCH_WEB_DATABASE_URL || BASE_URL.replace(/\/[^/]*$/, '/appeals_bench_web');
const DB_NAME = new URL(DB_URL).pathname.slice(1);
const PORT = 3900 + Math.floor(Math.random() * 90);
const ADMIN_PASSWORD = 'bench-admin-password';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function admin(sql) {
  const c = new Client({ connectionString: BASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function env() {
  return { ...process.env, DATABASE_URL: DB_URL, PORT: String(PORT), QUEUE_PREFIX: `bench_web_${process.pid}`, BOOTSTRAP_ADMIN_LOGIN: 'admin', BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD, DEMO_PASSWORD: 'bench-demo-password', NODE_ENV: 'development' };
}

async function waitForHealth(base) {
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the API did not start');
}

async function main() {
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB_NAME}`);
  let api;
  let browser;
  try {
    const t0 = Date.now();
    execFileSync('node', [join(root, 'dist/src/database/migrate.js')], { env: env(), stdio: 'inherit' });
    execFileSync('node', [join(root, 'dist/src/seed/seed.js'), '--demo'], { env: env(), stdio: 'inherit' });
    console.log(`database ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    api = spawn('node', [join(root, 'dist/src/main.js')], { env: env(), stdio: ['ignore', 'ignore', 'inherit'] });
    const base = `http://127.0.0.1:${PORT}`;
    await waitForHealth(base);
    const { accessToken } = await (await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: ADMIN_PASSWORD }) })).json();
    const branches = await (await fetch(`${base}/api/v1/branches`, { headers: { Authorization: `Bearer ${accessToken}` } })).json();

    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: FLAGS });
    const page = await (await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${base}/staff/sign-in`);
    await page.getByLabel('Логин').fill('admin');
    await page.getByLabel('Пароль').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('navigation', { name: 'Разделы' }).waitFor();

    /** Time from the change until the table shows a report for a different query, not busy. */
    async function timeChange(label, change) {
      const before = await page.locator('[data-report-query]').getAttribute('data-report-query');
      const started = Date.now();
      await change();
      await page.waitForFunction(
        (prev) => {
          const el = document.querySelector('[data-report-query]');
          return el && el.getAttribute('data-report-query') !== prev && el.getAttribute('aria-busy') === 'false';
        },
        before,
        { polling: 'raf' },
      );
      const ms = Date.now() - started;
      const query = await page.locator('[data-report-query]').getAttribute('data-report-query');
      return { label, ms, query };
    }

    async function endpointMs(query) {
      const times = [];
      for (let i = 0; i < runs; i++) {
        const s = process.hrtime.bigint();
        const r = await fetch(`${base}/api/v1/reports/resolution?${query}`, { headers: { Authorization: `Bearer ${accessToken}` } });
        await r.arrayBuffer();
        times.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
      return median(times);
    }

    const region = branches.find((b) => b.level === 'regional');
    const results = [];
    for (let i = 0; i < runs; i++) {
      // A fresh page load per run: the page's one-minute answer cache starts empty, so every view
      // below is fetched, except the last one, which the run has seen before.
      await page.goto(`${base}/staff/dashboard?win=year&year=2024`);
      await page.waitForFunction(() => document.querySelector('[data-report-query]')?.getAttribute('aria-busy') === 'false');
      results.push(await timeChange('window: year 2024 → 2023', () => page.getByLabel('Год', { exact: true }).selectOption('2023')));
      results.push(await timeChange('window: year → quarter', () => page.getByLabel('Вид периода').selectOption('quarter')));
      results.push(await timeChange('window: quarter → year (seen before: page cache)', () => page.getByLabel('Вид периода').selectOption('year')));
      results.push(await timeChange('window: year 2023 → 2024 (seen before: page cache)', () => page.getByLabel('Год', { exact: true }).selectOption('2024')));
      results.push(await timeChange('branch: drill into a region', () => page.getByRole('table').first().getByRole('button', { name: new RegExp(region.name.slice(0, 12)) }).first().click()));
      results.push(await timeChange('grouping: branch → channel', () => page.getByLabel('Группировать по').selectOption('channel')));
      results.push(await timeChange('grouping: channel → category', () => page.getByLabel('Группировать по').selectOption('category')));
      results.push(await timeChange('grouping: category → branch (seen before: page cache)', () => page.getByLabel('Группировать по').selectOption('branch')));
      results.push(await timeChange('branch: back up to all (seen before: page cache)', () => page.getByRole('navigation', { name: 'Филиал' }).getByRole('button').first().click()));
    }
    const labels = [...new Set(results.map((r) => r.label))];
    console.log(`\n| change | in the browser, median of ${runs} (ms) | max (ms) | report endpoint, median (ms) |\n|---|---|---|---|`);
    for (const label of labels) {
      const rows = results.filter((r) => r.label === label);
      const ms = rows.map((r) => r.ms);
      console.log(`| ${label} | ${median(ms)} | ${Math.max(...ms)} | ${(await endpointMs(rows[rows.length - 1].query)).toFixed(0)} |`);
    }
  } finally {
    await browser?.close();
    if (api && api.exitCode === null) {
      const exited = new Promise((r) => api.once('exit', r));
      api.kill('SIGTERM');
      await exited;
    }
    if (!keep) await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
