import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { QUEUES } from '../queue/queue-catalogue';
import { QueueRegistry } from '../queue/queue-registry';
import { RedisClient } from '../redis/redis-connection';
import { DeadlineCase, IdRange, idRanges, loadCasesWithSyncState, runningCaseIdsAfter } from './deadline-cases';
import { addDeadlineJobs, removeDeadlineJobs } from './deadline-jobs';
import { PlannedDeadlineJob } from './deadline-plan';
import { DeadlinePlanner } from './deadline-planner';
import { lockDeadlineSchedules } from './schedule-locks';

const PAGE = 2000;
/** Pages walked at once, each over its own share of the ids, so Postgres and Redis work side by side. */
const WALKERS = 2;
const CHECK_CHUNK = 1000;

/**
 * The 1-based positions of the ids (ARGV[2..]) whose job is not pending: its hash (prefix ARGV[1])
 * does not exist, or (negated) the job has finished, i.e. failed for good, and still holds the id.
 */
const NOT_PENDING_POSITIONS = `
local found = {}
for i = 2, #ARGV do
  local key = ARGV[1] .. ARGV[i]
  if redis.call('EXISTS', key) == 0 then found[#found + 1] = i - 1
  elseif redis.call('HEXISTS', key, 'finishedOn') == 1 then found[#found + 1] = 1 - i end
end
return found`;

export interface ReconcileReport {
  cases: number;
  /**
   * Cases whose jobs are still being made: a sync waits in the outbox (just registered or changed,
   * or Redis down) or in the queue of syncs (not yet run, or waiting for a replica), so missing
   * jobs are expected and the sync will add them.
   */
  casesSyncPending: number;
  jobsChecked: number;
  /** Jobs missing from Redis, or failed for good (recreated, unless this was an audit). */
  jobsMissing: number;
  jobsRecreated: number;
}

/**
 * Postgres is the source of truth, Redis can lose its data: walks every case whose clock runs,
 * computes the job it should have queued (its next moment) and recreates it if missing from Redis (after a FLUSHALL, a
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
    // Settled, not all: a failed walk fails the pass only once the other one has stopped too.
    const walks = await Promise.allSettled(idRanges(WALKERS).map((range) => this.walk(range, repair, report)));
    const failed = walks.find((w): w is PromiseRejectedResult => w.status === 'rejected');
    if (failed) throw failed.reason;
    if (report.jobsRecreated) this.logger.warn(`reconciliation recreated ${report.jobsRecreated} deadline jobs of ${report.jobsChecked}`);
    return report;
  }

  /**
   * The running cases whose ids lie in `range`, page by page, each page in a transaction of its own.
   * A repairing page takes its cases' schedule locks before it reads them, as a sync does
   * (schedule-locks.ts): no sync changes their jobs or records while the page is checked and
   * repaired, and a change committed meanwhile has its sync still pending (its outbox row came
   * with it), which puts its job right after this page. So what is found missing is missing.
   */
  private async walk(range: IdRange, repair: boolean, report: ReconcileReport): Promise<void> {
    for (let after = range.after; ; ) {
      const ids = await this.ds.transaction(async (m) => {
        const ids = await runningCaseIdsAfter(m, after, range.upTo, PAGE);
        if (!ids.length) return ids;
        if (repair) await lockDeadlineSchedules(m, ids);
        const cases = await loadCasesWithSyncState(m, ids);
        const { settled, planned, missing } = await this.check(cases);
        report.cases += settled.length;
        report.casesSyncPending += cases.length - settled.length;
        report.jobsChecked += planned.length;
        report.jobsMissing += missing.length;
        // Awaited before the sum: `report` is shared with the other walker.
        if (repair && missing.length) {
          const recreated = await this.recreate(m, missing);
          report.jobsRecreated += recreated;
        }
        return ids;
      });
      if (ids.length < PAGE) return;
      after = ids[ids.length - 1];
    }
  }

  /**
   * The cases whose jobs are all made (no sync pending in the outbox or the queue of syncs), their
   * queued jobs, and those not pending in Redis. The queue is read after the cases: a case Postgres
   * showed relayed has its sync in that queue by then, or done.
   */
  private async check(cases: (DeadlineCase & { syncPending: boolean })[]) {
    const queued = await this.queuedSyncs();
    const settled = cases.filter((c) => !c.syncPending && !queued.has(c.id));
    const planned = [...(await this.planner.queued(settled)).values()].flat();
    return { settled, planned, missing: await this.missingFromRedis(planned) };
  }

  /** Puts these jobs back and records them; the caller holds their cases' schedule locks. Returns how many. */
  private async recreate(m: EntityManager, missing: (PlannedDeadlineJob & { failed: boolean })[]): Promise<number> {
    const queue = this.queues.get(QUEUES.deadlines);
    // A job that failed for good keeps its id, and BullMQ would ignore a new job with it.
    await removeDeadlineJobs(queue, missing.filter((j) => j.failed).map((j) => j.jobId));
    await addDeadlineJobs(queue, missing);
    await this.queues.replicated(queue);
    await this.record(m, missing);
    return missing.length;
  }

  /**
   * The cases of the syncs not yet done. A sync that failed for good is not waited for (nor is one
   * Redis lost): the reconciliation then makes its cases' jobs.
   */
  private async queuedSyncs(): Promise<Set<string>> {
    const jobs = await this.queues.get(QUEUES.deadlineSyncs).getJobs(['waiting', 'active', 'delayed', 'prioritized', 'paused']);
    return new Set(jobs.flatMap((job) => (job?.data as { appealIds?: string[] } | undefined)?.appealIds ?? []));
  }

  /**
   * The jobs that are not pending in Redis: missing (Redis lost them), or failed for good (their
   * effects kept failing, e.g. while Postgres was away for longer than the retries last): the case's
   * next moment is queued only after its job has run, so such a case would otherwise stay without
   * one. Asked in one script call per chunk of ids rather than one command each: a rebuild checks
   * every pending job, and a million separate commands cost this process more than the jobs'
   * re-adding. In a cluster the keys of one queue share its hash tag (queuePrefix), hence one slot.
   */
  private async missingFromRedis(jobs: PlannedDeadlineJob[]): Promise<(PlannedDeadlineJob & { failed: boolean })[]> {
    if (!jobs.length) return [];
    const queue = this.queues.get(QUEUES.deadlines);
    // BullMQ types its client loosely; it is an ioredis connection or cluster.
    const client = (await queue.client) as unknown as RedisClient;
    const chunks: Promise<number[]>[] = [];
    for (let i = 0; i < jobs.length; i += CHECK_CHUNK) {
      const ids = jobs.slice(i, i + CHECK_CHUNK).map((j) => j.jobId);
      chunks.push(client.eval(NOT_PENDING_POSITIONS, 1, queue.toKey(ids[0]), queue.toKey(''), ...ids) as Promise<number[]>);
    }
    const positions = await Promise.all(chunks);
    return positions.flatMap((found, c) => found.map((p) => ({ ...jobs[c * CHECK_CHUNK + Math.abs(p) - 1], failed: p < 0 })));
  }

  /**
   * The recreated ids join the case's schedule, so the next change removes them too (after a
   * FLUSHALL the schedule holds them already and is left as it is). The caller holds the cases'
   * schedule locks (schedule-locks.ts).
   */
  private async record(m: EntityManager, jobs: PlannedDeadlineJob[]): Promise<void> {
    await m.query(
      `INSERT INTO deadline_schedules AS s (appeal_id, job_ids)
       SELECT appeal_id, array_agg(job_id) FROM unnest($1::uuid[], $2::text[]) AS v(appeal_id, job_id) GROUP BY appeal_id
        ORDER BY appeal_id
       ON CONFLICT (appeal_id) DO UPDATE
         SET job_ids = ARRAY(SELECT DISTINCT unnest(s.job_ids || excluded.job_ids)), synced_at = now()
         WHERE NOT s.job_ids @> excluded.job_ids`,
      [jobs.map((j) => j.data.appealId), jobs.map((j) => j.jobId)],
    );
  }
}
