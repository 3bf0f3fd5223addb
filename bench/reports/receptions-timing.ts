/**
 * The receptions report before and after the monthly rollup (migration 1763700000027), interleaved on one
 * database: `npx ts-node --transpile-only bench/reports/receptions-timing.ts postgres://…/appeals_bench_x [runs]`.
 * "before" reads every session of the window (the statement of migration 1763700000025); "after" is
 * buildReceptionsSql. Each round answers the window and its year before (compareYears=1), as the service
 * does; both statements' rows are checked equal first.
 */
import { Client } from 'pg';
import { receptionsFromEverySessionSql } from '../../test/support/receptions-without-rollup.sql';
import { buildReceptionsSql } from '../../src/reports/receptions-report';
import { shiftWindow } from '../../src/reports/report-window';

const URL_ = process.argv[2];
const RUNS = Number(process.argv[3] ?? 30);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main(): Promise<void> {
  const db = new Client({ connectionString: URL_ });
  await db.connect();
  const [{ sessions }] = (await db.query(`SELECT count(*)::int AS sessions FROM reception_sessions`)).rows;
  const root = (await db.query(`SELECT id, path::text AS path, code, name FROM branches WHERE parent_id IS NULL`)).rows[0];
  const region = (await db.query(`SELECT id, path::text AS path, code, name FROM branches WHERE parent_id = $1 ORDER BY code LIMIT 1`, [root.id])).rows[0];
  const shapes = [
    { name: 'by region, 2025-01-01 … 2025-10-31', root, groupBy: 'branch', w: { from: '2025-01-01', to: '2025-10-31' } },
    { name: 'by region, 2025-01-05 … 2025-10-20 (partial edges)', root, groupBy: 'branch', w: { from: '2025-01-05', to: '2025-10-20' } },
    { name: 'by host type, whole country, 2025-01-01 … 2025-10-31', root, groupBy: 'hostType', w: { from: '2025-01-01', to: '2025-10-31' } },
    { name: 'one region by branch, 2025-01-01 … 2025-10-31', root: region, groupBy: 'branch', w: { from: '2025-01-01', to: '2025-10-31' } },
    { name: 'by region, 2021-01-01 … 2025-12-31', root, groupBy: 'branch', w: { from: '2021-01-01', to: '2025-12-31' } },
  ] as const;
  const out = [];
  for (const s of shapes) {
    const windows = [s.w, shiftWindow(s.w, 1)];
    const after = windows.map((w) => buildReceptionsSql(s.root, s.groupBy, w));
    const before = windows.map((w) => [receptionsFromEverySessionSql(s.groupBy), [s.root.path, w.from, w.to, 'Asia/Almaty']] as const);
    let equal = true;
    for (let i = 0; i < windows.length; i++) {
      equal &&= JSON.stringify((await db.query(after[i].sql, after[i].params)).rows) === JSON.stringify((await db.query(before[i][0], [...before[i][1]])).rows);
    }
    const xsA: number[] = [];
    const xsB: number[] = [];
    for (let r = 0; r < RUNS + 3; r++) {
      let t = process.hrtime.bigint();
      for (const q of after) await db.query(q.sql, q.params);
      const a = Number(process.hrtime.bigint() - t) / 1e6;
      t = process.hrtime.bigint();
      for (const [sql, params] of before) await db.query(sql, [...params]);
      const b = Number(process.hrtime.bigint() - t) / 1e6;
      if (r >= 3) { xsA.push(a); xsB.push(b); }
    }
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM reception_sessions WHERE starts_on BETWEEN $1 AND $2`, [s.w.from, s.w.to])).rows;
    out.push({ shape: s.name, sessionsInWindow: n, equal, after: { p50: +pct(xsA, 50).toFixed(2), p95: +pct(xsA, 95).toFixed(2) }, before: { p50: +pct(xsB, 50).toFixed(2), p95: +pct(xsB, 95).toFixed(2) } });
  }
  const [{ load }] = [{ load: require('node:os').loadavg()[0].toFixed(1) }];
  console.log(JSON.stringify({ database: URL_.split('/').pop(), sessions, runs: RUNS, loadAverage: load, results: out }, null, 2));
  await db.end();
}

main().catch((e) => { console.error(e); process.exit(1); });
