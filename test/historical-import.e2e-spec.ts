import { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import { startTestApp, TestApp } from './support/test-app';
import { eventually, startTestWorker } from './support/test-worker';
import { appealInput, buildWorld, World } from './support/world';

const HEADER = 'externalId,receivedOn,branchCode,categoryCode,agencyCode,channel,type,language,status,outcome,answeredOn,subject,applicantName,applicantIin';
const GOOD = [
  'ARCH-1,2019-03-01,ALA-BOS,HOUSING.REPAIR,ALA-AKIMAT,mail,complaint,ru,closed,positive,2019-03-10,Протекает крыша,Серик Ахметов,921029350851',
  'ARCH-2,2023-02-01,AST-ESL,HEALTH,MIN-HEALTH,portal,statement,kk,closed,rejected,2023-03-20,"Емхана, кезек",,',
  'ARCH-3,2024-05-06,ALA,OTHER,,reception,proposal,ru,withdrawn,,,"Предложение ""по двору""",,',
];
const BAD = [
  'ARCH-4,2024-13-01,NOPE,HOUSING,,fax,complaint,ru,closed,,,Тема,,',
  'ARCH-5,2024-01-10,ALA,HOUSING,ALA-AKIMAT,portal,complaint,ru,in_progress,positive,2024-01-09,Тема,,123',
  'ARCH-6,2024-01-10,ALA',
];

describe('historical import (POST /admin/imports/appeals)', () => {
  let t: TestApp;
  let w: World;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    worker = await startTestWorker(t);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const upload = (csv: string, client = () => w.admin) => client().post('/admin/imports/appeals').set('Content-Type', 'text/csv').send(csv);
  const finished = async (id: string) =>
    eventually(async () => {
      const res = await w.admin.get(`/admin/imports/${id}`);
      return ["done", "failed"].includes(res.body.status) && res.body;
    }, 20_000);

  it('imports the good lines in the background and lists every problem of the bad ones', async () => {
    const res = await upload(['\uFEFF' + HEADER, ...GOOD, ...BAD].join('\r\n'));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'queued' });
    const result = await finished(res.body.id);
    expect(result).toMatchObject({ status: 'done', total: 6, processed: 6, imported: 3, skipped: 0, failed: 3 });
    const fields = (line: number) => result.errors.filter((e: { line: number }) => e.line === line).map((e: { field: string }) => e.field).sort();
    expect(fields(5)).toEqual(['agencyCode', 'branchCode', 'channel', 'outcome', 'receivedOn']);
    expect(fields(6)).toEqual(['answeredOn', 'applicantIin', 'applicantName', 'status'].sort());
    expect(fields(7)).toEqual(['line']);
    expect(result.errors[0]).toEqual({ line: 5, field: expect.any(String), message: expect.any(String) });

    const rows = await t.db.query(`SELECT external_id, number, status, outcome, deadline_state, due_date, received_on, anonymous, agency_id, applicant_iin
                                     FROM appeals ORDER BY external_id`);
    expect(rows).toEqual([
      expect.objectContaining({ external_id: 'ARCH-1', number: 'H-ARCH-1', status: 'closed', outcome: 'positive', deadline_state: 'met', due_date: '2019-03-16', anonymous: false, applicant_iin: '921029350851' }),
      expect.objectContaining({ external_id: 'ARCH-2', status: 'closed', outcome: 'rejected', deadline_state: 'missed', received_on: '2023-02-01', anonymous: true }),
      expect.objectContaining({ external_id: 'ARCH-3', status: 'withdrawn', outcome: null, agency_id: null }),
    ]);
    // History, not live cases: no notifications, no deadline jobs.
    expect(await t.db.query(`SELECT * FROM outbox WHERE appeal_id IS NOT NULL`)).toEqual([]);
    const report = await w.admin.get('/reports/resolution?from=2019-01-01&to=2024-12-31&groupBy=none&interval=year');
    expect(report.body.rows.map((r: { period: string; received: number; positive: number }) => [r.period, r.received, r.positive])).toEqual([
      ['2019', 1, 1], ['2020', 0, 0], ['2021', 0, 0], ['2022', 0, 0], ['2023', 1, 0], ['2024', 1, 0],
    ]);
  });

  it('is safe to re-run: lines already imported are skipped', async () => {
    const res = await upload([HEADER, ...GOOD, 'ARCH-7,2024-06-03,AST,HEALTH,MIN-HEALTH,mail,request,ru,closed,explained,2024-06-05,Новая строка,,'].join('\n'));
    const result = await finished(res.body.id);
    expect(result).toMatchObject({ status: 'done', total: 4, imported: 1, skipped: 3, failed: 0, errors: [] });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM appeals`);
    expect(n).toBe(4);
  });

  it('refuses a number shaped like a live registration number, so a later registration never collides with it', async () => {
    const year = DateTime.now().setZone('Asia/Almaty').year;
    const header = 'externalId,receivedOn,branchCode,categoryCode,agencyCode,channel,type,status,outcome,answeredOn,subject,number';
    const line = (id: string, number: string) => `${id},2024-06-03,ALA-BOS,HOUSING.REPAIR,ALA-AKIMAT,mail,complaint,closed,explained,2024-06-05,Тема,${number}`;
    const res = await upload([header, line('NUM-1', `ALA-${year}-000001`), line('NUM-2', `ala-${year}-0000002`), line('NUM-3', 'ВХ-12/345 от 2024')].join('\n'));
    const result = await finished(res.body.id);
    expect(result).toMatchObject({ status: 'done', total: 3, imported: 1, failed: 2 });
    expect(result.errors).toEqual([
      { line: 2, field: 'number', message: expect.stringContaining('REGION-YEAR-NNNNNN') },
      { line: 3, field: 'number', message: expect.stringContaining('REGION-YEAR-NNNNNN') },
    ]);
    expect(await t.db.query(`SELECT number FROM appeals WHERE external_id LIKE 'NUM-%'`)).toEqual([{ number: 'ВХ-12/345 от 2024' }]);

    // The live numbering of the region is untouched: its first registration gets number 1.
    const { receivedAt: _r, ...input } = appealInput(w);
    const live = await w.users.operatorAla.post('/appeals', { ...input, channel: 'mail' });
    expect(live.status).toBe(201);
    expect(live.body.number).toBe(`ALA-${year}-000001`);
  });

  it('fails an import whose header is wrong, naming the columns', async () => {
    const res = await upload('externalId,receivedOn,colour\nX,2024-01-01,red');
    const result = await finished(res.body.id);
    expect(result.status).toBe('failed');
    expect(result.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['colour', 'branchCode', 'subject']));
  });

  it('is for admins only and takes text/csv', async () => {
    expect((await upload(HEADER, () => w.users.analystKz)).status).toBe(403);
    expect((await w.admin.post('/admin/imports/appeals').send({ csv: HEADER })).status).toBe(415);
    expect((await w.admin.get('/admin/imports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await w.admin.get('/admin/imports/nope')).status).toBe(400);
  });
});
