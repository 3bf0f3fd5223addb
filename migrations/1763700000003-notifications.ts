import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Citizen notifications, one row per outbox message and channel: the unique key is what makes
 * a retried or duplicated job deliver at most once. The database SMS transport "sends" by
 * writing the row as sent.
 */
export class Notifications1763700000003 implements MigrationInterface {
  name = 'Notifications1763700000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        outbox_id  bigint      NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
        appeal_id  uuid        NOT NULL REFERENCES appeals(id) ON DELETE CASCADE,
        channel    varchar(8)  NOT NULL,
        kind       varchar(24) NOT NULL,
        recipient  varchar(254) NOT NULL,
        language   varchar(2)  NOT NULL,
        body       text        NOT NULL,
        status     varchar(8)  NOT NULL DEFAULT 'pending',
        attempts   integer     NOT NULL DEFAULT 0,
        last_error varchar(500),
        sent_at    timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notifications_channel_ck CHECK (channel IN ('sms','email')),
        CONSTRAINT notifications_status_ck CHECK (status IN ('pending','sent','failed')),
        CONSTRAINT notifications_once_uq UNIQUE (outbox_id, channel)
      )`);
    await q.query(`CREATE INDEX notifications_appeal_idx ON notifications (appeal_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
  }
}
