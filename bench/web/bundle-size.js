#!/usr/bin/env node
/**
 * What the portal's first page costs on a slow line.
 *
 *   npm run build && npm run bench:web [-- --runs 5]
 *
 * 1. Sizes: every JavaScript and CSS file the home page (/) loads in Chromium, raw and gzip
 *    (level 9, what the service sends), against the 150 KB gzip JavaScript budget.
 * 2. Time: the first page loaded cold (new browser context, empty cache) under CDP network
 *    throttling of a slow mobile line — 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency —
 *    until the page's heading is drawn and until the load event; median of the runs.
 * The page is served by the service's own static-serving code (dist/src/web/web-app.js) on a bare
 * Express app: the home page calls no API, so no database is needed.
 */
const express = require('express');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');
const { chromium } = require('playwright-core');

const root = join(__dirname, '..', '..');
const { mountWebApp } = require(join(root, 'dist', 'src', 'web', 'web-app.js'));
const BUDGET_KB = 150;
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const SLOW_LINE = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const kb = (n) => (n / 1024).toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const app = express();
  if (!mountWebApp(app, join(root, 'web', 'dist'))) throw new Error('web/dist is missing: npm run build');
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: FLAGS });

  try {
    // 1. What the first page loads.
    const context = await browser.newContext({ locale: 'kk-KZ', viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    const loaded = [];
    page.on('response', (r) => {
      const type = r.request().resourceType();
      if (type === 'script' || type === 'stylesheet') loaded.push({ path: new URL(r.url()).pathname, type });
    });
    await page.goto(base + '/', { waitUntil: 'networkidle' });
    await context.close();
    const rows = loaded.map(({ path, type }) => {
      const body = readFileSync(join(root, 'web', 'dist', path));
      return { path, type, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    });
    const js = rows.filter((r) => r.type === 'script');
    const jsGzip = js.reduce((s, r) => s + r.gzip, 0);
    console.log('First page (/) loads:');
    for (const r of rows) console.log(`  ${r.path.padEnd(44)} ${r.type.padEnd(10)} ${kb(r.raw).padStart(7)} KB raw ${kb(r.gzip).padStart(7)} KB gzip`);
    console.log(`JavaScript: ${js.length} files, ${kb(js.reduce((s, r) => s + r.raw, 0))} KB raw, ${kb(jsGzip)} KB gzip (budget ${BUDGET_KB} KB gzip): ${jsGzip <= BUDGET_KB * 1024 ? 'within' : 'OVER'}`);

    // 2. Cold loads on a slow line.
    const heading = [];
    const load = [];
    const transferred = [];
    for (let i = 0; i < runs; i++) {
      const ctx = await browser.newContext({ locale: 'kk-KZ', viewport: { width: 375, height: 812 } });
      const p = await ctx.newPage();
      const cdp = await ctx.newCDPSession(p);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', SLOW_LINE);
      let bytes = 0;
      cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
      const start = Date.now();
      await p.goto(base + '/', { waitUntil: 'commit' });
      await p.waitForSelector('h1');
      heading.push(Date.now() - start);
      await p.waitForLoadState('load');
      load.push(Date.now() - start);
      await p.waitForLoadState('networkidle');
      transferred.push(bytes);
      await ctx.close();
    }
    console.log(`Slow line (1.6 Mbit/s down, 750 kbit/s up, 150 ms latency), ${runs} cold loads:`);
    console.log(`  heading drawn: median ${median(heading)} ms (min ${Math.min(...heading)}, max ${Math.max(...heading)})`);
    console.log(`  load event:    median ${median(load)} ms (min ${Math.min(...load)}, max ${Math.max(...load)})`);
    console.log(`  transferred:   median ${kb(median(transferred))} KB`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
