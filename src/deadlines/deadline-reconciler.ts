import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QUEUES } from '../queue/queue-catalogue';
import { QueueRegistry } from '../queue/queue-registry';
import { RedisClient } from '../redis/redis-connection';
import { FIRST_UUID, loadRunningCasesAfter } from './deadline-cases';
import { addDeadlineJobs } from './deadline-jobs';
import { PlannedDeadlineJob } from './deadline-plan';
import { DeadlinePlanner } from './deadline-planner';
import { lockDeadlineSchedules } from './schedule-locks';

const PAGE = 2000;
const CHECK_CHUNK = 1000;

/** The 1-based positions of the ids (ARGV[2..]) whose job hash (prefix ARGV[1]) does not exist. */
const MISSING_POSITIONS = `
local missing = {}
for i = 2, #ARGV do
  if redis.call('EXISTS', ARGV[1] .. ARGV[i]) == 0 then missing[#missing + 1] = i - 1 end
end
return missing`;

export interface ReconcileReport {
  cases: number;
  /**
   * Cases left to the relay: a sync of their jobs still waits in the outbox (just registered or
   * changed, or Redis down), so missing jobs are expected and the sync will add them.
   */
  casesSyncPending: number;
  jobsChecked: number;
  /** Jobs missing from Redis (recreated, unless this was an audit). */
  jobsMissing: number;
  jobsRecreated: number;
}

/**
 * Postgres is the source of truth, Redis can lose its data: walks every case whose clock runs,
 * computes the jobs it should have and recreates those missing from Redis (after a FLUSHALL, a
 * failover to an empty replica, a message lost in a crash). Run on a schedule by the worker.
 */
@Injectable()
export class DeadlineReconciler {
  private readonly logger = new Logger(DeadlineReconciler.name);

  constructor(
    private readonly ds: DataSource,
    private readonly queues: QueueRegistry,
    private readonly planner: DeadlinePlanner,
  ) {}

  /** `repair: false` only counts what is missing (an audit), e.g. after a load test. */
  async reconcile({ repair } = { repair: true }): Promise<ReconcileReport> {
    const report: ReconcileReport = { cases: 0, casesSyncPending: 0, jobsChecked: 0, jobsMissing: 0, jobsRecreated: 0 };
    const load = (after: string) => loadRunningCasesAfter(this.ds.manager, after, PAGE);
    // Each page's recreated ids are recorded while the next page is checked and repaired, one
    // record at a time.
    let recording: Promise<void> = Promise.resolve();
    for (let next = load(FIRST_UUID); ; ) {
      const page = await next;
      if (!page.length) break;
      // The next page is read from Postgres while this one is checked and repaired in Redis.
      next = load(page[page.length - 1].id);
      next.catch(() => undefined); // awaited on the next turn; a failure then ends the pass
      const cases = page.filter((c) => !c.syncPending);
      report.casesSyncPending += page.length - cases.length;
      const planned = [...(await this.planner.plan(cases)).values()].flat();
      const missing = await this.missingFromRedis(planned);
      report.cases += cases.length;
      report.jobsChecked += planned.length;
      report.jobsMissing += missing.length;
      if (!repair) continue;
      await addDeadlineJobs(this.queues.get(QUEUES.deadlines), missing);
      await this.queues.replicated(this.queues.get(QUEUES.deadlines));
      await recording;
      recording = this.record(missing);
      recording.catch(() => undefined); // awaited on the next turn or after the walk
      report.jobsRecreated += missing.length;
    }
    await recording;
    if (report.jobsRecreated) this.logger.warn(`reconciliation recreated ${report.jobsRecreated} deadline jobs of ${report.jobsChecked}`);
    return report;
  }

  /**
   * The jobs whose BullMQ hash is missing, asked in one script call per chunk of ids rather than
   * one EXISTS each: a rebuild checks every pending moment, and a million separate commands cost
   * this process more than the jobs' re-adding. In a cluster the keys of one queue share its hash
   * tag (queuePrefix), hence one slot.
   */
  private async missingFromRedis(jobs: PlannedDeadlineJob[]): Promise<PlannedDeadlineJob[]> {
    if (!jobs.length) return [];
    const queue = this.queues.get(QUEUES.deadlines);
    // BullMQ types its client loosely; it is an ioredis connection or cluster.
    const client = (await queue.client) as unknown as RedisClient;
    const chunks: Promise<number[]>[] = [];
    for (let i = 0; i < jobs.length; i += CHECK_CHUNK) {
      const ids = jobs.slice(i, i + CHECK_CHUNK).map((j) => j.jobId);
      chunks.push(client.eval(MISSING_POSITIONS, 1, queue.toKey(ids[0]), queue.toKey(''), ...ids) as Promise<number[]>);
    }
    const positions = await Promise.all(chunks);
    return positions.flatMap((found, c) => found.map((p) => jobs[c * CHECK_CHUNK + p - 1]));
  }

  /**
   * The recreated ids join the case's schedule, so the next change removes them too (after a
   * FLUSHALL the schedule holds them already and is left as it is). The cases are locked as the
   * sync locks them (schedule-locks.ts), so a sync in progress finishes first and the ids join
   * what it recorded.
   */
  private async record(jobs: PlannedDeadlineJob[]): Promise<void> {
    if (!jobs.length) return;
    await this.ds.transaction(async (m) => {
      await lockDeadlineSchedules(m, [...new Set(jobs.map((j) => j.data.appealId))]);
      await m.query(
        `INSERT INTO deadline_schedules AS s (appeal_id, job_ids)
         SELECT appeal_id, array_agg(job_id) FROM unnest($1::uuid[], $2::text[]) AS v(appeal_id, job_id) GROUP BY appeal_id
          ORDER BY appeal_id
         ON CONFLICT (appeal_id) DO UPDATE
           SET job_ids = ARRAY(SELECT DISTINCT unnest(s.job_ids || excluded.job_ids)), synced_at = now()
           WHERE NOT s.job_ids @> excluded.job_ids`,
        [jobs.map((j) => j.data.appealId), jobs.map((j) => j.jobId)],
      );
    });
  }
}
