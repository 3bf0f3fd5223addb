import { JobsOptions } from 'bullmq';

/** Every queue, job name and option preset in one place (STYLE.md "One queue catalogue"). */
export const QUEUES = {
  notifications: 'notifications',
  imports: 'imports',
} as const;

export const JOBS = {
  deliverNotification: 'deliver-notification',
  importAppeals: 'import-appeals',
} as const;

/** Retried with exponential backoff; failures kept for inspection, successes trimmed. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** Job ids are deterministic, so relaying the same outbox row twice enqueues it once. */
export const outboxJobId = (outboxId: number): string => `outbox-${outboxId}`;

/** One job per historical import, however often it is queued. */
export const importJobId = (importId: string): string => `import-${importId}`;
