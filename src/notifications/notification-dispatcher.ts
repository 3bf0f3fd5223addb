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

  /** The agency is named in the appeal's language (its `names`), Russian when it has none in that language. */
  async deliver(outboxId: number): Promise<void> {
    const [facts]: OutboxFacts[] = await this.ds.query(
      `SELECT o.payload, a.id AS "appealId", a.number, a.tracking_code AS "trackingCode", a.due_date AS "dueDate",
              a.language, a.applicant, coalesce(g.names ->> a.language, g.name) AS "agencyName"
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

  /**
   * One channel of one outbox row, at most once. The row is claimed by inserting it, or, when it
   * exists (a retry, another worker), by locking it; the message goes out and the row is marked
   * sent before the lock is let go. A failed send rolls the claim back and is recorded after.
   */
  private async once(
    outboxId: number,
    facts: OutboxFacts,
    kind: NotificationKind,
    channel: 'sms' | 'email',
    recipient: string,
    body: string,
    send: () => Promise<void>,
  ): Promise<void> {
    let sendError: string | null = null;
    try {
      await this.ds.transaction(async (m: EntityManager) => {
        const [created]: { id: string }[] = await m.query(
          `INSERT INTO notifications (outbox_id, appeal_id, channel, kind, recipient, language, body)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (outbox_id, channel) DO NOTHING RETURNING id`,
          [outboxId, facts.appealId, channel, kind, recipient, facts.language, body],
        );
        const row: { id: string; status?: string } =
          created ?? (await m.query(`SELECT id, status FROM notifications WHERE outbox_id = $1 AND channel = $2 FOR UPDATE`, [outboxId, channel]))[0];
        if (row.status === 'sent') return;
        try {
          await send();
        } catch (err) {
          // Not `instanceof Error`: a transport's errors may come from another realm (a vm context).
          const message = (err as { message?: unknown } | null)?.message;
          sendError = typeof message === 'string' && message ? message.slice(0, 500) : 'send failed';
          throw err;
        }
        await m.query(`UPDATE notifications SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = $1`, [row.id]);
      });
    } catch (err) {
      if (sendError !== null) {
        await this.ds.query(
          `INSERT INTO notifications (outbox_id, appeal_id, channel, kind, recipient, language, body, attempts, last_error)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8)
           ON CONFLICT (outbox_id, channel) DO UPDATE SET attempts = notifications.attempts + 1, last_error = EXCLUDED.last_error`,
          [outboxId, facts.appealId, channel, kind, recipient, facts.language, body, sendError],
        );
        this.logger.warn(`notification of outbox row ${outboxId} (${channel}) failed: ${sendError}`);
      }
      throw err;
    }
  }
}
