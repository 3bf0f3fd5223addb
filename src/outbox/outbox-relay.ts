import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment';
import { DEFAULT_JOB_OPTIONS, JOBS, outboxJobId, QUEUES } from '../queue/queue-catalogue';
import { createQueue } from '../queue/queue-connection';
import { OUTBOX_TOPICS } from './outbox-topics';

const BATCH = 200;
const IDLE_POLL_MS = 500;

/**
 * Moves outbox rows into BullMQ. Rows are claimed with SKIP LOCKED, so several workers relay
 * side by side without taking the same row; a row is marked relayed only in the transaction
 * that enqueued it, so a Redis outage leaves it pending, to be relayed once Redis is back.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly notifications: Queue;
  private stopped = false;
  private loop?: Promise<void>;

  constructor(
    private readonly ds: DataSource,
    env: Environment,
  ) {
    this.notifications = createQueue(env, QUEUES.notifications);
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.loop;
    await this.notifications.close();
  }

  /** Relays one batch; returns how many rows it moved. */
  async relayBatch(): Promise<number> {
    return this.ds.transaction(async (m) => {
      const rows: { id: number }[] = await m.query(
        `SELECT id FROM outbox WHERE relayed_at IS NULL AND topic = $1 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [OUTBOX_TOPICS.notification, BATCH],
      );
      if (!rows.length) return 0;
      await this.notifications.addBulk(
        rows.map((r) => ({ name: JOBS.deliverNotification, data: { outboxId: r.id }, opts: { ...DEFAULT_JOB_OPTIONS, jobId: outboxJobId(r.id) } })),
      );
      await m.query(`UPDATE outbox SET relayed_at = now() WHERE id = ANY($1)`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let moved = 0;
      try {
        moved = await this.relayBatch();
      } catch (err) {
        this.logger.warn(`outbox relay paused: ${err instanceof Error ? err.message : 'unknown error'}`);
        await sleep(5 * IDLE_POLL_MS);
      }
      if (moved < BATCH) await sleep(IDLE_POLL_MS);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
