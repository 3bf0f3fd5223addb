/**
 * Server-side cost of the cube trigger on single-row intake, migration 26's function (A) against 27's (B):
 * `npx ts-node --transpile-only bench/reports/intake-trigger-cost.ts postgres://…/appeals_bench_x [rounds]`.
 * Each sample inserts 200 appeals one statement at a time in a DO block (1 in 50 at a reception session, or
 * every one with INTAKE_RECEPTION_EVERY=1) inside a transaction that is rolled back, so the database does
 * not grow between samples; A and B alternate, and the minimum and median per shape are reported (the
 * machine is shared: the minimum is the least disturbed sample).
 */
import { Client } from 'pg';
import { cubeTriggerFunctionSql } from '../../src/reports/report-cubes.sql';

const URL_ = process.argv[2];
const ROUNDS = Number(process.argv[3] ?? 10);
const EVERY = Number(process.env.INTAKE_RECEPTION_EVERY ?? 50);

async function main(): Promise<void> {
  const db = new Client({ connectionString: URL_ });
  await db.connect();
  const [session] = (await db.query(`SELECT id FROM reception_sessions ORDER BY starts_at DESC LIMIT 1`)).rows;
  const shapes = {
    A: cubeTriggerFunctionSql({ tree: true, ownFromParent: true, receptions: true, skipUncounted: true }),
    B: cubeTriggerFunctionSql({ tree: true, ownFromParent: true, receptions: true, skipUncounted: true, receptionMonths: true }),
  };
  const sample = async (s: 'A' | 'B') => {
    await db.query('BEGIN');
    await db.query(shapes[s]);
    const t = process.hrtime.bigint();
    await db.query(`DO $$
      DECLARE cat uuid[] := ARRAY(SELECT id FROM categories WHERE parent_id IS NOT NULL ORDER BY code);
              br uuid[] := ARRAY(SELECT id FROM branches WHERE level = 'district' ORDER BY code);
      BEGIN
        FOR i IN 1..200 LOOP
          INSERT INTO appeals (number, tracking_code, channel, type, status, category_id, branch_id, subject, text, language, anonymous, received_at, received_on, due_date, reception_id)
          VALUES ('TC-' || i, 'T', CASE WHEN ${EVERY} > 0 AND i % ${EVERY || 1} = 0 THEN 'reception' ELSE 'portal' END, 'complaint', 'registered',
                  cat[1 + i % cardinality(cat)], br[1 + (i * 7) % cardinality(br)], 'S', 'T', 'ru', true, now(), current_date, current_date + 21,
                  CASE WHEN ${EVERY} > 0 AND i % ${EVERY || 1} = 0 THEN '${session.id}'::uuid END);
        END LOOP;
      END $$`);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    await db.query('ROLLBACK');
    return ms / 200;
  };
  const xs: Record<'A' | 'B', number[]> = { A: [], B: [] };
  await sample('A');
  await sample('B');
  for (let r = 0; r < ROUNDS; r++) for (const s of (r % 2 ? ['B', 'A'] : ['A', 'B']) as ('A' | 'B')[]) xs[s].push(await sample(s));
  const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const min = (v: number[]) => Math.min(...v);
  console.log(JSON.stringify({
    receptionEvery: EVERY, rounds: ROUNDS, msPerAppeal: { migration26: { min: +min(xs.A).toFixed(3), median: +med(xs.A).toFixed(3) }, migration27: { min: +min(xs.B).toFixed(3), median: +med(xs.B).toFixed(3) } },
    ratioMin: +(min(xs.B) / min(xs.A)).toFixed(3), ratioMedian: +(med(xs.B) / med(xs.A)).toFixed(3), load: require('node:os').loadavg()[0].toFixed(1),
  }));
  await db.end();
}

main().catch((e) => { console.error(e); process.exit(1); });
