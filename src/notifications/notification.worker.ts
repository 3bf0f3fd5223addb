import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import { Environment } from '../config/environment';
import { JOBS, QUEUES } from '../queue/queue-catalogue';
import { createWorker } from '../queue/queue-connection';
import { NotificationDispatcher } from './notification-dispatcher';

/** Consumes the notifications queue (worker process only). */
@Injectable()
export class NotificationWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker;

  constructor(
    private readonly env: Environment,
    private readonly dispatcher: NotificationDispatcher,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = createWorker<{ outboxId: number }>(
      this.env,
      QUEUES.notifications,
      async (job) => {
        if (job.name === JOBS.deliverNotification) await this.dispatcher.deliver(job.data.outboxId);
      },
      8,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
