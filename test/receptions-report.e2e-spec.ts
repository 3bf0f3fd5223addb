import { insertPastAppeal } from './support/report-data';
import { receptionsFromAppealsSql } from './support/receptions-without-rollup.sql';
import { startTestApp, TestApp } from './support/test-app';
import { buildWorld, World } from './support/world';

type Row = { key: Record<string, unknown>; sessions: number; visitors: number; appeals: number; decided: number; positive: number; positiveShare: number | null };

/**
 * GET /reports/receptions reads whole months from the monthly rollup and the partial days at a
 * window's edges from the sessions (migration 1763700000027): every window shape — whole months,
 * partial edges, one day, inside one month, a session just after a local midnight that is still the
 * previous day in UTC — gives exactly the plain computation, by host type and by branch, at the root,
 * a region and a district, and in the comparison with the year before.
 */
describe('GET /reports/receptions', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const b = w.branches;
    // [branch, host type, start, visits, appeals: outcomes (null = open)]
    const sessions: [string, string, string, number, (string | null)[]][] = [
      [b.alaBos, 'majilis_deputy', '2025-01-04T10:00:00+05:00', 2, ['positive']],
      [b.alaBos, 'majilis_deputy', '2025-01-05T10:00:00+05:00', 1, []],
      [b.alaAlm, 'senate_deputy', '2025-01-20T10:00:00+05:00', 3, ['rejected', null]],
      [b.ala, 'agency_head', '2025-01-31T23:30:00+05:00', 1, ['positive', 'positive']],
      // 00:30 on 1 February in Almaty is still 31 January in UTC: counted in February.
      [b.astEsl, 'agency_head', '2025-02-01T00:30:00+05:00', 4, ['explained']],
      [b.kz, 'party_official', '2025-02-14T10:00:00+05:00', 0, [null]],
      [b.ast, 'maslikhat_deputy', '2025-02-28T18:00:00+05:00', 2, []],
      [b.alaBos, 'senate_deputy', '2025-03-01T09:00:00+05:00', 1, ['positive', 'without_consideration']],
      [b.astEsl, 'majilis_deputy', '2025-03-15T10:00:00+05:00', 5, []],
      [b.alaAlm, 'majilis_deputy', '2025-03-31T23:59:00+05:00', 1, ['rejected']],
      [b.alaBos, 'agency_head', '2025-04-01T00:00:00+05:00', 2, []],
      [b.alaBos, 'majilis_deputy', '2024-01-10T10:00:00+05:00', 3, ['positive']],
      [b.astEsl, 'senate_deputy', '2024-02-29T10:00:00+05:00', 1, []],
      [b.kz, 'agency_head', '2024-03-20T10:00:00+05:00', 2, ['explained']],
    ];
    for (const [branchId, hostType, startsAt, visits, outcomes] of sessions) {
      const res = await w.admin.post('/receptions').send({ branchId, hostName: 'Ведущий приёма', hostType, startsAt, format: 'in_person' });
      expect(res.status).toBe(201);
      for (let i = 0; i < visits; i++) {
        expect((await w.admin.post(`/receptions/${res.body.id}/visits`).send({ visitor: { fullName: 'Посетитель' }, result: 'consultation' })).status).toBe(201);
      }
      for (const outcome of outcomes) {
        await insertPastAppeal(t, {
          branchId, categoryId: w.categories.health, agencyId: w.agencies.minHealth, channel: 'reception', type: 'complaint',
          receivedOn: startsAt.slice(0, 10), status: outcome ? 'closed' : 'routed', outcome: (outcome ?? undefined) as 'positive' | undefined,
          receptionId: res.body.id,
        });
      }
    }
  });
  afterAll(() => t.close());

  const get = async (query: string) => {
    const res = await w.admin.get(`/reports/receptions?${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const plain = async (groupBy: 'branch' | 'hostType', branch: string, from: string, to: string): Promise<Row[]> => {
    const [{ path }] = await t.db.query(`SELECT path::text AS path FROM branches WHERE id = $1`, [branch]);
    const rows: Record<string, unknown>[] = await t.db.query(receptionsFromAppealsSql(groupBy), [path, from, to, 'Asia/Almaty']);
    return rows.map(({ sessions, visitors, appeals, decided, positive, key_id, key_code, key_name, key_own }) => ({
      key: groupBy === 'branch' ? { branchId: key_id, code: key_code, name: key_name, own: key_own } : { hostType: key_id },
      sessions, visitors, appeals, decided, positive,
      positiveShare: (decided as number) ? (positive as number) / (decided as number) : null,
    })) as Row[];
  };

  it('gives the known figures of a window with partial edge months', async () => {
    const body = await get('from=2025-01-05&to=2025-03-20&groupBy=hostType');
    expect(body.rows).toEqual([
      { key: { hostType: 'agency_head' }, sessions: 2, visitors: 5, appeals: 3, decided: 3, positive: 2, positiveShare: 2 / 3 },
      { key: { hostType: 'majilis_deputy' }, sessions: 2, visitors: 6, appeals: 0, decided: 0, positive: 0, positiveShare: null },
      { key: { hostType: 'maslikhat_deputy' }, sessions: 1, visitors: 2, appeals: 0, decided: 0, positive: 0, positiveShare: null },
      { key: { hostType: 'party_official' }, sessions: 1, visitors: 0, appeals: 1, decided: 0, positive: 0, positiveShare: null },
      { key: { hostType: 'senate_deputy' }, sessions: 2, visitors: 4, appeals: 4, decided: 3, positive: 1, positiveShare: 1 / 3 },
    ]);
    expect(body.totals).toEqual({ sessions: 8, visitors: 17, appeals: 8, decided: 6, positive: 3, positiveShare: 0.5 });
    // The session at 00:30 local time on 1 February (31 January in UTC) is February's, whichever way the window is read.
    expect((await get('from=2025-02-01&to=2025-02-01')).totals.sessions).toBe(1);
    expect((await get('from=2025-02-01&to=2025-02-28')).totals.sessions).toBe(3);
    expect((await get('from=2025-01-01&to=2025-01-31')).totals.sessions).toBe(4);
  });

  it('equals the plain computation for every window shape, grouping and root, and in the comparison with the year before', async () => {
    const b = w.branches;
    const windows = [
      ['2025-01-01', '2025-03-31'], // whole months only
      ['2025-01-05', '2025-03-20'], // partial months at both edges
      ['2025-01-05', '2025-03-31'], // partial start
      ['2025-02-01', '2025-03-15'], // partial end
      ['2025-01-31', '2025-02-01'], // two edge days, no whole month
      ['2025-02-02', '2025-02-27'], // inside one month
      ['2025-02-01', '2025-02-01'], // one day
      ['2025-01-31', '2025-04-01'], // one day, two whole months, one day
      ['2024-12-01', '2025-12-31'],
    ];
    for (const [from, to] of windows) {
      for (const groupBy of ['hostType', 'branch'] as const) {
        for (const [branch, query] of [[b.kz, ''], [b.ala, `&branchId=${b.ala}`], [b.alaBos, `&branchId=${b.alaBos}`], [b.ast, `&branchId=${b.ast}`]]) {
          const body = await get(`from=${from}&to=${to}&groupBy=${groupBy}&compareYears=1${query}`);
          const context = { from, to, groupBy, branch };
          expect({ ...context, rows: body.rows }).toEqual({ ...context, rows: await plain(groupBy, branch, from, to) });
          const [cmp] = body.comparisons;
          const shifted = [`${Number(from.slice(0, 4)) - 1}${from.slice(4)}`, `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`];
          expect({ ...context, from: cmp.from, to: cmp.to, rows: cmp.rows }).toEqual({ ...context, from: shifted[0], to: shifted[1], rows: await plain(groupBy, branch, shifted[0], shifted[1]) });
        }
      }
    }
  });
});
