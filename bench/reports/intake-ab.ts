/**
 * Intake with the cube trigger function of migration 26 (A) and of migration 27 (B, also the receptions
 * rollup), alternated A B B A … on one database so drift hits both alike:
 * `npx ts-node --transpile-only bench/reports/intake-ab.ts postgres://…/appeals_bench_x [per client] [cycles]`.
 * Single-row INSERTs from 4 clients, 1 appeal in 50 at a reception session of today, as bench-reports.ts's
 * intake step. Leaves the database's aggregates right (rebuilds the rollup of today's month).
 */
import { Pool } from 'pg';
import { cubeTriggerFunctionSql } from '../../src/reports/report-cubes.sql';
import { receptionMonthsBackfillSql } from '../../src/reports/reception-rollup.sql';

const URL_ = process.argv[2];
const PER = Number(process.argv[3] ?? 1000);
const CYCLES = Number(process.argv[4] ?? 3);
const TAG = Date.now().toString(36);
// INTAKE_CLIENTS (4) concurrent clients; INTAKE_RECEPTION_EVERY (50): one appeal in that many at the session (0: none; 1: all).
const CLIENTS = Number(process.env.INTAKE_CLIENTS ?? 4);
const EVERY = Number(process.env.INTAKE_RECEPTION_EVERY ?? 50);

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: URL_, max: 6 });
  const [session] = (await pool.query(
    `INSERT INTO reception_sessions (branch_id, host_name, host_type, starts_at, starts_on, format)
     SELECT id, 'H', 'agency_head', now(), (now() AT TIME ZONE 'Asia/Almaty')::date, 'in_person' FROM branches WHERE level = 'district' ORDER BY code LIMIT 1
     RETURNING id, date_trunc('month', starts_on)::date::text AS month`,
  )).rows;
  const intake = async (label: string) => {
    const t = Date.now();
    await Promise.all(Array.from({ length: CLIENTS }, async (_, k) => {
      const c = await pool.connect();
      for (let i = 0; i < PER; i++) {
        await c.query(
          `INSERT INTO appeals (number, tracking_code, channel, type, status, category_id, branch_id, subject, text, language, anonymous, received_at, received_on, due_date, reception_id)
           SELECT $1, 'T', CASE WHEN $3::uuid IS NULL THEN 'portal' ELSE 'reception' END, 'complaint', 'registered',
                  (SELECT id FROM categories WHERE parent_id IS NOT NULL ORDER BY code OFFSET $2 % 50 LIMIT 1),
                  (SELECT id FROM branches WHERE level = 'district' ORDER BY code OFFSET $2 % 200 LIMIT 1), 'S', 'T', 'ru', true, now(), current_date, current_date + 21, $3`,
          [`AB-${TAG}-${label}-${k}-${i}`, i * 7 + k, EVERY > 0 && i % EVERY === Math.min(2, EVERY - 1) ? session.id : null],
        );
      }
      c.release();
    }));
    return (CLIENTS * PER) / ((Date.now() - t) / 1000);
  };
  const shapes = {
    A: cubeTriggerFunctionSql({ tree: true, ownFromParent: true, receptions: true, skipUncounted: true }),
    B: cubeTriggerFunctionSql({ tree: true, ownFromParent: true, receptions: true, skipUncounted: true, receptionMonths: true }),
  };
  const runs: Record<'A' | 'B', number[]> = { A: [], B: [] };
  for (let c = 0; c < CYCLES; c++) {
    for (const s of (c % 2 ? ['B', 'A'] : ['A', 'B']) as ('A' | 'B')[]) {
      await pool.query(shapes[s]);
      runs[s].push(Math.round(await intake(`${s}${c}`)));
    }
  }
  await pool.query(shapes.B);
  await pool.query(`DELETE FROM reception_stats_monthly WHERE month = $1::date`, [session.month]);
  await pool.query(receptionMonthsBackfillSql(`date_trunc('month', rs.starts_on) = $1::date`), [session.month]);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(JSON.stringify({ clients: CLIENTS, receptionEvery: EVERY, perClient: PER, cycles: CYCLES, migration26: runs.A, migration27: runs.B, ratio27to26: +(mean(runs.B) / mean(runs.A)).toFixed(3), load: require('node:os').loadavg()[0].toFixed(1) }));
  await pool.end();
}

main().catch((e) => { console.error(e); process.exit(1); });
