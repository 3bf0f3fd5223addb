import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Applicant } from '../appeals/appeal.entity';
import { Language } from '../appeals/appeal.enums';
import { NOTIFICATION_KINDS, NotificationKind, notificationText } from './notification-text';
import { OUTBOX_TOPICS } from '../outbox/outbox-topics';
import { DatabaseSmsTransport, EmailTransport, OutgoingMessage } from './transports';

interface OutboxFacts {
  outboxId: number;
  payload: { kind?: string; agencyId?: string; reason?: string; dueDate?: string };
  /** The channels this notice has already gone out on. */
  sent: Channel[];
  appealId: string;
  number: string;
  trackingCode: string;
  dueDate: string;
  language: Language;
  applicant: Applicant | null;
  agencyName: string | null;
}

type Channel = 'sms' | 'email';

/**
 * Delivers the citizen notification an outbox row asks for, on every channel the citizen left
 * (SMS to the phone, e-mail). Each (outbox row, channel) is claimed with a row lock and marked
 * sent in the same transaction, so a job run twice or by two workers sends once.
 *
 * A citizen gets the notices of an appeal in the order of their events: on each channel, the
 * earlier notices of the appeal not yet sent go out first, from this job (the receipt with the
 * tracking code before "forwarded to …", however the queue's jobs are interleaved across workers).
 * An earlier notice that cannot be sent holds the later ones back: this job fails and is retried.
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
    // This notice and every earlier notice of its appeal, oldest first, with where each has gone.
    const notices: OutboxFacts[] = await this.ds.query(
      `SELECT o.id AS "outboxId", o.payload, a.id AS "appealId", a.number, a.tracking_code AS "trackingCode",
              a.due_date AS "dueDate", a.language, a.applicant, coalesce(g.names ->> a.language, g.name) AS "agencyName",
              ARRAY(SELECT n.channel FROM notifications n WHERE n.outbox_id = o.id AND n.status = 'sent') AS sent
         FROM outbox o
         JOIN appeals a ON a.id = o.appeal_id
         LEFT JOIN agencies g ON g.id = coalesce((o.payload->>'agencyId')::uuid, a.agency_id)
        WHERE o.appeal_id = (SELECT appeal_id FROM outbox WHERE id = $1) AND o.topic = $2 AND o.id <= $1
          AND o.payload->>'kind' = ANY($3)
        ORDER BY o.id`,
      [outboxId, OUTBOX_TOPICS.notification, NOTIFICATION_KINDS],
    );
    const self = notices.at(-1);
    if (!self || self.outboxId !== Number(outboxId)) return;
    const { applicant } = self;
    const channels: { channel: Channel; recipient: string | undefined; send: (m: OutgoingMessage) => Promise<void> }[] = [
      { channel: 'sms', recipient: applicant?.phone, send: (m) => this.sms.send(m) },
      { channel: 'email', recipient: this.email.enabled ? applicant?.email : undefined, send: (m) => this.email.send(m) },
    ];
    // One channel's failure does not hold back the other; the job fails (and is retried) after both.
    let failure: unknown;
    for (const { channel, recipient, send } of channels) {
      if (!recipient) continue;
      try {
        for (const notice of notices) {
          if (notice.sent.includes(channel)) continue;
          const kind = notice.payload.kind as NotificationKind;
          const body = notificationText(kind, notice.language, {
            number: notice.number,
            trackingCode: notice.trackingCode,
            dueDate: notice.payload.dueDate ?? notice.dueDate,
            agencyName: notice.agencyName,
            reason: notice.payload.reason,
          });
          const subject = notice.language === 'kk' ? `Өтініш № ${notice.number}` : `Обращение № ${notice.number}`;
          await this.once(notice.outboxId, notice, kind, channel, recipient, body, () => send({ recipient, subject, body }));
        }
      } catch (err) {
        failure ??= err;
      }
    }
    if (failure) throw failure;
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
    channel: Channel,
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
