import { Injectable, Logger } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { Environment } from '../config/environment';

export interface OutgoingMessage {
  recipient: string;
  subject: string;
  body: string;
}

/** An SMS gateway. The default one only records the message (the notifications row is the record). */
export interface SmsTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

@Injectable()
export class DatabaseSmsTransport implements SmsTransport {
  readonly name = 'database';
  async send(_message: OutgoingMessage): Promise<void> {
    // Nothing leaves the system: the row written by the dispatcher, marked sent, is the SMS log.
  }
}

/** E-mail through SMTP (SMTP_URL); without it e-mail notifications are skipped. */
@Injectable()
export class EmailTransport {
  private readonly logger = new Logger(EmailTransport.name);
  private readonly transporter: Transporter | null;

  constructor(private readonly env: Environment) {
    this.transporter = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null;
    if (!this.transporter) this.logger.log('SMTP_URL is not set: e-mail notifications are disabled');
  }

  get enabled(): boolean {
    return this.transporter !== null;
  }

  async send(message: OutgoingMessage): Promise<void> {
    if (!this.transporter) throw new Error('e-mail is disabled');
    await this.transporter.sendMail({
      from: this.env.SMTP_FROM,
      to: message.recipient,
      subject: message.subject,
      text: message.body,
    });
  }
}
