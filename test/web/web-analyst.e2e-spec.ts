import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { login } from '../support/api-client';
import { browserSuite, DESKTOP, expectAccessible, expectNoHorizontalScroll, newPage, PHONE, screenshot, SETUP_TIMEOUT_MS, signIn } from '../support/browser';
import { insertPastAppeal } from '../support/report-data';
import { PASSWORD } from '../support/world';

/** Today's year in the service's zone (the dashboard's default window is this year so far). */
const YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric' }).format(new Date()));

/** Cells of a CSV line, `sep` known; quotes as RFC 4180 writes them. */
function csvCells(line: string, sep: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) out.push(cell), (cell = '');
    else cell += c;
  }
  out.push(cell);
  return out;
}

/** The table part of an export: the header row (the one naming `received`) and the rows under it. */
function tableOf(rows: string[][]): { header: string[]; body: string[][] } {
  const at = rows.findIndex((r) => r.some((c) => /^(received|поступило|түсті)/i.test(c.trim())));
  if (at < 0) throw new Error('no header row in ' + JSON.stringify(rows.slice(0, 5)));
  return { header: rows[at], body: rows.slice(at + 1) };
}

/** Every row of the on-screen report is in the file with the same `received`. */
function expectRowsMatch(file: { header: string[]; body: string[][] }, report: { rows: { key: Record<string, unknown>; received: number }[]; totals: { received: number } }) {
  const col = file.header.findIndex((c) => /^(received|поступило|түсті)/i.test(c.trim()));
  for (const row of report.rows) {
    const name = String(row.key.name ?? row.key.code);
    const match = file.body.find((cells) => cells.some((c) => c === name) && Number(cells[col]) === row.received);
    expect({ name, received: match ? Number(match[col]) : null }).toEqual({ name, received: row.received });
  }
  const sum = report.rows.reduce((s, r) => s + r.received, 0);
  expect(sum).toBe(report.totals.received);
}

describe('analyst dashboard in the browser', () => {
  const suite = browserSuite();

  beforeAll(async () => {
    // Appeals in two years across the districts of Almaty and Astana; some in the last quarter.
    const seed = [
      { branchId: suite.w.branches.alaBos, year: YEAR, dates: ['02-10', '03-05', '10-14', '11-12', '11-20'] },
      { branchId: suite.w.branches.alaAlm, year: YEAR, dates: ['04-01', '10-02'] },
      { branchId: suite.w.branches.alaBos, year: YEAR - 1, dates: ['02-11', '10-15'] },
      { branchId: suite.w.branches.alaAlm, year: YEAR - 1, dates: ['05-05', '10-03', '11-03', '11-04'] },
      { branchId: suite.w.branches.astEsl, year: YEAR, dates: ['06-06'] },
    ];
    let i = 0;
    for (const s of seed) {
      for (const d of s.dates) {
        i++;
        const answered = i % 3 !== 0;
        await insertPastAppeal(suite.t, {
          branchId: s.branchId,
          categoryId: suite.w.categories.housingRepair,
          agencyId: s.branchId === suite.w.branches.astEsl ? suite.w.agencies.astAkimat : suite.w.agencies.alaAkimat,
          channel: i % 2 ? 'portal' : 'call_centre',
          type: 'complaint',
          receivedOn: `${s.year}-${d}`,
          status: answered ? 'closed' : 'in_progress',
          outcome: answered ? (i % 2 ? 'positive' : 'explained') : undefined,
          deadlineState: answered ? 'met' : 'overdue',
        });
      }
    }
    await suite.w.admin.post('/users', { login: 'analyst.ala', password: PASSWORD, fullName: 'Айгерим Сапарова', role: 'analyst', branchId: suite.w.branches.ala }).expect(201);
  }, SETUP_TIMEOUT_MS);

  /** The report behind the table on screen, asked of the API with the very same query. */
  async function reportOnScreen(page: Page, loginName: string) {
    const body = page.locator('[data-report-query]');
    await page.waitForFunction(() => document.querySelector('[data-report-query]')?.getAttribute('aria-busy') === 'false');
    const query = await body.getAttribute('data-report-query');
    const api = await login(suite.t.app.getHttpServer(), loginName, PASSWORD);
    const res = await api.get(`/reports/resolution?${query}`).expect(200);
    return { query: new URLSearchParams(query ?? ''), report: res.body };
  }

  it('shows an analyst this year against last for their region, drills into a district, switches to quarters and downloads what is on screen', async () => {
    const { page } = await newPage(suite.browser, { locale: 'ru-RU', viewport: DESKTOP });
    await signIn(page, suite.base, 'analyst.ala');
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Показатели' }).click();
    await page.getByRole('heading', { level: 1, name: 'Рассмотрение обращений' }).waitFor();

    // Region level: one row per district, this year and last.
    const byBranch = page.getByRole('table', { name: 'В разрезе: Филиал' });
    await byBranch.getByRole('columnheader', { name: `Поступило в ${YEAR - 1}` }).waitFor();
    const region = await reportOnScreen(page, 'analyst.ala');
    expect(region.query.get('branchId')).toBeNull(); // the API scopes the analyst to Almaty
    expect(region.report.totals.received).toBe(7);
    expect(region.report.comparisons[0].totals.received).toBe(6);
    const bos = byBranch.getByRole('row', { name: /Бостандыкский районный филиал/ });
    await expect(bos.getByRole('cell').first().textContent()).resolves.toBe('5');
    await expect(bos.getByRole('cell').nth(1).textContent()).resolves.toBe('2');
    await page.getByText('Поступило', { exact: true }).first().waitFor();
    await page.getByRole('table', { name: 'Поступило по месяцам' }).getByRole('columnheader', { name: String(YEAR - 1) }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'analyst-dashboard-ru');

    // Drill into a district: the breadcrumbs lead back up.
    await byBranch.getByRole('button', { name: 'Бостандыкский районный филиал' }).click();
    const crumbs = page.getByRole('navigation', { name: 'Филиал' });
    await crumbs.getByText('Бостандыкский районный филиал').waitFor();
    await page.waitForURL(/branch=/);
    const district = await reportOnScreen(page, 'analyst.ala');
    expect(district.report.totals.received).toBe(5);

    // Quarters: the last quarter of this year.
    await page.getByLabel('Вид периода').selectOption('quarter');
    await page.getByLabel('Квартал').selectOption('4');
    await page.waitForURL(/win=quarter/);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('part') === '4');
    await page.waitForFunction(() => (document.querySelector('[data-report-query]')?.getAttribute('data-report-query') ?? '').includes(`from=${new Date().getFullYear()}-10-01`));
    const quarter = await reportOnScreen(page, 'analyst.ala');
    expect(quarter.report.totals.received).toBe(3);
    expect(quarter.report.comparisons[0].totals.received).toBe(1);
    await expect(page.locator('.headline').getByText('3', { exact: true }).count()).resolves.toBeGreaterThan(0);

    // The XLSX of exactly this view.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать XLSX' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const xlsxPath = join(tmpdir(), `dash-${process.pid}.xlsx`);
    await xlsx.saveAs(xlsxPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const sheetRows: string[][] = [];
    workbook.worksheets[0].eachRow((row) => sheetRows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    expectRowsMatch(tableOf(sheetRows), quarter.report);

    // And the CSV.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать CSV' }).click()]);
    const csvPath = join(tmpdir(), `dash-${process.pid}.csv`);
    await csv.saveAs(csvPath);
    const text = readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/).filter(Boolean);
    const headerLine = lines.find((l) => /received|поступило/i.test(l)) ?? '';
    const sep = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    expectRowsMatch(tableOf(lines.map((l) => csvCells(l, sep))), quarter.report);

    // The address reproduces the view.
    const url = page.url();
    const { page: again } = await newPage(suite.browser, { locale: 'ru-RU', viewport: DESKTOP });
    await signIn(again, suite.base, 'analyst.ala');
    await again.goto(url);
    await again.getByRole('navigation', { name: 'Филиал' }).getByText('Бостандыкский районный филиал').waitFor();
    await expect(again.getByLabel('Вид периода').inputValue()).resolves.toBe('quarter');
    await again.close();
    await page.close();
  }, 120_000);

  it('fits a phone: dashboard, receptions report and deadline picture', async () => {
    const { page } = await newPage(suite.browser, { locale: 'ru-RU', viewport: PHONE });
    await signIn(page, suite.base, 'analyst.ala');
    await page.goto(suite.base + '/staff/dashboard');
    await page.getByRole('table', { name: 'В разрезе: Филиал' }).waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'analyst-dashboard-phone-ru');

    await page.goto(suite.base + '/staff/reports/receptions');
    await page.getByRole('heading', { level: 1, name: 'Приёмы граждан' }).waitFor();
    await page.locator('[data-report-query]').waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'analyst-receptions-phone-ru');
    await page.close();
  }, 60_000);

  it('gives a controller the deadline picture with links to the overdue list', async () => {
    const { page } = await newPage(suite.browser, { locale: 'ru-RU', viewport: DESKTOP });
    await signIn(page, suite.base, 'controller.ala');
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Сроки' }).click();
    await page.getByRole('heading', { level: 1, name: 'Сроки рассмотрения' }).waitFor();
    const byBranch = page.getByRole('table').first();
    await byBranch.getByRole('row', { name: /Бостандыкский/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'controller-deadlines-ru');
    await page.getByRole('link', { name: /Просрочено/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Просроченные обращения' }).waitFor();
    await page.getByText(/Обращений: \d+/).waitFor();
    await expectAccessible(page);

    await page.setViewportSize(PHONE);
    await page.goto(suite.base + '/staff/deadlines');
    await page.getByRole('heading', { level: 1, name: 'Сроки рассмотрения' }).waitFor();
    await expectNoHorizontalScroll(page);
    await page.close();
  }, 60_000);
});
