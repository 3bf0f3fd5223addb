import { MigrationInterface, QueryRunner } from 'typeorm';
import { cubeTriggerFunctionSql, ownRowsBackfillSql } from '../src/reports/report-cubes.sql';

/**
 * Two tree-cube rows fewer per appeal (docs/benchmarks-reports.md, "Intake"): a branch that has a
 * parent no longer keeps 'b' and 'd' rows keyed by itself (its own appeals). Its parent's row keyed
 * by it already holds its whole subtree; the own appeals are that minus the branch's rows for its
 * children, which is how src/reports/tree-facts.ts reads them. A depth-0 root keeps its own rows.
 *
 * `branch_report_ancestors.own_from_parent` marks the row the trigger skips them on (a branch's row
 * for itself, when it has a parent); the fill trigger for new branches sets it too.
 */
export class ReportTreeOwnRows1763700000018 implements MigrationInterface {
  name = 'ReportTreeOwnRows1763700000018';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE branch_report_ancestors ADD COLUMN own_from_parent boolean NOT NULL DEFAULT false`);
    await q.query(`
      UPDATE branch_report_ancestors k SET own_from_parent = true
        FROM branches b WHERE b.id = k.branch_id AND k.ancestor_id = k.branch_id AND b.parent_id IS NOT NULL`);
    await q.query(ancestorsFill(true));
    await q.query(`
      DELETE FROM appeal_stats_tree t USING branch_report_ancestors k
       WHERE k.own_from_parent AND t.ancestor_id = k.branch_id AND t.kind IN ('b', 'd') AND t.key_id = k.branch_id`);
    await q.query(cubeTriggerFunctionSql({ tree: true, ownFromParent: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(cubeTriggerFunctionSql({ tree: true }));
    await q.query(ownRowsBackfillSql());
    await q.query(ancestorsFill(false));
    await q.query(`ALTER TABLE branch_report_ancestors DROP COLUMN own_from_parent`);
  }
}

/** The row trigger function that lists a new branch's ancestors (as in migration 1763700000017, with or without the new column). */
function ancestorsFill(ownFromParent: boolean): string {
  return `
    CREATE OR REPLACE FUNCTION branch_report_ancestors_fill() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO branch_report_ancestors (branch_id, ancestor_id, child_id, top${ownFromParent ? ', own_from_parent' : ''})
      SELECT x.id, a.id, c.id, (nlevel(a.path) = 1 AND a.id <> x.id)${ownFromParent ? ', (a.id = x.id AND nlevel(x.path) > 1)' : ''}
        FROM (SELECT NEW.id AS id, NEW.path AS path) x
        JOIN branches a ON a.path @> x.path
        JOIN branches c ON c.path = subpath(x.path, 0, LEAST(nlevel(x.path), nlevel(a.path) + 1));
      RETURN NULL;
    END $$`;
}
