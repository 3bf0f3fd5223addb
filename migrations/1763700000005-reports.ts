import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports: pre-aggregated counters of appeals kept exact by statement-level triggers on `appeals`,
 * and the historical import (its jobs and the external key that makes a re-run import nothing twice).
 *
 * Two cubes, both by month received (`received_on`, already a date in APP_TIMEZONE):
 * - `appeal_stats`        branch × month × channel × type × category × agency — any filter or grouping;
 * - `appeal_stats_branch` branch × month × channel × type — the common reports (by branch, channel
 *   or in total, filtered by channel or type), some 20–50 times smaller.
 * Each row carries the counters of API.md "Reports" (decided = the sum of the four outcomes).
 *
 * The triggers run in the writer's transaction (intake, lifecycle, the deadline worker, imports,
 * raw SQL alike) and read the statement's transition tables, so a bulk INSERT … SELECT is
 * aggregated set-based and a single-row change touches one or two rows per cube. On UPDATE the old
 * row is subtracted and the new one added; groups whose deltas are all zero (a change to a column
 * that is not counted) write nothing.
 */
export class Reports1763700000005 implements MigrationInterface {
  name = 'Reports1763700000005';

  async up(q: QueryRunner): Promise<void> {
    const counters = `
        received               integer NOT NULL DEFAULT 0,
        positive               integer NOT NULL DEFAULT 0,
        explained              integer NOT NULL DEFAULT 0,
        rejected               integer NOT NULL DEFAULT 0,
        without_consideration  integer NOT NULL DEFAULT 0,
        withdrawn              integer NOT NULL DEFAULT 0,
        pending                integer NOT NULL DEFAULT 0,
        overdue                integer NOT NULL DEFAULT 0,
        answered_on_time       integer NOT NULL DEFAULT 0`;
    await q.query(`
      CREATE TABLE appeal_stats (
        month        date        NOT NULL,
        branch_id    uuid        NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
        channel      varchar(16) NOT NULL,
        type         varchar(16) NOT NULL,
        category_id  uuid        NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
        agency_id    uuid        REFERENCES agencies(id) ON DELETE CASCADE,
        ${counters},
        CONSTRAINT appeal_stats_month_ck CHECK (extract(day FROM month) = 1)
      )`);
    // agency_id may be null (not routed yet): NULLS NOT DISTINCT keeps one row per key.
    await q.query(`
      CREATE UNIQUE INDEX appeal_stats_key_uq ON appeal_stats (month, branch_id, channel, type, category_id, agency_id) NULLS NOT DISTINCT`);
    await q.query(`
      CREATE TABLE appeal_stats_branch (
        month      date        NOT NULL,
        branch_id  uuid        NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
        channel    varchar(16) NOT NULL,
        type       varchar(16) NOT NULL,
        ${counters},
        CONSTRAINT appeal_stats_branch_pk PRIMARY KEY (month, branch_id, channel, type),
        CONSTRAINT appeal_stats_branch_month_ck CHECK (extract(day FROM month) = 1)
      )`);

    // One appeal's contribution, signed: +1 for a new row image, -1 for an old one.
    const delta = (table: string, sign: number) => `
      SELECT date_trunc('month', r.received_on)::date AS month, r.branch_id, r.channel, r.type, r.category_id, r.agency_id,
             ${sign} AS received,
             ${sign} * coalesce(r.outcome = 'positive', false)::int AS positive,
             ${sign} * coalesce(r.outcome = 'explained', false)::int AS explained,
             ${sign} * coalesce(r.outcome = 'rejected', false)::int AS rejected,
             ${sign} * coalesce(r.outcome = 'without_consideration', false)::int AS without_consideration,
             ${sign} * (r.status = 'withdrawn')::int AS withdrawn,
             ${sign} * (r.status IN ('registered','routed','in_progress','paused'))::int AS pending,
             ${sign} * (r.deadline_state = 'overdue')::int AS overdue,
             ${sign} * (r.deadline_state = 'met')::int AS answered_on_time
        FROM ${table} r`;
    const sums = `sum(received) AS received, sum(positive) AS positive, sum(explained) AS explained, sum(rejected) AS rejected,
             sum(without_consideration) AS without_consideration, sum(withdrawn) AS withdrawn, sum(pending) AS pending,
             sum(overdue) AS overdue, sum(answered_on_time) AS answered_on_time`;
    const nonZero = `HAVING (sum(received) <> 0 OR sum(positive) <> 0 OR sum(explained) <> 0 OR sum(rejected) <> 0
             OR sum(without_consideration) <> 0 OR sum(withdrawn) <> 0 OR sum(pending) <> 0 OR sum(overdue) <> 0 OR sum(answered_on_time) <> 0)`;
    const addUp = (table: string) => `
             received = ${table}.received + EXCLUDED.received, positive = ${table}.positive + EXCLUDED.positive,
             explained = ${table}.explained + EXCLUDED.explained, rejected = ${table}.rejected + EXCLUDED.rejected,
             without_consideration = ${table}.without_consideration + EXCLUDED.without_consideration,
             withdrawn = ${table}.withdrawn + EXCLUDED.withdrawn, pending = ${table}.pending + EXCLUDED.pending,
             overdue = ${table}.overdue + EXCLUDED.overdue, answered_on_time = ${table}.answered_on_time + EXCLUDED.answered_on_time`;
    const cols = `received, positive, explained, rejected, without_consideration, withdrawn, pending, overdue, answered_on_time`;
    // Both cubes in one statement; keys are written in index order so concurrent writers lock alike.
    const apply = (deltas: string) => `
      WITH d AS (${deltas}),
      full_cube AS (
        INSERT INTO appeal_stats AS s (month, branch_id, channel, type, category_id, agency_id, ${cols})
        SELECT month, branch_id, channel, type, category_id, agency_id, ${sums}
          FROM d GROUP BY month, branch_id, channel, type, category_id, agency_id ${nonZero}
         ORDER BY month, branch_id, channel, type, category_id, agency_id
        ON CONFLICT (month, branch_id, channel, type, category_id, agency_id) DO UPDATE SET ${addUp('s')}
        RETURNING 1)
      INSERT INTO appeal_stats_branch AS s (month, branch_id, channel, type, ${cols})
      SELECT month, branch_id, channel, type, ${sums}
        FROM d GROUP BY month, branch_id, channel, type ${nonZero}
       ORDER BY month, branch_id, channel, type
      ON CONFLICT (month, branch_id, channel, type) DO UPDATE SET ${addUp('s')}`;
    await q.query(`
      CREATE FUNCTION appeal_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${apply(delta('new_rows', 1))};
        ELSIF TG_OP = 'DELETE' THEN
          ${apply(delta('old_rows', -1))};
        ELSE
          ${apply(`${delta('new_rows', 1)} UNION ALL ${delta('old_rows', -1)}`)};
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER appeal_stats_on_insert AFTER INSERT ON appeals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION appeal_stats_apply()`);
    await q.query(`CREATE TRIGGER appeal_stats_on_update AFTER UPDATE ON appeals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION appeal_stats_apply()`);
    await q.query(`CREATE TRIGGER appeal_stats_on_delete AFTER DELETE ON appeals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION appeal_stats_apply()`);
    // Appeals already in the table when the migration runs.
    await q.query(apply(delta('appeals', 1)));

    // Partial months at the edges of a window are counted from the appeals themselves.
    await q.query(`CREATE INDEX appeals_received_on_idx ON appeals (received_on, branch_id)`);

    // Historical import: a stable key per imported line (unique), and the import jobs.
    await q.query(`ALTER TABLE appeals ADD COLUMN external_id varchar(64)`);
    await q.query(`CREATE UNIQUE INDEX appeals_external_id_uq ON appeals (external_id) WHERE external_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE appeal_imports (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status      varchar(16) NOT NULL DEFAULT 'queued',
        csv         text        NOT NULL,
        total       integer     NOT NULL DEFAULT 0,
        processed   integer     NOT NULL DEFAULT 0,
        imported    integer     NOT NULL DEFAULT 0,
        skipped     integer     NOT NULL DEFAULT 0,
        failed      integer     NOT NULL DEFAULT 0,
        errors      jsonb       NOT NULL DEFAULT '[]'::jsonb,
        created_by  uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        started_at  timestamptz,
        finished_at timestamptz,
        CONSTRAINT appeal_imports_status_ck CHECK (status IN ('queued','running','done','failed')),
        CONSTRAINT appeal_imports_counts_ck CHECK (processed <= total AND imported + skipped + failed = processed)
      )`);
    await q.query(`CREATE INDEX appeal_imports_status_idx ON appeal_imports (status) WHERE status IN ('queued','running')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS appeal_imports`);
    await q.query(`DROP INDEX IF EXISTS appeals_external_id_uq`);
    await q.query(`ALTER TABLE appeals DROP COLUMN IF EXISTS external_id`);
    await q.query(`DROP INDEX IF EXISTS appeals_received_on_idx`);
    await q.query(`DROP TRIGGER IF EXISTS appeal_stats_on_delete ON appeals`);
    await q.query(`DROP TRIGGER IF EXISTS appeal_stats_on_update ON appeals`);
    await q.query(`DROP TRIGGER IF EXISTS appeal_stats_on_insert ON appeals`);
    await q.query(`DROP FUNCTION IF EXISTS appeal_stats_apply()`);
    await q.query(`DROP TABLE IF EXISTS appeal_stats_branch`);
    await q.query(`DROP TABLE IF EXISTS appeal_stats`);
  }
}
