import { insertPastAppeal } from './support/report-data';
import { startTestApp, TestApp } from './support/test-app';
import { buildWorld, World } from './support/world';

/**
 * A small known dataset (7 appeals Jan–May 2025, 2 in 2024, 1 after the window) and the figures
 * every grouping, interval, filter and comparison must give.
 */
describe('GET /reports/resolution', () => {
  let t: TestApp;
  let w: World;
  const A = '/reports/resolution?from=2025-01-01&to=2025-05-31';

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const { branches: b, categories: c, agencies: g } = w;
    const rows = [
      { branchId: b.alaBos, categoryId: c.housingRepair, agencyId: g.alaAkimat, channel: 'portal', type: 'complaint', receivedOn: '2025-01-15', status: 'closed', outcome: 'positive', deadlineState: 'met' },
      { branchId: b.alaBos, categoryId: c.housingRepair, agencyId: g.alaAkimat, channel: 'mail', type: 'statement', receivedOn: '2025-02-10', status: 'closed', outcome: 'rejected', deadlineState: 'missed' },
      { branchId: b.alaAlm, categoryId: c.health, agencyId: g.minHealth, channel: 'portal', type: 'complaint', receivedOn: '2025-02-20', status: 'answered', outcome: 'explained', deadlineState: 'met' },
      { branchId: b.ala, categoryId: c.housing, agencyId: g.alaAkimat, channel: 'call_centre', type: 'request', receivedOn: '2025-03-05', status: 'in_progress', deadlineState: 'overdue' },
      { branchId: b.astEsl, categoryId: c.other, channel: 'portal', type: 'proposal', receivedOn: '2025-04-01', status: 'registered' },
      { branchId: b.ast, categoryId: c.health, agencyId: g.minHealth, channel: 'reception', type: 'complaint', receivedOn: '2025-01-31', status: 'withdrawn' },
      { branchId: b.kz, categoryId: c.health, agencyId: g.minHealth, channel: 'portal', type: 'complaint', receivedOn: '2025-05-10', status: 'closed', outcome: 'positive', deadlineState: 'met' },
      { branchId: b.alaBos, categoryId: c.housingRepair, agencyId: g.alaAkimat, channel: 'portal', type: 'complaint', receivedOn: '2024-02-12', status: 'closed', outcome: 'positive', deadlineState: 'met' },
      { branchId: b.astEsl, categoryId: c.other, channel: 'mail', type: 'statement', receivedOn: '2024-03-01', status: 'registered' },
      { branchId: b.alaBos, categoryId: c.housingRepair, agencyId: g.alaAkimat, channel: 'portal', type: 'complaint', receivedOn: '2025-06-15', status: 'routed' },
    ] as const;
    for (const row of rows) await insertPastAppeal(t, row);
  });
  afterAll(() => t.close());

  const get = async (query: string, client = () => w.admin) => {
    const res = await client().get(query);
    expect(res.status).toBe(200);
    return res.body;
  };
  const byCode = (rows: { key: { code: string | null } }[]) => Object.fromEntries(rows.map((r) => [r.key.code, r]));

  it('rolls the branch tree up: one row per child (its whole subtree) and the own row, totals = sum of rows', async () => {
    const body = await get(A);
    expect(body).toMatchObject({ from: '2025-01-01', to: '2025-05-31', groupBy: 'branch', interval: 'none', comparisons: [] });
    expect(body.rows.map((r: { key: { code: string; own: boolean } }) => [r.key.code, r.key.own])).toEqual([['ALA', false], ['AST', false], ['KZ', true]]);
    const [ala, ast, own] = body.rows;
    expect(ala).toMatchObject({
      key: { branchId: w.branches.ala, name: 'Алматинский городской филиал' }, period: null,
      received: 4, decided: 3, positive: 1, explained: 1, rejected: 1, withoutConsideration: 0, withdrawn: 0, pending: 1, overdue: 1, answeredOnTime: 2,
      positiveShare: 1 / 3, positiveShareOfReceived: 1 / 4, onTimeShare: 2 / 3,
    });
    expect(ast).toMatchObject({ received: 2, decided: 0, withdrawn: 1, pending: 1, positiveShare: null, onTimeShare: null, positiveShareOfReceived: 0 });
    expect(own).toMatchObject({ key: { branchId: w.branches.kz, own: true }, received: 1, decided: 1, positive: 1, answeredOnTime: 1, positiveShare: 1 });
    expect(body.totals).toEqual({
      received: 7, decided: 4, positive: 2, explained: 1, rejected: 1, withoutConsideration: 0, withdrawn: 1, pending: 2, overdue: 1, answeredOnTime: 3,
      feedbackReceived: 0, satisfied: 0,
      positiveShare: 0.5, positiveShareOfReceived: 2 / 7, onTimeShare: 0.75, satisfiedShare: null,
    });
  });

  it('rolls up below a region, with the region\'s own row; every child is listed even when empty', async () => {
    const body = await get(`${A}&branchId=${w.branches.ala}`);
    expect(body.rows.map((r: { key: { code: string }; received: number }) => [r.key.code, r.received])).toEqual([['ALA-ALM', 1], ['ALA-BOS', 2], ['ALA', 1]]);
    const ast = await get(`${A}&branchId=${w.branches.ast}`);
    expect(ast.rows.map((r: { key: { code: string; own: boolean }; received: number }) => [r.key.code, r.key.own, r.received])).toEqual([['AST-ESL', false, 1], ['AST', true, 1]]);
    const empty = await get(`/reports/resolution?from=2023-01-01&to=2023-12-31&branchId=${w.branches.ala}`);
    expect(empty.rows.map((r: { key: { code: string }; received: number }) => [r.key.code, r.received])).toEqual([['ALA-ALM', 0], ['ALA-BOS', 0]]);
    expect(empty.totals).toMatchObject({ received: 0, positiveShare: null });
  });

  it.each([
    ['month', [['2025-01', 2], ['2025-02', 2], ['2025-03', 1], ['2025-04', 1], ['2025-05', 1]]],
    ['quarter', [['2025-Q1', 5], ['2025-Q2', 2]]],
    ['year', [['2025', 7]]],
    ['none', [[null, 7]]],
  ])('interval=%s splits the window into periods', async (interval, expected) => {
    const body = await get(`${A}&groupBy=none&interval=${interval}`);
    expect(body.rows.map((r: { key: object; period: string; received: number }) => [r.period, r.received])).toEqual(expected);
    expect(body.rows.every((r: { key: object }) => Object.keys(r.key).length === 0)).toBe(true);
    expect(body.totals.received).toBe(7);
  });

  it('combines branch grouping and intervals: every group in every period, zeros included', async () => {
    const body = await get(`${A}&interval=quarter`);
    expect(body.rows.map((r: { key: { code: string }; period: string; received: number }) => [r.key.code, r.period, r.received])).toEqual([
      ['ALA', '2025-Q1', 4], ['ALA', '2025-Q2', 0], ['AST', '2025-Q1', 1], ['AST', '2025-Q2', 1], ['KZ', '2025-Q1', 0], ['KZ', '2025-Q2', 1],
    ]);
    expect(body.rows[1]).toMatchObject({ received: 0, decided: 0, positiveShare: null, onTimeShare: null });
    expect(body.totals.received).toBe(7);
    const channels = await get(`${A}&groupBy=channel&interval=quarter`);
    expect(channels.rows.map((r: { key: { channel: string }; period: string; received: number }) => [r.key.channel, r.period, r.received])).toEqual([
      ['call_centre', '2025-Q1', 1], ['call_centre', '2025-Q2', 0], ['mail', '2025-Q1', 1], ['mail', '2025-Q2', 0],
      ['portal', '2025-Q1', 2], ['portal', '2025-Q2', 2], ['reception', '2025-Q1', 1], ['reception', '2025-Q2', 0],
    ]);
  });

  it('lists periods in which nothing was received as rows of zeros, not gaps', async () => {
    const quarters = await get('/reports/resolution?from=2024-01-01&to=2025-06-30&groupBy=none&interval=quarter');
    expect(quarters.rows.map((r: { period: string; received: number }) => [r.period, r.received])).toEqual([
      ['2024-Q1', 2], ['2024-Q2', 0], ['2024-Q3', 0], ['2024-Q4', 0], ['2025-Q1', 5], ['2025-Q2', 3],
    ]);
    expect(quarters.rows[1]).toEqual({
      key: {}, period: '2024-Q2', received: 0, decided: 0, positive: 0, explained: 0, rejected: 0, withoutConsideration: 0, withdrawn: 0,
      pending: 0, overdue: 0, answeredOnTime: 0, feedbackReceived: 0, satisfied: 0, positiveShare: null, positiveShareOfReceived: null, onTimeShare: null, satisfiedShare: null,
    });
    expect(quarters.totals.received).toBe(10);
    const nothing = await get('/reports/resolution?from=2023-01-01&to=2023-12-31&groupBy=none&interval=year');
    expect(nothing.rows.map((r: { period: string; received: number }) => [r.period, r.received])).toEqual([['2023', 0]]);
    const whole = await get('/reports/resolution?from=2023-01-01&to=2023-12-31&groupBy=none');
    expect(whole.rows.map((r: { period: string; received: number }) => [r.period, r.received])).toEqual([[null, 0]]);
  });

  it('groups by channel', async () => {
    const body = await get(`${A}&groupBy=channel`);
    expect(body.rows.map((r: { key: { channel: string }; received: number }) => [r.key.channel, r.received])).toEqual([
      ['call_centre', 1], ['mail', 1], ['portal', 4], ['reception', 1],
    ]);
  });

  it('groups by category, rolling subtopics up into their top-level category or into the children of categoryId', async () => {
    const top = await get(`${A}&groupBy=category`);
    expect(top.rows.map((r: { key: { code: string }; received: number }) => [r.key.code, r.received])).toEqual([['HEALTH', 3], ['HOUSING', 3], ['OTHER', 1]]);
    expect(byCode(top.rows).HOUSING.key).toMatchObject({ categoryId: w.categories.housing, name: 'Жилье', names: { kk: 'Тұрғын үй', en: 'Housing' } });
    const housing = await get(`${A}&groupBy=category&categoryId=${w.categories.housing}`);
    expect(housing.rows.map((r: { key: { code: string; own: boolean }; received: number }) => [r.key.code, r.key.own, r.received])).toEqual([
      ['HOUSING.REPAIR', false, 2], ['HOUSING', true, 1],
    ]);
  });

  it('groups by agency, with a row for appeals not routed to any', async () => {
    const body = await get(`${A}&groupBy=agency`);
    expect(body.rows.map((r: { key: { code: string | null; agencyId: string | null }; received: number }) => [r.key.code, r.received])).toEqual([
      ['ALA-AKIMAT', 3], ['MIN-HEALTH', 3], [null, 1],
    ]);
    expect(body.rows[2].key).toEqual({ agencyId: null, code: null, name: null });
  });

  it('filters by channels, type and category subtree', async () => {
    expect((await get(`${A}&groupBy=none&channel=portal,mail`)).totals.received).toBe(5);
    expect((await get(`${A}&groupBy=none&type=complaint`)).totals).toMatchObject({ received: 4, decided: 3, positive: 2, withdrawn: 1 });
    expect((await get(`${A}&groupBy=none&categoryId=${w.categories.housing}&channel=portal`)).totals.received).toBe(1);
    expect((await get(`${A}&groupBy=branch&channel=mail&type=statement`)).rows.map((r: { received: number }) => r.received)).toEqual([1, 0]);
  });

  it('counts partial months at the window edges by the day received', async () => {
    const body = await get('/reports/resolution?from=2025-01-20&to=2025-05-09&groupBy=none&interval=month');
    expect(body.rows.map((r: { period: string; received: number }) => [r.period, r.received])).toEqual([
      ['2025-01', 1], ['2025-02', 2], ['2025-03', 1], ['2025-04', 1], ['2025-05', 0],
    ]);
    const inside = await get('/reports/resolution?from=2025-02-11&to=2025-02-20&groupBy=channel');
    expect(inside.rows).toHaveLength(1);
    expect(inside.rows[0]).toMatchObject({ key: { channel: 'portal' }, received: 1, explained: 1 });
    // By category and by agency inside one month (no monthly rows to read), and compared with a window
    // that holds a whole month: the windows of one report need not have the same shape.
    const byCategory = await get('/reports/resolution?from=2025-02-01&to=2025-02-27&groupBy=category&compareYears=1');
    expect(byCategory.rows.map((r: { key: { code: string }; received: number }) => [r.key.code, r.received])).toEqual([['HEALTH', 1], ['HOUSING', 1]]);
    expect(byCategory.comparisons[0]).toMatchObject({ from: '2024-02-01', to: '2024-02-27', totals: { received: 1 } });
    const byAgency = await get('/reports/resolution?from=2024-02-01&to=2024-02-28&groupBy=agency&compareYears=1');
    expect(byAgency.rows.map((r: { key: { code: string | null }; received: number }) => [r.key.code, r.received])).toEqual([['ALA-AKIMAT', 1]]);
    expect(byAgency.comparisons[0]).toMatchObject({ from: '2023-02-01', to: '2023-02-28', rows: [], totals: { received: 0 } });
  });

  it('compares with the same window 1..N years earlier', async () => {
    const body = await get(`${A}&compareYears=2`);
    expect(body.comparisons.map((c: { from: string; to: string }) => [c.from, c.to])).toEqual([['2024-01-01', '2024-05-31'], ['2023-01-01', '2023-05-31']]);
    const [lastYear, twoYears] = body.comparisons;
    expect(lastYear.totals).toMatchObject({ received: 2, decided: 1, positive: 1, pending: 1, positiveShare: 1 });
    expect(lastYear.rows.map((r: { key: { code: string }; received: number }) => [r.key.code, r.received])).toEqual([['ALA', 1], ['AST', 1]]);
    expect(twoYears.totals.received).toBe(0);
    const monthly = await get(`${A}&groupBy=none&interval=month&compareYears=1`);
    expect(monthly.comparisons[0].rows.map((r: { period: string; received: number }) => [r.period, r.received])).toEqual([
      ['2024-01', 0], ['2024-02', 1], ['2024-03', 1], ['2024-04', 0], ['2024-05', 0],
    ]);
  });

  it('follows lifecycle changes made through the API', async () => {
    const res = await w.admin.post('/appeals').send({
      ...{ type: 'complaint', categoryId: w.categories.health, branchId: w.branches.astEsl, subject: 'S', text: 'T', language: 'ru', anonymous: true },
      channel: 'mail', receivedAt: '2025-03-10T10:00:00+05:00',
    });
    expect(res.status).toBe(201);
    const before = (await get(`${A}&groupBy=none`)).totals;
    expect(before).toMatchObject({ received: 8, pending: 3 });
    await w.admin.post(`/appeals/${res.body.id}/accept`).send({}).expect(200);
    const answered = await w.admin.post(`/appeals/${res.body.id}/answer`).send({ outcome: 'positive', text: 'Решено' });
    expect(answered.status).toBe(200);
    const after = (await get(`${A}&groupBy=none`)).totals;
    expect(after).toMatchObject({ received: 8, pending: 2, decided: 5, positive: 3 });
    await w.admin.post(`/appeals/${res.body.id}/reopen`).send({ reason: 'Проверка' }).expect(200);
    expect((await get(`${A}&groupBy=none`)).totals).toMatchObject({ received: 8, pending: 3, decided: 4, positive: 2 });
    await t.db.query(`DELETE FROM appeal_events WHERE appeal_id = $1`, [res.body.id]);
    await t.db.query(`DELETE FROM outbox WHERE appeal_id = $1`, [res.body.id]);
    await t.db.query(`DELETE FROM appeals WHERE id = $1`, [res.body.id]);
    expect((await get(`${A}&groupBy=none`)).totals).toMatchObject({ received: 7, pending: 2, decided: 4, positive: 2 });
  });

  describe('scope and roles', () => {
    it('lets analysts and controllers in, others not', async () => {
      expect((await w.users.analystKz.get(A)).status).toBe(200);
      expect((await w.users.operatorAla.get(A)).status).toBe(403);
      expect((await w.users.officerAlaAkimat.get(A)).status).toBe(403);
      expect((await w.users.receptionAla.get('/reports/receptions')).status).toBe(403);
      expect((await w.anonymous.get(A)).status).toBe(401);
    });

    it("defaults a scoped user's report to their own branch and hides branches outside it (404)", async () => {
      const own = await get(A, () => w.users.controllerAla);
      expect(own.rows.map((r: { key: { code: string } }) => r.key.code)).toEqual(['ALA-ALM', 'ALA-BOS', 'ALA']);
      expect(own.totals.received).toBe(4);
      const inside = await get(`${A}&branchId=${w.branches.alaBos}`, () => w.users.controllerAla);
      expect(inside.rows).toEqual([expect.objectContaining({ key: expect.objectContaining({ code: 'ALA-BOS', own: true }), received: 2 })]);
      const outside = await w.users.controllerAla.get(`${A}&branchId=${w.branches.ast}`);
      expect(outside.status).toBe(404);
      expect(outside.body.code).toBe('NOT_FOUND');
      expect((await w.users.controllerAla.get(`${A}&branchId=${w.branches.kz}`)).status).toBe(404);
    });
  });

  it.each([
    ['from=2025-02-01&to=2025-01-01', 'from'],
    ['from=2025-02-30', 'from'],
    ['to=yesterday', 'to'],
    ['channel=portal,fax', 'channel'],
    ['channel=', 'channel'],
    ['compareYears=6', 'compareYears'],
    ['compareYears=-1', 'compareYears'],
    ['compareYears=x', 'compareYears'],
    ['groupBy=region', 'groupBy'],
    ['interval=week', 'interval'],
    ['type=letter', 'type'],
    ['format=pdf', 'format'],
    ['branchId=42', 'branchId'],
    ['categoryId=00000000-0000-4000-8000-000000000000', 'categoryId'],
    ['unknown=1', 'unknown'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const res = await w.admin.get(`/reports/resolution?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('answers 404 for a branch that does not exist', async () => {
    expect((await w.admin.get(`${A}&branchId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});
