import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The citizen notices of one appeal, in order: the dispatcher delivers the earlier notices of
 * an appeal still undelivered before a later one (notification-dispatcher.ts), and finds them
 * here instead of scanning the outbox. Partial: deadline, calendar and import rows stay out.
 */
export class OutboxNoticesByAppeal1763700000012 implements MigrationInterface {
  name = 'OutboxNoticesByAppeal1763700000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX outbox_notices_by_appeal_idx ON outbox (appeal_id, id) WHERE topic = 'notification'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_notices_by_appeal_idx`);
  }
}
