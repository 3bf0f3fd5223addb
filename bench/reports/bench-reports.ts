/**
 * Report benchmark: `npx ts-node --transpile-only bench/reports/bench-reports.ts 1000000`
 * (BENCH_DATABASE_URL, default postgres://appeals:appeals@127.0.0.1:5432/appeals_bench, is dropped
 * and recreated). Loads N appeals through the aggregate triggers, checks aggregates = GROUP BY,
 * measures report latency against a plain GROUP BY over the appeals, and the triggers' cost on
 * single-row intake.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { buildResolutionSql, ResolutionSpec } from '../../src/reports/resolution-report';
import { shiftWindow } from '../../src/reports/report-window';
import { seedReferenceData } from '../../src/seed/seed-reference-data';

const N = Number(process.argv[2] ?? 1_000_000);
const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://appeals:appeals@127.0.0.1:5432/appeals_bench';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CHUNK = 500_000;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main(): Promise<void> {
  const url = new URL(URL_);
  const dbName = url.pathname.slice(1);
  const admin = new Client({ connectionString: URL_.replace(`/${dbName}`, '/appeals') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const ds = new DataSource(dataSourceOptions(URL_, { logging: ['error'], extra: { max: 8, statement_timeout: 0 } }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await seedReferenceData(ds);

  // 10 years (2016-2025), districts of every region, leaf categories, outcomes like real history.
  let t0 = Date.now();
  for (let start = 1; start <= N; start += CHUNK) {
    const end = Math.min(N, start + CHUNK - 1);
    await ds.query(`
      WITH b AS (SELECT array_agg(id ORDER BY code) ids FROM branches WHERE level = 'district'),
           c AS (SELECT array_agg(id ORDER BY code) ids FROM categories WHERE parent_id IS NOT NULL),
           a AS (SELECT array_agg(id ORDER BY code) ids FROM agencies),
           s AS (SELECT g, date '2016-01-01' + (random() * 3652 + g * 0)::int AS d, random() r FROM generate_series($1::int, $2::int) g)
      INSERT INTO appeals (external_id, number, tracking_code, channel, type, status, outcome, category_id, branch_id, agency_id, subject, text,
                           language, anonymous, received_at, received_on, registered_at, due_date, deadline_state, answered_at, answer_text, answer_reason, closed_at)
      SELECT 'B' || g, 'B-' || g, 'T', (ARRAY['portal','call_centre','reception','public_office','mail'])[1 + g % 5],
             (ARRAY['statement','complaint','proposal','request','response','report'])[1 + (g / 5) % 6],
             CASE WHEN r < 0.9 THEN 'closed' WHEN r < 0.93 THEN 'withdrawn' ELSE 'in_progress' END,
             CASE WHEN r < 0.9 THEN (ARRAY['positive','positive','positive','explained','explained','rejected','without_consideration'])[1 + (g / 7) % 7] END,
             c.ids[1 + (g / 11) % cardinality(c.ids)], b.ids[1 + (g / 13) % cardinality(b.ids)], a.ids[1 + (g / 17) % cardinality(a.ids)],
             'S', 'T', 'ru', true, d + time '10:00', d, d + time '10:00', d + 21,
             CASE WHEN r < 0.8 THEN 'met' WHEN r < 0.9 THEN 'missed' WHEN r < 0.93 THEN 'on_track' ELSE 'overdue' END,
             CASE WHEN r < 0.9 THEN d + time '12:00' + interval '10 days' END, CASE WHEN r < 0.9 THEN 'A' END, 'R',
             CASE WHEN r < 0.9 THEN d + time '12:00' + interval '10 days' END
        FROM s, b, c, a`, [start, end]);
    process.stdout.write(`loaded ${end}\r`);
  }
  const loadSeconds = (Date.now() - t0) / 1000;
  await ds.query('VACUUM ANALYZE');
  const [{ cube, small }] = await ds.query(`SELECT (SELECT count(*) FROM appeal_stats) cube, (SELECT count(*) FROM appeal_stats_branch) small`);

  t0 = Date.now();
  const [{ diff }] = await ds.query(`
    SELECT (SELECT count(*) FROM (SELECT date_trunc('month', received_on)::date, branch_id, channel, type, count(*),
              count(*) FILTER (WHERE outcome = 'positive'), count(*) FILTER (WHERE status = 'withdrawn'),
              count(*) FILTER (WHERE deadline_state = 'met'), count(*) FILTER (WHERE deadline_state = 'overdue')
         FROM appeals GROUP BY 1, 2, 3, 4
       EXCEPT SELECT month, branch_id, channel, type, received, positive, withdrawn, answered_on_time, overdue FROM appeal_stats_branch) x)
         + (SELECT count(*) FROM (SELECT month, branch_id, channel, type, category_id, agency_id, received, positive FROM appeal_stats
       EXCEPT SELECT date_trunc('month', received_on)::date, branch_id, channel, type, category_id, agency_id, count(*),
              count(*) FILTER (WHERE outcome = 'positive') FROM appeals GROUP BY 1, 2, 3, 4, 5, 6) y) AS diff`);
  const verifySeconds = (Date.now() - t0) / 1000;

  const [root] = await ds.query(`SELECT id, path::text AS path FROM branches WHERE parent_id IS NULL`);
  const scenarios = [
    { name: 'region × month, 10 months, compareYears=1', interval: 'month', window: { from: '2025-01-01', to: '2025-10-31' } },
    { name: 'region × year, 5 years, compareYears=1', interval: 'year', window: { from: '2021-01-01', to: '2025-12-31' } },
    { name: 'region × month, partial months (05 Jan-20 Oct), compareYears=1', interval: 'month', window: { from: '2025-01-05', to: '2025-10-20' } },
  ] as const;
  const results = [];
  for (const s of scenarios) {
    const spec: ResolutionSpec = { root, groupBy: 'branch', interval: s.interval, channels: undefined };
    const windows = [s.window, shiftWindow(s.window, 1)];
    const viaCubes = async () => {
      for (const w of windows) {
        const { sql, params } = buildResolutionSql(spec, w);
        await ds.query(sql, params);
      }
    };
    const period = s.interval === 'month' ? `to_char(a.received_on, 'YYYY-MM')` : `to_char(a.received_on, 'YYYY')`;
    const plain = async () => {
      for (const w of windows) {
        await ds.query(
          `SELECT g.id, ${period} AS period, count(*), count(a.outcome), count(*) FILTER (WHERE a.outcome = 'positive'),
                  count(*) FILTER (WHERE a.outcome = 'explained'), count(*) FILTER (WHERE a.outcome = 'rejected'),
                  count(*) FILTER (WHERE a.outcome = 'without_consideration'), count(*) FILTER (WHERE a.status = 'withdrawn'),
                  count(*) FILTER (WHERE a.status IN ('registered','routed','in_progress','paused')),
                  count(*) FILTER (WHERE a.deadline_state = 'overdue'), count(*) FILTER (WHERE a.deadline_state = 'met')
             FROM appeals a JOIN branches b ON b.id = a.branch_id
             JOIN branches g ON g.path = subpath(b.path, 0, LEAST(nlevel(b.path), nlevel($1::ltree) + 1))
            WHERE a.received_on BETWEEN $2 AND $3 GROUP BY g.id, period`,
          [root.path, w.from, w.to],
        );
      }
    };
    const time = async (fn: () => Promise<void>) => {
      await fn();
      const xs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = process.hrtime.bigint();
        await fn();
        xs.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      return { p50: pct(xs, 50), p95: pct(xs, 95) };
    };
    const c = await time(viaCubes);
    const p = await time(plain);
    results.push({ scenario: s.name, cubes: c, plainGroupBy: p, speedupP50: p.p50 / c.p50 });
  }

  // Intake cost: single-row INSERT transactions from 4 clients, with and without the triggers.
  const intake = async (label: string) => {
    const clients = 4;
    const per = Number(process.env.BENCH_INTAKE ?? 2000);
    const t = Date.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, k) => {
        const q = ds.createQueryRunner();
        await q.connect();
        for (let i = 0; i < per; i++) {
          await q.query(
            `INSERT INTO appeals (number, tracking_code, channel, type, status, category_id, branch_id, subject, text, language, anonymous, received_at, received_on, due_date)
             SELECT $1, 'T', 'portal', 'complaint', 'registered', (SELECT id FROM categories WHERE parent_id IS NOT NULL ORDER BY code OFFSET $2 % 50 LIMIT 1),
                    (SELECT id FROM branches WHERE level = 'district' ORDER BY code OFFSET $2 % 200 LIMIT 1), 'S', 'T', 'ru', true, now(), current_date, current_date + 21`,
            [`I-${label}-${k}-${i}`, i * 7 + k],
          );
        }
        await q.release();
      }),
    );
    return (clients * per) / ((Date.now() - t) / 1000);
  };
  const withTriggers = await intake('on');
  await ds.query(`ALTER TABLE appeals DISABLE TRIGGER appeal_stats_on_insert`);
  const withoutTriggers = await intake('off');
  await ds.query(`ALTER TABLE appeals ENABLE TRIGGER appeal_stats_on_insert`);

  const [{ version }] = await ds.query(`SHOW server_version`);
  console.log(JSON.stringify({ appeals: N, loadSeconds, aggregateRows: { appeal_stats: cube, appeal_stats_branch: small }, verify: { mismatches: diff, seconds: verifySeconds }, postgres: version, node: process.version, results, intake: { withTriggers, withoutTriggers, ratio: withTriggers / withoutTriggers } }, null, 2));
  await ds.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
