import { JobsOptions } from 'bullmq';

/** Every queue, job name and option preset in one place (STYLE.md "One queue catalogue"). */
export const QUEUES = {
  notifications: 'notifications',
  deadlines: 'deadlines',
  /**
   * The `sync-deadlines` jobs, apart from the deadline moments: what waits here is a case whose
   * jobs are still being made, which the reconciliation must not count as missing, and this queue
   * can be listed whole where the deadlines queue holds every pending moment (deadline-reconciler.ts).
   */
  deadlineSyncs: 'deadline-syncs',
  imports: 'imports',
} as const;

export const JOBS = {
  deliverNotification: 'deliver-notification',
  /** Bring the deadline jobs of a batch of cases in line with their state in Postgres. */
  syncDeadlines: 'sync-deadlines',
  /** A deadline moment has come (forwarding check, reminder, due, escalation). */
  deadlineFired: 'deadline-fired',
  /** A calendar day changed: recompute the due dates it moves. */
  recomputeDueDates: 'recompute-due-dates',
  /** Compare the open cases in Postgres with the jobs in Redis and recreate what is missing. */
  reconcileDeadlines: 'reconcile-deadlines',
  importAppeals: 'import-appeals',
} as const;

/** The stable key of the reconciliation's repeatable schedule (one schedule however many workers). */
export const RECONCILE_SCHEDULER_ID = 'deadline-reconciliation';

/** Retried with exponential backoff; failures kept for inspection, successes trimmed. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/**
 * A deadline moment (`deadline-fired`) carries no options of its own but its id and delay: options
 * are stored in every job's hash, and these would double its size in Redis (deadline-jobs.ts). So
 * its retention is the deadlines worker's: removed once done (its id is derived from the case's
 * state, and a case paused and resumed on the same day must be able to schedule the same id
 * again), failures kept as long as other jobs'. The other jobs of the queue bring their own.
 */
export const DEADLINE_WORKER_RETENTION = { removeOnComplete: { count: 0 }, removeOnFail: { age: 30 * 24 * 3600 } };

/** And its retries are the worker's own, on the schedule the others get from BullMQ ({@link DEFAULT_JOB_OPTIONS}). */
export const DEADLINE_FIRE_RETRY = { attempts: 8, firstDelayMs: 2_000 };

/** Job ids are deterministic, so relaying the same outbox row twice enqueues it once. */
export const outboxJobId = (outboxId: number): string => `outbox-${outboxId}`;

/** One job for a batch of outbox rows, named by its first and last row. */
export const outboxBatchJobId = (topic: string, ids: number[]): string => `outbox-${topic}-${ids[0]}-${ids[ids.length - 1]}`;
/** One job per historical import, however often it is queued. */
export const importJobId = (importId: string): string => `import-${importId}`;
