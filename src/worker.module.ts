import { Module } from '@nestjs/common';
import { LoggerModule } from './common/logging/logger.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DeadlineWorkerModule } from './deadlines/deadline-worker.module';
import { ImportsWorkerModule } from './imports/imports-worker.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OutboxRelay } from './outbox/outbox-relay';
import { QueueModule } from './queue/queue-registry';

/** The queue worker: relays the outbox into BullMQ and handles the jobs. No HTTP. */
@Module({
  imports: [ConfigModule, LoggerModule, DatabaseModule, QueueModule, NotificationsModule, DeadlineWorkerModule, ImportsWorkerModule],
  providers: [OutboxRelay],
})
export class WorkerModule {}
