import ExcelJS from 'exceljs';
import { insertPastAppeal } from './support/report-data';
import { startTestApp, TestApp } from './support/test-app';
import { buildWorld, World } from './support/world';

/** Both reports as CSV and XLSX files, parsed back. */
describe('report exports', () => {
  let t: TestApp;
  let w: World;
  const A = '/reports/resolution?from=2025-01-01&to=2025-03-31';

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const { branches: b, categories: c, agencies: g } = w;
    const base = { categoryId: c.housingRepair, agencyId: g.alaAkimat, channel: 'portal', type: 'complaint' } as const;
    await insertPastAppeal(t, { ...base, branchId: b.alaBos, receivedOn: '2025-01-15', status: 'closed', outcome: 'positive', deadlineState: 'met' });
    await insertPastAppeal(t, { ...base, branchId: b.alaBos, receivedOn: '2025-02-15', status: 'closed', outcome: 'rejected', deadlineState: 'missed' });
    await insertPastAppeal(t, { ...base, branchId: b.astEsl, agencyId: g.astAkimat, receivedOn: '2025-03-15', status: 'routed' });
    await insertPastAppeal(t, { ...base, branchId: b.alaBos, receivedOn: '2024-02-15', status: 'closed', outcome: 'positive', deadlineState: 'met' });
    const session = await w.users.receptionAla.post('/receptions').send({
      branchId: b.alaBos, hostName: 'Депутат Мажилиса', hostType: 'majilis_deputy', startsAt: '2025-02-03T10:00:00+05:00', format: 'in_person',
    });
    expect(session.status).toBe(201);
    await w.users.receptionAla.post(`/receptions/${session.body.id}/visits`).send({ visitor: { fullName: 'Әсел Нұрланқызы' }, result: 'consultation' }).expect(201);
  });
  afterAll(() => t.close());

  const download = (path: string) =>
    w.admin
      .get(path)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('writes the resolution report as CSV with a BOM, a header row, the rows, totals and comparisons', async () => {
    const res = await download(`${A}&format=csv&compareYears=1`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="resolution-2025-01-01_2025-03-31.csv"');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
    expect(lines[0]).toEqual([
      'window', 'code', 'name', 'own', 'period', 'received', 'decided', 'positive', 'explained', 'rejected', 'withoutConsideration', 'withdrawn',
      'pending', 'overdue', 'answeredOnTime', 'feedbackReceived', 'satisfied', 'positiveShare', 'positiveShareOfReceived', 'onTimeShare', 'satisfiedShare',
    ]);
    expect(lines.slice(1).map((l) => [l[0], l[1], l[2], l[5], l[6], l[7], l[17]])).toEqual([
      ['2025-01-01..2025-03-31', 'ALA', 'Алматинский городской филиал', '2', '2', '1', '0.5'],
      ['2025-01-01..2025-03-31', 'AST', 'Астанинский городской филиал', '1', '0', '0', ''],
      ['2025-01-01..2025-03-31', 'Total', '', '3', '2', '1', '0.5'],
      ['2024-01-01..2024-03-31', 'ALA', 'Алматинский городской филиал', '1', '1', '1', '1'],
      ['2024-01-01..2024-03-31', 'AST', 'Астанинский городской филиал', '0', '0', '0', ''],
      ['2024-01-01..2024-03-31', 'Total', '', '1', '1', '1', '1'],
    ]);
  });

  it('writes the resolution report as a real XLSX workbook with typed numbers and percentages', async () => {
    const res = await download(`${A}&format=xlsx&groupBy=none&interval=month`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="resolution-2025-01-01_2025-03-31.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as Buffer);
    const sheet = book.worksheets[0];
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1).slice(0, 4)).toEqual(['window', 'period', 'received', 'decided']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(5);
    expect(values(2).slice(0, 6)).toEqual(['2025-01-01..2025-03-31', '2025-01', 1, 1, 1, 0]);
    expect(values(5).slice(0, 6)).toEqual(['2025-01-01..2025-03-31 Total', undefined, 3, 2, 1, 0]);
    const share = sheet.getRow(5).getCell(15);
    expect(share.value).toBe(0.5);
    expect(share.numFmt).toBe('0.0%');
    expect(sheet.getRow(5).getCell(16).value).toBe(1 / 3);
    expect(typeof sheet.getRow(5).getCell(3).value).toBe('number');
  });

  it('exports the receptions report in both formats', async () => {
    const csv = await download('/reports/receptions?from=2025-01-01&to=2025-03-31&format=csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="receptions-2025-01-01_2025-03-31.csv"');
    const lines = (csv.body as Buffer).toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      'window,hostType,sessions,visitors,appeals,decided,positive,positiveShare',
      '2025-01-01..2025-03-31,majilis_deputy,1,1,0,0,0,',
      '2025-01-01..2025-03-31,Total,1,1,0,0,0,',
    ]);
    const xlsx = await download('/reports/receptions?from=2025-01-01&to=2025-03-31&format=xlsx&groupBy=branch');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as Buffer);
    const row = (book.worksheets[0].getRow(2).values as unknown[]).slice(1);
    expect(row).toEqual(['2025-01-01..2025-03-31', 'ALA', 'Алматинский городской филиал', 'no', 1, 1, 0, 0, 0]);
  });

  it('keeps the JSON answer by default and refuses an unknown format', async () => {
    expect((await w.admin.get(A)).headers['content-type']).toMatch(/^application\/json/);
    expect((await w.admin.get(`${A}&format=pdf`)).status).toBe(400);
  });
});
