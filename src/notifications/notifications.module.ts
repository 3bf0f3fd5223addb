import { Module } from '@nestjs/common';
import { NotificationDispatcher } from './notification-dispatcher';
import { NotificationWorker } from './notification.worker';
import { DatabaseSmsTransport, EmailTransport } from './transports';

@Module({
  providers: [NotificationDispatcher, NotificationWorker, DatabaseSmsTransport, EmailTransport],
  exports: [NotificationDispatcher],
})
export class NotificationsModule {}
