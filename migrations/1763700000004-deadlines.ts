import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statutory deadlines as data and their follow-up in the worker.
 *
 * - `deadline_policies`: the terms per appeal type (APPK defaults: 15 working days to decide,
 *   3 to forward), the reminder lead time and the escalation steps; edited by an administrator.
 * - Each appeal keeps how its due date was computed: the start day, the term in working days,
 *   the working days its clock was stopped, and whether a controller extended it by hand.
 * - `staff_notifications`: the reminders, overdue notices and escalations the deadline jobs
 *   produce, one per job key: the unique key is what makes a job that runs twice act once.
 * - `deadline_schedules`: which deadline job ids were last put in Redis for a case, so a
 *   reschedule removes exactly the jobs it replaces.
 */
export class Deadlines1763700000004 implements MigrationInterface {
  name = 'Deadlines1763700000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deadline_policies (
        appeal_type            varchar(16) PRIMARY KEY,
        decision_workdays      smallint    NOT NULL,
        forwarding_workdays    smallint    NOT NULL,
        reminder_lead_workdays smallint    NOT NULL,
        escalation_workdays    smallint[]  NOT NULL,
        restart_on_transfer    boolean     NOT NULL DEFAULT false,
        updated_at             timestamptz NOT NULL DEFAULT now(),
        updated_by             uuid REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT deadline_policies_type_ck CHECK (appeal_type IN ('statement','complaint','proposal','request','response','report')),
        CONSTRAINT deadline_policies_decision_ck CHECK (decision_workdays BETWEEN 1 AND 60),
        CONSTRAINT deadline_policies_forwarding_ck CHECK (forwarding_workdays BETWEEN 1 AND 30),
        CONSTRAINT deadline_policies_reminder_ck CHECK (reminder_lead_workdays BETWEEN 0 AND 30),
        CONSTRAINT deadline_policies_escalation_ck CHECK (cardinality(escalation_workdays) <= 5 AND 0 < ALL (escalation_workdays))
      )`);
    await q.query(`
      INSERT INTO deadline_policies (appeal_type, decision_workdays, forwarding_workdays, reminder_lead_workdays, escalation_workdays)
      SELECT t, 15, 3, 2, '{3,10}' FROM unnest(ARRAY['statement','complaint','proposal','request','response','report']) AS t`);

    await q.query(`
      ALTER TABLE appeals
        ADD COLUMN deadline_start          date,
        ADD COLUMN deadline_term_workdays  smallint,
        ADD COLUMN paused_workdays         integer NOT NULL DEFAULT 0,
        ADD COLUMN due_date_extended       boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE appeals SET deadline_start = received_on, deadline_term_workdays = 15`);
    await q.query(`
      ALTER TABLE appeals
        ALTER COLUMN deadline_start SET NOT NULL,
        ALTER COLUMN deadline_term_workdays SET NOT NULL,
        ADD CONSTRAINT appeals_paused_workdays_ck CHECK (paused_workdays >= 0)`);
    // Writers other than intake (historical imports, seeds) may leave the basis out: day 0 is then
    // the day of receipt and the term the type's policy.
    await q.query(`
      CREATE FUNCTION appeals_deadline_basis_defaults() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.deadline_start := coalesce(NEW.deadline_start, NEW.received_on);
        IF NEW.deadline_term_workdays IS NULL THEN
          SELECT decision_workdays INTO NEW.deadline_term_workdays FROM deadline_policies WHERE appeal_type = NEW.type;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER appeals_deadline_basis_defaults BEFORE INSERT ON appeals
      FOR EACH ROW WHEN (NEW.deadline_start IS NULL OR NEW.deadline_term_workdays IS NULL)
      EXECUTE FUNCTION appeals_deadline_basis_defaults()`);
    // The reconciliation's keyset walk over the cases whose clock runs.
    await q.query(`CREATE INDEX appeals_clock_running_idx ON appeals (id) WHERE status IN ('registered','routed','in_progress')`);

    await q.query(`
      CREATE TABLE staff_notifications (
        id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        effect_key varchar(200) NOT NULL,
        kind       varchar(24)  NOT NULL,
        appeal_id  uuid NOT NULL REFERENCES appeals(id) ON DELETE CASCADE,
        branch_id  uuid REFERENCES branches(id) ON DELETE CASCADE,
        agency_id  uuid REFERENCES agencies(id) ON DELETE CASCADE,
        data       jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at    timestamptz,
        read_by    uuid REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT staff_notifications_effect_uq UNIQUE (effect_key),
        CONSTRAINT staff_notifications_kind_ck CHECK (kind IN ('reminder','overdue','escalation','forwarding_overdue')),
        CONSTRAINT staff_notifications_recipient_ck CHECK (branch_id IS NOT NULL OR agency_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX staff_notifications_appeal_idx ON staff_notifications (appeal_id)`);
    await q.query(`CREATE INDEX staff_notifications_branch_idx ON staff_notifications (branch_id, created_at DESC) WHERE branch_id IS NOT NULL`);
    await q.query(`CREATE INDEX staff_notifications_agency_idx ON staff_notifications (agency_id, created_at DESC) WHERE agency_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE deadline_schedules (
        appeal_id uuid PRIMARY KEY REFERENCES appeals(id) ON DELETE CASCADE,
        job_ids   text[] NOT NULL,
        synced_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS deadline_schedules`);
    await q.query(`DROP TABLE IF EXISTS staff_notifications`);
    await q.query(`DROP INDEX IF EXISTS appeals_clock_running_idx`);
    await q.query(`DROP TRIGGER IF EXISTS appeals_deadline_basis_defaults ON appeals`);
    await q.query(`DROP FUNCTION IF EXISTS appeals_deadline_basis_defaults()`);
    await q.query(`
      ALTER TABLE appeals
        DROP CONSTRAINT IF EXISTS appeals_paused_workdays_ck,
        DROP COLUMN IF EXISTS due_date_extended,
        DROP COLUMN IF EXISTS paused_workdays,
        DROP COLUMN IF EXISTS deadline_term_workdays,
        DROP COLUMN IF EXISTS deadline_start`);
    await q.query(`DROP TABLE IF EXISTS deadline_policies`);
  }
}
