import { MigrationInterface, QueryRunner } from 'typeorm';
import { cubeTriggerFunctionSql } from '../src/reports/report-cubes.sql';
import {
  dropReceptionMonthsTriggersSql,
  RECEPTION_MONTH_COUNTERS,
  receptionMonthsBackfillSql,
  receptionMonthsTriggersSql,
} from '../src/reports/reception-rollup.sql';

/**
 * The receptions report no longer grows with the number of sessions (docs/benchmarks-reports.md,
 * "Round 7: receptions rolled up by month"): whole months come from `reception_stats_monthly`, the
 * sessions, visitors and appeal counts rolled up the branch tree by month (src/reports/reception-rollup.sql.ts),
 * and only the partial days at a window's edges from the sessions.
 *
 * A session's month is the month of its start in APP_TIMEZONE, which the database does not know:
 * `reception_sessions.starts_on` holds that local date, written by whoever writes `starts_at` (the
 * service, the seeds, the bench), as `appeals.received_on` is. Existing sessions get it from APP_TIMEZONE
 * of the environment running the migration (the app's default when unset). The check only catches a
 * date that cannot be right in any zone (more than a day from the UTC date): no zone is more than 14 hours
 * from UTC.
 */
export class ReceptionStatsMonthly1763700000027 implements MigrationInterface {
  name = 'ReceptionStatsMonthly1763700000027';

  async up(q: QueryRunner): Promise<void> {
    const zone = process.env.APP_TIMEZONE || 'Asia/Almaty';
    await q.query(`ALTER TABLE reception_sessions ADD COLUMN starts_on date`);
    await q.query(`UPDATE reception_sessions SET starts_on = (starts_at AT TIME ZONE $1)::date`, [zone]);
    await q.query(`ALTER TABLE reception_sessions ALTER COLUMN starts_on SET NOT NULL`);
    await q.query(`
      ALTER TABLE reception_sessions ADD CONSTRAINT reception_sessions_starts_on_ck
        CHECK (starts_on BETWEEN (starts_at AT TIME ZONE 'UTC')::date - 1 AND (starts_at AT TIME ZONE 'UTC')::date + 1)`);
    // The partial days at a window's edges, across the report's subtree.
    await q.query(`CREATE INDEX reception_sessions_starts_on_idx ON reception_sessions (starts_on)`);

    await q.query(`
      CREATE TABLE reception_stats_monthly (
        ancestor_id uuid    NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
        kind        char(1) NOT NULL,
        month       date    NOT NULL,
        child_id    uuid REFERENCES branches(id) ON DELETE CASCADE,
        host_type   varchar(32),
        ${RECEPTION_MONTH_COUNTERS.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(',\n        ')},
        CONSTRAINT reception_stats_monthly_kind_ck CHECK ((kind = 'b' AND child_id IS NOT NULL AND host_type IS NULL)
                                                       OR (kind = 'h' AND child_id IS NULL AND host_type IS NOT NULL)),
        CONSTRAINT reception_stats_monthly_month_ck CHECK (extract(day FROM month) = 1)
      ) WITH (fillfactor = 70)`);
    await q.query(`
      CREATE UNIQUE INDEX reception_stats_monthly_key_uq ON reception_stats_monthly (ancestor_id, kind, month, child_id, host_type) NULLS NOT DISTINCT`);
    await q.query(receptionMonthsBackfillSql());
    // The report's plans depend on the rollup's size (a few rows a month per ancestor): give the planner its statistics now.
    await q.query(`ANALYZE reception_stats_monthly`);
    await q.query(`ANALYZE reception_sessions`);
    for (const sql of receptionMonthsTriggersSql()) await q.query(sql);
    await q.query(cubeTriggerFunctionSql({ tree: true, ownFromParent: true, receptions: true, skipUncounted: true, receptionMonths: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(cubeTriggerFunctionSql({ tree: true, ownFromParent: true, receptions: true, skipUncounted: true }));
    for (const sql of dropReceptionMonthsTriggersSql()) await q.query(sql);
    await q.query(`DROP TABLE IF EXISTS reception_stats_monthly`);
    await q.query(`DROP INDEX IF EXISTS reception_sessions_starts_on_idx`);
    await q.query(`ALTER TABLE reception_sessions DROP COLUMN IF EXISTS starts_on`);
  }
}
