import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Applicant } from '../appeals/appeal.entity';
import { Language } from '../appeals/appeal.enums';
import { NOTIFICATION_KINDS, NotificationKind, notificationText } from './notification-text';
import { DatabaseSmsTransport, EmailTransport } from './transports';

interface OutboxFacts {
  payload: { kind?: string; agencyId?: string; reason?: string; dueDate?: string };
  appealId: string;
  number: string;
  trackingCode: string;
  dueDate: string;
  language: Language;
  applicant: Applicant | null;
  agencyName: string | null;
}

/**
 * Delivers the citizen notification an outbox row asks for, on every channel the citizen left
 * (SMS to the phone, e-mail). Each (outbox row, channel) is claimed with a row lock and marked
 * sent in the same transaction, so a job run twice or by two workers sends once.
 */
@Injectable()
export class NotificationDispatcher {
  private readonly logger = new Logger(NotificationDispatcher.name);

  constructor(
    private readonly ds: DataSource,
    private readonly sms: DatabaseSmsTransport,
    private readonly email: EmailTransport,
  ) {}

  async deliver(outboxId: number): Promise<void> {
    const [facts]: OutboxFacts[] = await this.ds.query(
      `SELECT o.payload, a.id AS "appealId", a.number, a.tracking_code AS "trackingCode", a.due_date AS "dueDate",
              a.language, a.applicant, g.name AS "agencyName"
         FROM outbox o
         JOIN appeals a ON a.id = o.appeal_id
         LEFT JOIN agencies g ON g.id = coalesce((o.payload->>'agencyId')::uuid, a.agency_id)
        WHERE o.id = $1`,
      [outboxId],
    );
    const kind = facts?.payload.kind as NotificationKind | undefined;
    if (!facts || !kind || !NOTIFICATION_KINDS.includes(kind)) return;
    const body = notificationText(kind, facts.language, {
      number: facts.number,
      trackingCode: facts.trackingCode,
      dueDate: facts.payload.dueDate ?? facts.dueDate,
      agencyName: facts.agencyName,
      reason: facts.payload.reason,
    });
    const subject = facts.language === 'kk' ? `Өтініш № ${facts.number}` : `Обращение № ${facts.number}`;

    if (facts.applicant?.phone) {
      await this.once(outboxId, facts, kind, 'sms', facts.applicant.phone, body, () => this.sms.send({ recipient: facts.applicant!.phone!, subject, body }));
    }
    if (facts.applicant?.email && this.email.enabled) {
      await this.once(outboxId, facts, kind, 'email', facts.applicant.email, body, () => this.email.send({ recipient: facts.applicant!.email!, subject, body }));
    }
  }

  private async once(
    outboxId: number,
    facts: OutboxFacts,
    kind: NotificationKind,
    channel: 'sms' | 'email',
    recipient: string,
    body: string,
    send: () => Promise<void>,
  ): Promise<void> {
    await this.ds.query(
      `INSERT INTO notifications (outbox_id, appeal_id, channel, kind, recipient, language, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (outbox_id, channel) DO NOTHING`,
      [outboxId, facts.appealId, channel, kind, recipient, facts.language, body],
    );
    await this.ds.transaction(async (m: EntityManager) => {
      const [row] = await m.query(`SELECT id, status FROM notifications WHERE outbox_id = $1 AND channel = $2 FOR UPDATE`, [outboxId, channel]);
      if (row.status === 'sent') return;
      try {
        await send();
      } catch (err) {
        const message = err instanceof Error ? err.message.slice(0, 500) : 'send failed';
        await this.ds.query(`UPDATE notifications SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, message]);
        this.logger.warn(`notification ${row.id} (${channel}) failed: ${message}`);
        throw err;
      }
      await m.query(`UPDATE notifications SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = $1`, [row.id]);
    });
  }
}
