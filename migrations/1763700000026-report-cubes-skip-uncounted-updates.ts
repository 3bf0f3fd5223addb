import { MigrationInterface, QueryRunner } from 'typeorm';
import { cubeTriggerFunctionSql } from '../src/reports/report-cubes.sql';

/**
 * The report cubes' UPDATE trigger leaves out rows whose counted columns did not change
 * (report-cubes.sql.ts, countedChange) instead of adding their −1 and +1 up to zero across the
 * three cubes: a calendar change moves up to every open case's due date, which no counter reads
 * (docs/benchmarks-deadlines.md, "Round four").
 */
export class ReportCubesSkipUncountedUpdates1763700000026 implements MigrationInterface {
  name = 'ReportCubesSkipUncountedUpdates1763700000026';

  async up(q: QueryRunner): Promise<void> {
    await q.query(cubeTriggerFunctionSql({ tree: true, ownFromParent: true, receptions: true, skipUncounted: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(cubeTriggerFunctionSql({ tree: true, ownFromParent: true, receptions: true }));
  }
}
