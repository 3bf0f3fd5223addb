import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The receptions report counts each session's appeals and their outcomes (receptions-report.ts):
 * with the outcome in the index those counts are index-only, so a whole-country report does not
 * fetch a heap page of `appeals` per appeal made at a reception (at 10M appeals: 273 → 38 ms
 * p95, docs/benchmarks-reports.md). It replaces the plain index on the same rows.
 */
export class ReceptionAppealsCoveringIndex1763700000024 implements MigrationInterface {
  name = 'ReceptionAppealsCoveringIndex1763700000024';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX appeals_reception_outcome_idx ON appeals (reception_id) INCLUDE (outcome) WHERE reception_id IS NOT NULL`);
    await q.query(`DROP INDEX appeals_reception_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX appeals_reception_idx ON appeals (reception_id) WHERE reception_id IS NOT NULL`);
    await q.query(`DROP INDEX appeals_reception_outcome_idx`);
  }
}
