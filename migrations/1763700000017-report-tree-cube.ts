import { MigrationInterface, QueryRunner } from 'typeorm';
import { CUBE_COUNTERS, cubeTriggerFunctionSql, treeBackfillSql } from '../src/reports/report-cubes.sql';

/**
 * Reports at national scale (docs/benchmarks-reports.md): a third cube, `appeal_stats_tree`, with
 * each appeal's counts pre-rolled up to every reporting ancestor of its branch, by month (child
 * branch, category, agency) and by day (child branch, for the partial months at a window's
 * edges). A region × period report then reads a few hundred rows by index instead of summing
 * hundreds of thousands through an ltree join. See src/reports/report-cubes.sql.ts.
 *
 * `branch_report_ancestors` lists, for each branch, itself and its ancestors, with the child of
 * that ancestor on the way down. A branch's
 * path never changes after insert (branches_fill_path runs on INSERT only), so the list is
 * written once per new branch by a row trigger.
 *
 * The cube trigger function is recreated from the live counter list (report-counters.ts), so it
 * carries whatever counters the cubes have at this point of the migration chain.
 */
export class ReportTreeCube1763700000017 implements MigrationInterface {
  name = 'ReportTreeCube1763700000017';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE branch_report_ancestors (
        branch_id   uuid NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
        ancestor_id uuid NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
        child_id    uuid NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
        -- the ancestor is a depth-0 root above the branch: its category and agency rows are not kept
        top         boolean NOT NULL,
        PRIMARY KEY (branch_id, ancestor_id)
      )`);
    // For each branch x of `source`: itself and each of its ancestors, with the child on the way down.
    const ancestorsOf = (source: string) => `
      INSERT INTO branch_report_ancestors (branch_id, ancestor_id, child_id, top)
      SELECT x.id, a.id, c.id, (nlevel(a.path) = 1 AND a.id <> x.id)
        FROM ${source} x
        JOIN branches a ON a.path @> x.path
        JOIN branches c ON c.path = subpath(x.path, 0, LEAST(nlevel(x.path), nlevel(a.path) + 1))`;
    await q.query(`
      CREATE FUNCTION branch_report_ancestors_fill() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${ancestorsOf('(SELECT NEW.id AS id, NEW.path AS path)')};
        RETURN NULL;
      END $$`);
    // AFTER, so the new branch itself (its own child_id) is visible to the join.
    await q.query(`CREATE TRIGGER branch_report_ancestors_fill AFTER INSERT ON branches FOR EACH ROW EXECUTE FUNCTION branch_report_ancestors_fill()`);
    await q.query(ancestorsOf('branches'));

    await q.query(`
      CREATE TABLE appeal_stats_tree (
        ancestor_id uuid    NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
        kind        char(1) NOT NULL,
        period      date    NOT NULL,
        key_id      uuid,
        ${CUBE_COUNTERS.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(',\n        ')},
        CONSTRAINT appeal_stats_tree_kind_ck CHECK (kind IN ('b','d','c','a')),
        CONSTRAINT appeal_stats_tree_period_ck CHECK (kind = 'd' OR extract(day FROM period) = 1)
      )`);
    // key_id is null for appeals not routed to an agency: NULLS NOT DISTINCT keeps one row per key.
    await q.query(`CREATE UNIQUE INDEX appeal_stats_tree_key_uq ON appeal_stats_tree (ancestor_id, kind, period, key_id) NULLS NOT DISTINCT`);
    // Counters are not indexed: room on each page lets an increment be a HOT update (no index write),
    // which is most of what a cube row costs an intake.
    for (const cube of ['appeal_stats_tree', 'appeal_stats_branch', 'appeal_stats']) await q.query(`ALTER TABLE ${cube} SET (fillfactor = 70)`);
    await q.query(treeBackfillSql());
    await q.query(cubeTriggerFunctionSql({ tree: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(cubeTriggerFunctionSql({ tree: false }));
    for (const cube of ['appeal_stats_branch', 'appeal_stats']) await q.query(`ALTER TABLE ${cube} RESET (fillfactor)`);
    await q.query(`DROP TABLE IF EXISTS appeal_stats_tree`);
    await q.query(`DROP TRIGGER IF EXISTS branch_report_ancestors_fill ON branches`);
    await q.query(`DROP FUNCTION IF EXISTS branch_report_ancestors_fill()`);
    await q.query(`DROP TABLE IF EXISTS branch_report_ancestors`);
  }
}
