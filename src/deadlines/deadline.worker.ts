import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DelayedError, Job, Worker } from 'bullmq';
import { Environment } from '../config/environment';
import { DEADLINE_FIRE_RETRY, DEADLINE_WORKER_RETENTION, DEFAULT_JOB_OPTIONS, JOBS, QUEUES, RECONCILE_SCHEDULER_ID } from '../queue/queue-catalogue';
import { createWorker } from '../queue/queue-connection';
import { QueueRegistry } from '../queue/queue-registry';
import { ReplicasBehindError } from '../queue/replica-ack';
import { DeadlineEffects } from './deadline-effects';
import { deadlineJobData } from './deadline-jobs';
import { DeadlineReconciler } from './deadline-reconciler';
import { DeadlineScheduler } from './deadline-scheduler';
import { DueDateRecompute } from './due-date-recompute';

/** How long another API process may keep a stale calendar in memory (CalendarService reloads every minute). */
const CALENDAR_CACHE_MS = 60_000;
/** How often the worker makes sure the reconciliation schedule exists (Redis may have lost it with everything else). */
const ENSURE_SCHEDULE_EVERY_MS = 60_000;
/**
 * Syncs run side by side per worker process. Two keep Postgres and Redis busy while one of them
 * waits on the other; four cost more CPU (more jobs in flight at once, more garbage collection)
 * and were no faster on a 2-core machine (docs/benchmarks-deadlines.md, round four).
 */
const SYNC_CONCURRENCY = 2;
/** How soon a sync that found the deadlines queue's master without its replicas tries again (as the outbox relay does). */
const SYNC_REPLICA_RETRY_MS = 2_000;

/**
 * Consumes the deadlines queue and the queue of deadline syncs (worker process only) and registers
 * the reconciliation's schedule once under a stable key, however many workers start.
 */
@Injectable()
export class DeadlineWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineWorker.name);
  private worker?: Worker;
  private syncWorker?: Worker;
  private ensureTimer?: NodeJS.Timeout;

  constructor(
    private readonly env: Environment,
    private readonly queues: QueueRegistry,
    private readonly scheduler: DeadlineScheduler,
    private readonly effects: DeadlineEffects,
    private readonly reconciler: DeadlineReconciler,
    private readonly recompute: DueDateRecompute,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = createWorker(this.env, QUEUES.deadlines, (job, token) => this.handle(job, token), 4, DEADLINE_WORKER_RETENTION);
    // Redis going away is expected to happen; the worker reconnects by itself.
    this.worker.on('error', (err) => this.logger.warn(`deadlines worker: ${err.message}`));
    this.worker.on('failed', (job, err) => this.logger.warn(`deadline job ${job?.name} ${job?.id} failed: ${err.message}`));
    this.syncWorker = createWorker(this.env, QUEUES.deadlineSyncs, (job, token) => this.sync(job, token), SYNC_CONCURRENCY);
    this.syncWorker.on('error', (err) => this.logger.warn(`deadline syncs worker: ${err.message}`));
    this.syncWorker.on('failed', (job, err) => this.logger.warn(`deadline sync ${job?.id} failed: ${err.message}`));
    await this.ensureReconciliationSchedule();
    this.ensureTimer = setInterval(() => void this.ensureReconciliationSchedule(), ENSURE_SCHEDULE_EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.ensureTimer);
    await Promise.all([this.worker?.close(), this.syncWorker?.close()]);
  }

  /**
   * Registers the reconciliation's repeatable schedule under its stable key. Run at start and
   * every minute: after a FLUSHALL or a failover to an empty Redis the schedule is gone with the
   * jobs, and the reconciliation is what brings the jobs back; a new schedule's first run is
   * immediate. A schedule already there with the configured interval is left as it is: upserting
   * it again resets its next run (and drops a start date set on it), so a reconciliation could
   * start every minute beside the one running.
   */
  async ensureReconciliationSchedule(): Promise<void> {
    const queue = this.queues.get(QUEUES.deadlines);
    try {
      if ((await queue.getJobScheduler(RECONCILE_SCHEDULER_ID))?.every === this.env.DEADLINE_RECONCILE_EVERY_MS) return;
      await queue.upsertJobScheduler(
        RECONCILE_SCHEDULER_ID,
        { every: this.env.DEADLINE_RECONCILE_EVERY_MS },
        { name: JOBS.reconcileDeadlines, opts: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } },
      );
    } catch (err) {
      this.logger.warn(`could not register the reconciliation schedule: ${(err as Error).message}`);
    }
  }

  private async handle(job: Job, token?: string): Promise<unknown> {
    switch (job.name) {
      case JOBS.syncDeadlines: // queued here before the syncs had a queue of their own
        return this.sync(job, token);
      case JOBS.deadlineFired:
        return this.fire(job, token);
      case JOBS.reconcileDeadlines:
        return this.reconciler.reconcile();
      case JOBS.recomputeDueDates:
        return this.recomputeTwice(job as Job<{ date: string; again?: boolean }>);
      default:
        throw new Error(`unknown deadlines job ${job.name}`);
    }
  }

  /**
   * Brings a batch of cases' jobs in line. While the deadlines queue's master has too few replicas
   * (it lost its own in a failover) the sync cannot be recorded; that is a wait, not a failure: the
   * job comes back every few seconds without spending an attempt, as the relay holds its rows,
   * instead of backing off for minutes on the retry schedule meant for real errors and leaving its
   * cases without jobs long after the replica is back.
   */
  private async sync(job: Job, token?: string): Promise<unknown> {
    try {
      return await this.scheduler.sync((job.data as { appealIds: string[] }).appealIds);
    } catch (err) {
      if (!token || !(err instanceof ReplicasBehindError)) throw err;
      await job.moveToDelayed(Date.now() + SYNC_REPLICA_RETRY_MS, token);
      throw new DelayedError();
    }
  }

  /**
   * Acts on the moments of a case that have come and queues its next moment (a case keeps one job:
   * deadline-plan.ts `nextDeadlineJob`), in one transaction (DeadlineEffects.fire). A failure (Postgres
   * away, a deadlock, Redis away) is retried with an exponential backoff; the effects are keyed, so
   * a retry acts only on what is left. BullMQ would retry from the job's options, but those are
   * stored in every job's hash and would double a pending moment's size in Redis (deadline-jobs.ts);
   * so the job is put back in the delayed set here, and fails for good after the last attempt, as
   * other jobs do (the reconciliation then queues the case's next moment).
   */
  private async fire(job: Job, token?: string): Promise<unknown> {
    try {
      return await this.effects.fire(deadlineJobData(job.data));
    } catch (err) {
      const attempt = job.attemptsStarted;
      if (!token || attempt >= DEADLINE_FIRE_RETRY.attempts) throw err;
      const wait = DEADLINE_FIRE_RETRY.firstDelayMs * 2 ** (attempt - 1);
      this.logger.warn(`deadline job ${job.id} failed (attempt ${attempt}), retried in ${wait} ms: ${(err as Error).message}`);
      await job.moveToDelayed(Date.now() + wait, token);
      throw new DelayedError();
    }
  }

  /**
   * Recomputes now, and once more after every API process has reloaded the calendar, so an
   * appeal registered meanwhile with the old calendar is caught too.
   */
  private async recomputeTwice(job: Job<{ date: string; again?: boolean }>): Promise<unknown> {
    const result = await this.recompute.run(job.data.date);
    if (!job.data.again) {
      await this.queues
        .get(QUEUES.deadlines)
        .add(JOBS.recomputeDueDates, { date: job.data.date, again: true }, { ...DEFAULT_JOB_OPTIONS, jobId: `${job.id}-again`, delay: CALENDAR_CACHE_MS + 5_000 });
    }
    return result;
  }
}
