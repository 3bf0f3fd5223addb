import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { QUEUES } from '../queue/queue-catalogue';
import { QueueRegistry } from '../queue/queue-registry';
import { loadDeadlineCases } from './deadline-cases';
import { addDeadlineJobs, removeDeadlineJobs } from './deadline-jobs';
import { DeadlinePlanner } from './deadline-planner';

/**
 * Brings the deadline jobs of some cases in line with their state in Postgres: adds the jobs
 * the plan wants and removes those it no longer wants (after an extension, a pause, an answer,
 * a withdrawal, a transfer that restarts the clock ...). The ids put in Redis are recorded per
 * case in `deadline_schedules`, whose rows are locked for the pass, so two workers syncing the
 * same case take turns and the last one always sees the newest state.
 */
@Injectable()
export class DeadlineScheduler {
  constructor(
    private readonly ds: DataSource,
    private readonly queues: QueueRegistry,
    private readonly planner: DeadlinePlanner,
  ) {}

  async sync(appealIds: string[]): Promise<{ scheduled: number; removed: number }> {
    const queue = this.queues.get(QUEUES.deadlines);
    return this.ds.transaction(async (m) => {
      const recorded = await lockSchedules(m, appealIds);
      const planned = await this.planner.plan(await loadDeadlineCases(m, appealIds));

      const wanted = [...planned.values()].flat();
      const wantedIds = new Set(wanted.map((j) => j.jobId));
      const stale = recorded.flatMap((r) => r.jobIds.filter((id) => !wantedIds.has(id)));
      await Promise.all([addDeadlineJobs(queue, wanted), removeDeadlineJobs(queue, stale)]);
      // Recorded below as scheduled: only once a failover could not take them away.
      await this.queues.replicated(queue);

      await m.query(
        `UPDATE deadline_schedules s SET job_ids = v.job_ids, synced_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS v(appeal_id uuid, job_ids text[])
          WHERE s.appeal_id = v.appeal_id`,
        [JSON.stringify([...planned].map(([appealId, jobs]) => ({ appeal_id: appealId, job_ids: jobs.map((j) => j.jobId) })))],
      );
      return { scheduled: wanted.length, removed: stale.length };
    });
  }
}

/**
 * The `deadline_schedules` rows of these cases (made when missing), locked for the caller's
 * transaction. Always taken in appeal id order, by the sync and the reconciliation's repair alike,
 * so the two take turns on a case and never deadlock.
 */
export async function lockSchedules(m: EntityManager, appealIds: string[]): Promise<{ appealId: string; jobIds: string[] }[]> {
  const ids = [...new Set(appealIds)].sort();
  await m.query(
    `INSERT INTO deadline_schedules (appeal_id, job_ids)
     SELECT id, '{}' FROM appeals WHERE id = ANY($1::uuid[]) ORDER BY id
     ON CONFLICT (appeal_id) DO NOTHING`,
    [ids],
  );
  return m.query(
    `SELECT appeal_id AS "appealId", job_ids AS "jobIds" FROM deadline_schedules
      WHERE appeal_id = ANY($1::uuid[]) ORDER BY appeal_id FOR UPDATE`,
    [ids],
  );
}
