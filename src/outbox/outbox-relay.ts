import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, importJobId, JOBS, outboxBatchJobId, outboxJobId, QUEUES } from '../queue/queue-catalogue';
import { QueueRegistry } from '../queue/queue-registry';
import { OUTBOX_TOPICS } from './outbox-topics';

/** Rows claimed per batch. */
const BATCH = 2000;
/** Deadline rows per `sync-deadlines` job, so the syncs of a large batch run side by side. */
const SYNC_ROWS = 500;
const IDLE_POLL_MS = 500;

interface OutboxRow {
  id: number;
  topic: string;
  appealId: string | null;
  payload: Record<string, unknown>;
}

/**
 * Moves outbox rows into BullMQ. Rows are claimed with SKIP LOCKED, so several workers relay
 * side by side without taking the same row. The claim marks them relayed in the same statement
 * (one round trip), but in the transaction that enqueues them, which commits only once the jobs
 * are in Redis: a Redis outage rolls the mark back and leaves the rows pending, to be relayed once
 * Redis is back.
 *
 * With REDIS_REPLICA_ACKS set, a batch counts as relayed only once that many Redis replicas hold
 * its jobs (replica-ack.ts), so a Redis failover loses none.
 *
 * Notifications go one job per row. Deadline rows become `sync-deadlines` jobs of SYNC_ROWS
 * rows each (in a queue of their own, QUEUES.deadlineSyncs): the sync re-reads each case, so one
 * pass per few hundred cases does what a pass per row would, at a fraction of the round trips.
 * A batch holds several such jobs, so the relay keeps ahead of the syncs instead of setting their
 * pace (it did, at one sync per claim of 500 rows: docs/benchmarks-deadlines.md, round four).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private stopped = false;
  private loop?: Promise<void>;

  constructor(
    private readonly ds: DataSource,
    private readonly queues: QueueRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  /** Relays one batch; returns how many rows it moved. */
  async relayBatch(): Promise<number> {
    return this.ds.transaction(async (m) => {
      // RETURNING keeps no order: the rows are put back in id order around it.
      const rows: OutboxRow[] = await m.query(
        `WITH claimed AS (
           UPDATE outbox SET relayed_at = now()
            WHERE id IN (SELECT id FROM outbox WHERE relayed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
            RETURNING id, topic, appeal_id AS "appealId", payload)
         SELECT * FROM claimed ORDER BY id`,
        [BATCH],
      );
      if (!rows.length) return 0;
      await this.enqueue(rows);
      return rows.length;
    });
  }

  private async enqueue(rows: OutboxRow[]): Promise<void> {
    const notifications = rows.filter((r) => r.topic === OUTBOX_TOPICS.notification);
    const deadlines = rows.filter((r) => r.topic === OUTBOX_TOPICS.deadlines);
    const calendar = rows.filter((r) => r.topic === OUTBOX_TOPICS.calendar);
    const imports = rows.filter((r) => r.topic === OUTBOX_TOPICS.import);

    const recomputeJobs = calendar.map((r) => ({
      name: JOBS.recomputeDueDates,
      data: { date: r.payload.date as string },
      opts: { ...DEFAULT_JOB_OPTIONS, jobId: outboxJobId(r.id) },
    }));
    const used = [
      notifications.length && QUEUES.notifications,
      recomputeJobs.length && QUEUES.deadlines,
      deadlines.length && QUEUES.deadlineSyncs,
      imports.length && QUEUES.imports,
    ].filter((q): q is (typeof QUEUES)[keyof typeof QUEUES] => !!q);
    await Promise.all([
      notifications.length &&
        this.queues.get(QUEUES.notifications).addBulk(
          notifications.map((r) => ({ name: JOBS.deliverNotification, data: { outboxId: r.id }, opts: { ...DEFAULT_JOB_OPTIONS, jobId: outboxJobId(r.id) } })),
        ),
      recomputeJobs.length && this.queues.get(QUEUES.deadlines).addBulk(recomputeJobs),
      deadlines.length && this.queues.get(QUEUES.deadlineSyncs).addBulk(syncJobs(deadlines)),
      imports.length &&
        this.queues.get(QUEUES.imports).addBulk(
          imports.map((r) => {
            const importId = r.payload.importId as string;
            return { name: JOBS.importAppeals, data: { importId }, opts: { ...DEFAULT_JOB_OPTIONS, attempts: 3, jobId: importJobId(importId) } };
          }),
        ),
    ]);
    await Promise.all(used.map((q) => this.queues.replicated(this.queues.get(q))));
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

/** Deadline rows as `sync-deadlines` jobs of up to SYNC_ROWS rows, each named by its first and last row. */
function syncJobs(rows: OutboxRow[]) {
  const jobs = [];
  for (let i = 0; i < rows.length; i += SYNC_ROWS) {
    const part = rows.slice(i, i + SYNC_ROWS);
    jobs.push({
      name: JOBS.syncDeadlines,
      data: { appealIds: [...new Set(part.map((r) => r.appealId!))] },
      opts: { ...DEFAULT_JOB_OPTIONS, jobId: outboxBatchJobId(OUTBOX_TOPICS.deadlines, part.map((r) => r.id)) },
    });
  }
  return jobs;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
