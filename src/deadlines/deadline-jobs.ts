import { Queue } from 'bullmq';
import { DEADLINE_JOB_OPTIONS, JOBS } from '../queue/queue-catalogue';
import { PlannedDeadlineJob } from './deadline-plan';

/** A planned moment as a BullMQ job: id-only payload, delayed until its time (at once if past). */
export function toQueuedJob(job: PlannedDeadlineJob, now = Date.now()) {
  return {
    name: JOBS.deadlineFired,
    data: job.data,
    opts: { ...DEADLINE_JOB_OPTIONS, jobId: job.jobId, delay: Math.max(0, job.runAt.getTime() - now) },
  };
}

/** Adds the jobs in chunks; BullMQ ignores a job whose id is already in the queue. */
export async function addDeadlineJobs(queue: Queue, jobs: PlannedDeadlineJob[]): Promise<void> {
  const now = Date.now();
  for (let i = 0; i < jobs.length; i += 1000) await queue.addBulk(jobs.slice(i, i + 1000).map((j) => toQueuedJob(j, now)));
}
