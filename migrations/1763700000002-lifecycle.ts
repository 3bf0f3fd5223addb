import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case lifecycle: when the clock was stopped, why a refusal was given, and the checks that
 * keep each status's fields consistent whatever writes the row.
 */
export class Lifecycle1763700000002 implements MigrationInterface {
  name = 'Lifecycle1763700000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE appeals ADD COLUMN paused_at timestamptz, ADD COLUMN answer_reason text`);
    await q.query(`
      ALTER TABLE appeals
        ADD CONSTRAINT appeals_paused_at_ck CHECK ((status = 'paused') = (paused_at IS NOT NULL)),
        ADD CONSTRAINT appeals_closed_at_ck CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
        ADD CONSTRAINT appeals_answered_ck CHECK (
          status NOT IN ('answered','closed') OR (outcome IS NOT NULL AND answered_at IS NOT NULL AND answer_text IS NOT NULL)),
        ADD CONSTRAINT appeals_answer_text_len_ck CHECK (answer_text IS NULL OR char_length(answer_text) BETWEEN 1 AND 10000),
        ADD CONSTRAINT appeals_answer_reason_ck CHECK (outcome IS NULL OR outcome NOT IN ('rejected','without_consideration') OR answer_reason IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE appeals
        DROP CONSTRAINT IF EXISTS appeals_answer_reason_ck,
        DROP CONSTRAINT IF EXISTS appeals_answer_text_len_ck,
        DROP CONSTRAINT IF EXISTS appeals_answered_ck,
        DROP CONSTRAINT IF EXISTS appeals_closed_at_ck,
        DROP CONSTRAINT IF EXISTS appeals_paused_at_ck`);
    await q.query(`ALTER TABLE appeals DROP COLUMN IF EXISTS answer_reason, DROP COLUMN IF EXISTS paused_at`);
  }
}
