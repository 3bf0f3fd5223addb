import { MigrationInterface, QueryRunner } from 'typeorm';
import { cubeTriggerFunctionSql, RECEPTION_COUNTERS, receptionBackfillSql } from '../src/reports/report-cubes.sql';

/**
 * The receptions report reads each session's appeal counts from one row (`reception_appeal_stats`)
 * instead of counting its appeals (receptions-report.ts), so its cost no longer grows with the
 * appeals made at receptions (docs/benchmarks-reports.md, "Issue 14, round 3"). The row is kept
 * by the cube trigger function, in the same statement as the cubes, from the same deltas; an appeal
 * not made at a reception writes nothing to it.
 */
export class ReceptionAppealStats1763700000025 implements MigrationInterface {
  name = 'ReceptionAppealStats1763700000025';

  async up(q: QueryRunner): Promise<void> {
    // A session with appeals cannot be deleted (appeals.reception_id is ON DELETE RESTRICT); one
    // whose appeals all moved away may be, and its row of zeros goes with it.
    await q.query(`
      CREATE TABLE reception_appeal_stats (
        reception_id uuid PRIMARY KEY REFERENCES reception_sessions(id) ON DELETE CASCADE,
        ${RECEPTION_COUNTERS.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(',\n        ')}
      ) WITH (fillfactor = 70)`);
    await q.query(receptionBackfillSql());
    await q.query(cubeTriggerFunctionSql({ tree: true, ownFromParent: true, receptions: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(cubeTriggerFunctionSql({ tree: true, ownFromParent: true }));
    await q.query(`DROP TABLE IF EXISTS reception_appeal_stats`);
  }
}
