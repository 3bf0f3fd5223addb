import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { JOBS } from '../queue/queue-catalogue';
import { DeadlineJobData, DeadlineJobKind, PlannedDeadlineJob } from './deadline-plan';

/**
 * How a planned moment is laid out in Redis. BullMQ keeps a job as a hash (name, data, opts,
 * timestamp, delay, priority) plus its entry in the delayed set. Redis stores a small hash as one
 * compact listpack only while every value is at most `hash-max-listpack-value` (64 bytes by
 * default), otherwise as a table of separate strings, about twice the memory. So every value is
 * kept under 64 bytes:
 * - the id is short ({@link deadlineJobId}); BullMQ repeats it in the options;
 * - the options are only the id and the delay (retention and retries are the worker's, see
 *   DEADLINE_WORKER_RETENTION and DEADLINE_FIRE_RETRY);
 * - the payload is the effect key without its `deadline.` prefix: `<appealId>.<kind>.<date>`.
 */
const EFFECT_KEY_PREFIX = 'deadline.';

export function toQueuedJob(job: PlannedDeadlineJob, now = Date.now()) {
  return {
    name: JOBS.deadlineFired,
    data: job.effectKey.slice(EFFECT_KEY_PREFIX.length),
    opts: { jobId: job.jobId, delay: Math.max(0, job.runAt.getTime() - now) },
  };
}

/** The moment a queued job is about; jobs queued before this layout carried the object itself. */
export function deadlineJobData(payload: unknown): DeadlineJobData {
  if (typeof payload !== 'string') return payload as DeadlineJobData;
  const [appealId, kind, on] = payload.split('.');
  const escalation = /^escalation-(\d+)$/.exec(kind);
  return escalation ? { appealId, kind: 'escalation', on, step: Number(escalation[1]) } : { appealId, kind: kind as DeadlineJobKind, on };
}

const CHUNK = 1000;

/**
 * Adds the jobs in chunks, all sent at once (ioredis pipelines them on the one connection);
 * BullMQ ignores a job whose id is already in the queue.
 */
export async function addDeadlineJobs(queue: Queue, jobs: PlannedDeadlineJob[]): Promise<void> {
  const now = Date.now();
  const chunks: Promise<unknown>[] = [];
  for (let i = 0; i < jobs.length; i += CHUNK) chunks.push(queue.addBulk(jobs.slice(i, i + CHUNK).map((j) => toQueuedJob(j, now))));
  await Promise.all(chunks);
}

/**
 * Removes delayed jobs in one script call per chunk: drops each id from the delayed set and, if it
 * was there, its hash (a deadline job has no parent, children, logs or deduplication key to tidy).
 * Returns the ids that were not delayed, for BullMQ's own removal.
 */
const REMOVE_DELAYED = `
local others = {}
for i = 2, #ARGV do
  local id = ARGV[i]
  if redis.call('ZREM', KEYS[1], id) == 1 then
    redis.call('DEL', ARGV[1] .. id, ARGV[1] .. id .. ':logs')
  else
    others[#others + 1] = id
  end
end
return others`;

/**
 * Removes these deadline jobs: the delayed ones (nearly all: a replaced moment lies ahead) in
 * batches; the rest one by one through `Queue.remove`, which knows every other state. A job being
 * run right now is locked and stays: when it runs it finds itself stale and does nothing.
 */
export async function removeDeadlineJobs(queue: Queue, ids: string[]): Promise<void> {
  if (!ids.length) return;
  // BullMQ types its client loosely; it is an ioredis connection.
  const client = (await queue.client) as unknown as Redis;
  const prefix = queue.toKey('');
  const batches: Promise<string[]>[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    batches.push(client.eval(REMOVE_DELAYED, 1, queue.keys.delayed, prefix, ...ids.slice(i, i + CHUNK)) as Promise<string[]>);
  }
  const others = (await Promise.all(batches)).flat();
  await Promise.all(others.map((id) => queue.remove(id).catch(() => 0)));
}
