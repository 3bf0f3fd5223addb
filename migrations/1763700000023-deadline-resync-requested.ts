import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A calendar change asks for a resync of the cases whose plan moved and marks their schedule, so
 * its second pass a minute later leaves alone the cases whose resync is still on its way
 * (due-date-recompute.ts); the sync clears the mark.
 */
export class DeadlineResyncRequested1763700000023 implements MigrationInterface {
  name = 'DeadlineResyncRequested1763700000023';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deadline_schedules ADD COLUMN resync_requested boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deadline_schedules DROP COLUMN resync_requested`);
  }
}
