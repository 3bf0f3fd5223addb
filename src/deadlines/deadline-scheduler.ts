import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QUEUES } from '../queue/queue-catalogue';
import { QueueRegistry } from '../queue/queue-registry';
import { loadDeadlineCases } from './deadline-cases';
import { addDeadlineJobs, removeDeadlineJobs } from './deadline-jobs';
import { PlannedDeadlineJob } from './deadline-plan';
import { DeadlinePlanner } from './deadline-planner';

interface RecordedSchedule {
  appealId: string;
  jobIds: string[];
  resyncRequested: boolean;
}

/**
 * Brings the deadline jobs of some cases in line with their state in Postgres: adds the jobs
 * the plan wants and removes those it no longer wants (after an extension, a pause, an answer,
 * a withdrawal, a transfer that restarts the clock, a calendar change ...). The ids put in Redis
 * are recorded per case in `deadline_schedules`, whose rows are locked for the pass, so two
 * workers syncing the same case take turns and the last one always sees the newest state.
 *
 * Only the difference goes to Redis: the planned ids the schedule does not hold yet are added,
 * the held ids no longer planned are removed, and only the rows that changed are written back.
 * A recorded job that Redis lost (FLUSHALL, failover to an empty replica) is not re-added here:
 * the reconciliation checks every planned moment against Redis and recreates it.
 */
@Injectable()
export class DeadlineScheduler {
  constructor(
    private readonly ds: DataSource,
    private readonly queues: QueueRegistry,
    private readonly planner: DeadlinePlanner,
  ) {}

  async sync(appealIds: string[]): Promise<{ added: number; removed: number }> {
    const ids = [...new Set(appealIds)].sort();
    const queue = this.queues.get(QUEUES.deadlines);
    return this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO deadline_schedules (appeal_id, job_ids)
         SELECT id, '{}' FROM appeals WHERE id = ANY($1::uuid[]) ORDER BY id
         ON CONFLICT (appeal_id) DO NOTHING`,
        [ids],
      );
      const recorded: RecordedSchedule[] = await m.query(
        `SELECT appeal_id AS "appealId", job_ids AS "jobIds", resync_requested AS "resyncRequested" FROM deadline_schedules
          WHERE appeal_id = ANY($1::uuid[]) ORDER BY appeal_id FOR UPDATE`,
        [ids],
      );
      const planned = await this.planner.plan(await loadDeadlineCases(m, ids));
      const { added, removed, rewritten } = scheduleChanges(recorded, planned);

      await Promise.all([addDeadlineJobs(queue, added), removeDeadlineJobs(queue, removed)]);
      // Recorded below as scheduled: only once a failover could not take them away.
      await this.queues.replicated(queue);

      if (rewritten.length) {
        await m.query(
          `UPDATE deadline_schedules s SET job_ids = v.job_ids, synced_at = now(), resync_requested = false
             FROM jsonb_to_recordset($1::jsonb) AS v(appeal_id uuid, job_ids text[])
            WHERE s.appeal_id = v.appeal_id`,
          [JSON.stringify(rewritten)],
        );
      }
      return { added: added.length, removed: removed.length };
    });
  }
}

/**
 * Per case, what the plan adds to its recorded schedule and what it replaces; the rows to write
 * back are those whose ids change, and those a calendar change marked (the mark is cleared).
 */
function scheduleChanges(recorded: RecordedSchedule[], planned: Map<string, PlannedDeadlineJob[]>) {
  const added: PlannedDeadlineJob[] = [];
  const removed: string[] = [];
  const rewritten: { appeal_id: string; job_ids: string[] }[] = [];
  for (const row of recorded) {
    const jobs = planned.get(row.appealId) ?? [];
    const held = new Set(row.jobIds);
    const wanted = new Set(jobs.map((j) => j.jobId));
    const fresh = jobs.filter((j) => !held.has(j.jobId));
    const replaced = row.jobIds.filter((id) => !wanted.has(id));
    added.push(...fresh);
    removed.push(...replaced);
    if (fresh.length || replaced.length || row.resyncRequested) rewritten.push({ appeal_id: row.appealId, job_ids: [...wanted] });
  }
  return { added, removed, rewritten };
}
