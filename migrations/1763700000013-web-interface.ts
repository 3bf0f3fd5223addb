import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the web interface needs from the database (API.md v1.1 "Portal" and "Finding cases").
 *
 * - `appeal_feedback`: the citizen's satisfaction with the answer, one per appeal. A row trigger
 *   mirrors it into `appeals.feedback_satisfied` (null = no feedback), so the report cubes'
 *   statement-level triggers on `appeals` (migration 1763700000005) count it like every other
 *   figure: exact whatever writes the feedback or moves the appeal to another cube key. The cube
 *   function is recreated here with the two new counters `feedback_received` and `satisfied`.
 * - `staff_notification_reads`: who read which staff notice. A notice is addressed to a branch or
 *   an agency, i.e. to every user there; one user marking it read must not mark it for the others.
 *   Two new notice kinds: `routed` (a case was sent to the agency) and `clarification_received`
 *   (the citizen answered the agency's clarification request on the portal).
 * - Finding cases: a 'simple' full-text vector (a stored generated column, GIN-indexed) over the
 *   applicant's name, the subject and the text (no stemming, so Kazakh and Russian words alike are
 *   matched by prefix), exact-match indexes
 *   for the registration number (case-insensitive) and the applicant's phone, and keyset-friendly
 *   indexes for the list's sorts (received_at and due_date, with id as the tie-breaker).
 * - `personal_data_reads` also records reads of reception visitors and callers, which are personal
 *   data without an appeal.
 */
export class WebInterface1763700000013 implements MigrationInterface {
  name = 'WebInterface1763700000013';

  async up(q: QueryRunner): Promise<void> {
    // --- feedback --------------------------------------------------------------------------
    await q.query(`ALTER TABLE appeals ADD COLUMN feedback_satisfied boolean`);
    await q.query(`
      CREATE TABLE appeal_feedback (
        appeal_id  uuid PRIMARY KEY REFERENCES appeals(id) ON DELETE CASCADE,
        satisfied  boolean     NOT NULL,
        comment    text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT appeal_feedback_comment_len_ck CHECK (comment IS NULL OR char_length(comment) BETWEEN 1 AND 2000)
      )`);
    await q.query(`
      CREATE FUNCTION appeal_feedback_mirror() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE appeals SET feedback_satisfied = NULL WHERE id = OLD.appeal_id AND feedback_satisfied IS NOT NULL;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          UPDATE appeals SET feedback_satisfied = NEW.satisfied WHERE id = NEW.appeal_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER appeal_feedback_mirror AFTER INSERT OR UPDATE OR DELETE ON appeal_feedback
      FOR EACH ROW EXECUTE FUNCTION appeal_feedback_mirror()`);

    for (const cube of ['appeal_stats', 'appeal_stats_branch']) {
      await q.query(`ALTER TABLE ${cube} ADD COLUMN feedback_received integer NOT NULL DEFAULT 0, ADD COLUMN satisfied integer NOT NULL DEFAULT 0`);
    }
    await q.query(cubeFunction(ALL_COUNTERS));

    // --- staff notices: new kinds, read per user ----------------------------------------------
    await q.query(`ALTER TABLE staff_notifications DROP CONSTRAINT staff_notifications_kind_ck`);
    await q.query(`
      ALTER TABLE staff_notifications ADD CONSTRAINT staff_notifications_kind_ck
        CHECK (kind IN ('reminder','overdue','escalation','forwarding_overdue','routed','clarification_received'))`);
    await q.query(`
      CREATE TABLE staff_notification_reads (
        notification_id bigint      NOT NULL REFERENCES staff_notifications(id) ON DELETE CASCADE,
        user_id         uuid        NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        read_at         timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, notification_id)
      )`);
    // The one reader recorded so far keeps their read mark; nobody else inherits it any more.
    await q.query(`
      INSERT INTO staff_notification_reads (notification_id, user_id, read_at)
      SELECT id, read_by, read_at FROM staff_notifications WHERE read_by IS NOT NULL AND read_at IS NOT NULL`);

    // --- finding cases ------------------------------------------------------------------------
    // IMMUTABLE (to_tsvector with an explicit config is), so it can define a generated column.
    // The column is stored rather than an expression index: a search that walks the sorted index
    // and filters (a whole country's cases) then reads the vector instead of recomputing it per row
    // (docs/search.md: 1.1 s → 80 ms at 1,000,000 cases).
    await q.query(`
      CREATE FUNCTION appeal_search_document(applicant jsonb, subject text, body text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT to_tsvector('simple'::regconfig,
          coalesce(applicant->>'fullName', '') || ' ' || subject || ' ' || body)
      $$`);
    await q.query(`ALTER TABLE appeals ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (appeal_search_document(applicant, subject, text)) STORED`);
    await q.query(`CREATE INDEX appeals_search_idx ON appeals USING gin (search_tsv)`);
    await q.query(`CREATE INDEX appeals_number_upper_idx ON appeals (upper(number))`);
    await q.query(`CREATE INDEX appeals_applicant_phone_idx ON appeals ((applicant->>'phone')) WHERE applicant->>'phone' IS NOT NULL`);
    // Sorted pages: an index per sort with the id tie-breaker, so a page is a walk down the index.
    await q.query(`DROP INDEX IF EXISTS appeals_received_idx`);
    await q.query(`CREATE INDEX appeals_received_id_idx ON appeals (received_at DESC, id DESC)`);
    await q.query(`CREATE INDEX appeals_due_id_idx ON appeals (due_date, id)`);
    await q.query(`CREATE INDEX appeals_branch_due_idx ON appeals (branch_id, due_date)`);
    await q.query(`CREATE INDEX appeals_agency_received_idx ON appeals (agency_id, received_at DESC) WHERE agency_id IS NOT NULL`);

    // --- calls and visits ---------------------------------------------------------------------
    await q.query(`CREATE INDEX calls_branch_started_idx ON calls (branch_id, started_at DESC)`);
    await q.query(`CREATE INDEX appeals_call_idx ON appeals (call_id) WHERE call_id IS NOT NULL`);
    await q.query(`ALTER TABLE personal_data_reads ALTER COLUMN appeal_id DROP NOT NULL`);
    await q.query(`
      ALTER TABLE personal_data_reads
        ADD COLUMN visit_id uuid REFERENCES reception_visits(id) ON DELETE CASCADE,
        ADD COLUMN call_id  uuid REFERENCES calls(id) ON DELETE CASCADE,
        ADD CONSTRAINT personal_data_reads_subject_ck CHECK (num_nonnulls(appeal_id, visit_id, call_id) = 1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM personal_data_reads WHERE appeal_id IS NULL`);
    await q.query(`ALTER TABLE personal_data_reads DROP CONSTRAINT IF EXISTS personal_data_reads_subject_ck, DROP COLUMN IF EXISTS visit_id, DROP COLUMN IF EXISTS call_id`);
    await q.query(`ALTER TABLE personal_data_reads ALTER COLUMN appeal_id SET NOT NULL`);
    await q.query(`DROP INDEX IF EXISTS appeals_call_idx`);
    await q.query(`DROP INDEX IF EXISTS calls_branch_started_idx`);

    for (const index of ['appeals_agency_received_idx', 'appeals_branch_due_idx', 'appeals_due_id_idx', 'appeals_received_id_idx',
      'appeals_applicant_phone_idx', 'appeals_number_upper_idx', 'appeals_search_idx']) {
      await q.query(`DROP INDEX IF EXISTS ${index}`);
    }
    await q.query(`CREATE INDEX appeals_received_idx ON appeals (received_at DESC)`);
    await q.query(`ALTER TABLE appeals DROP COLUMN IF EXISTS search_tsv`);
    await q.query(`DROP FUNCTION IF EXISTS appeal_search_document(jsonb, text, text)`);

    await q.query(`DROP TABLE IF EXISTS staff_notification_reads`);
    await q.query(`DELETE FROM staff_notifications WHERE kind IN ('routed','clarification_received')`);
    await q.query(`ALTER TABLE staff_notifications DROP CONSTRAINT staff_notifications_kind_ck`);
    await q.query(`ALTER TABLE staff_notifications ADD CONSTRAINT staff_notifications_kind_ck CHECK (kind IN ('reminder','overdue','escalation','forwarding_overdue'))`);

    await q.query(cubeFunction(ALL_COUNTERS.filter((c) => c !== 'feedback_received' && c !== 'satisfied')));
    for (const cube of ['appeal_stats', 'appeal_stats_branch']) {
      await q.query(`ALTER TABLE ${cube} DROP COLUMN IF EXISTS feedback_received, DROP COLUMN IF EXISTS satisfied`);
    }
    await q.query(`DROP TABLE IF EXISTS appeal_feedback`);
    await q.query(`DROP FUNCTION IF EXISTS appeal_feedback_mirror()`);
    await q.query(`ALTER TABLE appeals DROP COLUMN IF EXISTS feedback_satisfied`);
  }
}

/** One appeal's contribution to each counter (as in src/reports/report-counters.ts, frozen here). */
const CONTRIBUTION: Record<string, string> = {
  received: '1',
  positive: `coalesce(r.outcome = 'positive', false)::int`,
  explained: `coalesce(r.outcome = 'explained', false)::int`,
  rejected: `coalesce(r.outcome = 'rejected', false)::int`,
  without_consideration: `coalesce(r.outcome = 'without_consideration', false)::int`,
  withdrawn: `(r.status = 'withdrawn')::int`,
  pending: `(r.status IN ('registered','routed','in_progress','paused'))::int`,
  overdue: `(r.deadline_state = 'overdue')::int`,
  answered_on_time: `(r.deadline_state = 'met')::int`,
  feedback_received: `(r.feedback_satisfied IS NOT NULL)::int`,
  satisfied: `coalesce(r.feedback_satisfied, false)::int`,
};
const ALL_COUNTERS = Object.keys(CONTRIBUTION);

/**
 * The cubes' trigger function of migration 1763700000005 over the given counters: signed deltas
 * from the transition tables, upserted into both cubes in index order, groups of zeros skipped.
 */
function cubeFunction(counters: string[]): string {
  const delta = (table: string, sign: number) => `
      SELECT date_trunc('month', r.received_on)::date AS month, r.branch_id, r.channel, r.type, r.category_id, r.agency_id,
             ${counters.map((c) => `${sign} * ${CONTRIBUTION[c]} AS ${c}`).join(', ')}
        FROM ${table} r`;
  const sums = counters.map((c) => `sum(${c}) AS ${c}`).join(', ');
  const nonZero = `HAVING (${counters.map((c) => `sum(${c}) <> 0`).join(' OR ')})`;
  const addUp = (t: string) => counters.map((c) => `${c} = ${t}.${c} + EXCLUDED.${c}`).join(', ');
  const cols = counters.join(', ');
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
  return `
      CREATE OR REPLACE FUNCTION appeal_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${apply(delta('new_rows', 1))};
        ELSIF TG_OP = 'DELETE' THEN
          ${apply(delta('old_rows', -1))};
        ELSE
          ${apply(`${delta('new_rows', 1)} UNION ALL ${delta('old_rows', -1)}`)};
        END IF;
        RETURN NULL;
      END $$`;
}
