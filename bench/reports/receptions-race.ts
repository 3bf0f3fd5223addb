/**
 * A session moved (start, host type, branch) while an appeal and a visit are made at it, in both orders,
 * on two connections: `npx ts-node --transpile-only bench/reports/receptions-race.ts postgres://…/appeals_bench_x`.
 * Prints whether each side waited for the other (the FOR SHARE lock of the cube and visit triggers on the
 * session, reception-rollup.sql.ts) and the mismatches of reception_stats_monthly against the plain
 * computation afterwards (0 expected; with the lock removed from the trigger functions this gave 9).
 * Writes to the database: use a bench database of your own.
 */
import { Client } from 'pg';
import { RECEPTION_MONTHS_FROM_SCRATCH, RECEPTION_MONTHS_STORED } from '../../test/support/receptions-without-rollup.sql';

const URL_ = process.argv[2];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const a = new Client({ connectionString: URL_ });
  const b = new Client({ connectionString: URL_ });
  await a.connect();
  await b.connect();
  const [s] = (await a.query(`SELECT id FROM reception_sessions ORDER BY starts_at, id LIMIT 1`)).rows;
  const appealAndVisit = async (c: Client) => {
    await c.query(
      `INSERT INTO appeals (number, tracking_code, channel, type, status, outcome, category_id, agency_id, branch_id, subject, text, language, anonymous,
                            received_at, received_on, due_date, reception_id, answered_at, answer_text, closed_at)
       SELECT 'RACE-' || gen_random_uuid(), 'T', 'reception', 'complaint', 'closed', 'positive', (SELECT id FROM categories WHERE parent_id IS NOT NULL LIMIT 1),
              (SELECT id FROM agencies LIMIT 1), (SELECT id FROM branches WHERE level = 'district' LIMIT 1), 'S', 'T', 'ru', true, now(), current_date,
              current_date + 21, $1, now(), 'A', now()`,
      [s.id],
    );
    await c.query(`INSERT INTO reception_visits (reception_id, visitor, result) VALUES ($1, '{}', 'consultation')`, [s.id]);
  };
  // 1) The move first, not committed yet: the appeal and the visit must wait for it, then count at the new keys.
  await a.query('BEGIN');
  await a.query(`UPDATE reception_sessions SET starts_at = starts_at + interval '75 days', starts_on = starts_on + 75, host_type = 'party_official' WHERE id = $1`, [s.id]);
  let madeFirst = false;
  const made = (async () => {
    await b.query('BEGIN');
    await appealAndVisit(b);
    await b.query('COMMIT');
    madeFirst = true;
  })();
  await sleep(500);
  const appealWaited = !madeFirst;
  await a.query('COMMIT');
  await made;
  // 2) The appeal and the visit first, not committed yet: the move must wait for them, then move their counts too.
  await b.query('BEGIN');
  await appealAndVisit(b);
  let movedFirst = false;
  const moved = (async () => {
    await a.query(
      `UPDATE reception_sessions SET starts_at = starts_at - interval '40 days', starts_on = starts_on - 40,
              branch_id = (SELECT id FROM branches WHERE level = 'regional' ORDER BY code DESC LIMIT 1) WHERE id = $1`,
      [s.id],
    );
    movedFirst = true;
  })();
  await sleep(500);
  const moveWaited = !movedFirst;
  await b.query('COMMIT');
  await moved;
  const [{ n }] = (await a.query(`SELECT ((SELECT count(*) FROM (SELECT * FROM (${RECEPTION_MONTHS_FROM_SCRATCH}) p EXCEPT ALL SELECT * FROM (${RECEPTION_MONTHS_STORED}) c) x)
                                        + (SELECT count(*) FROM (SELECT * FROM (${RECEPTION_MONTHS_STORED}) c EXCEPT ALL SELECT * FROM (${RECEPTION_MONTHS_FROM_SCRATCH}) p) x))::int AS n`)).rows;
  console.log(JSON.stringify({ appealWaitedForTheMove: appealWaited, moveWaitedForTheAppeal: moveWaited, rollupMismatches: n }));
  await a.end();
  await b.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
