import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { QUEUES } from '../queue/queue-catalogue';
import { QueueRegistry } from '../queue/queue-registry';
import { loadDeadlineCases } from './deadline-cases';
import { addDeadlineJobs, removeDeadlineJobs } from './deadline-jobs';
import { PlannedDeadlineJob } from './deadline-plan';
import { DeadlinePlanner } from './deadline-planner';
import { lockDeadlineSchedules } from './schedule-locks';

interface RecordedSchedule {
  appealId: string;
  jobIds: string[];
  resyncRequested: boolean;
}

/**
 * Brings the deadline job of some cases in line with their state in Postgres: adds the job the
 * plan queues (the case's next moment: deadline-plan.ts `nextDeadlineJob`) and removes those it
 * no longer wants (after a moment has come, an extension, a pause, an answer,
 * a withdrawal, a transfer that restarts the clock, a calendar change ...). The ids put in Redis
 * are recorded per case in `deadline_schedules`; each case is locked for the pass
 * (schedule-locks.ts), so two workers syncing the same case take turns and the last one always
 * sees the newest state.
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

  async sync(appealIds: string[]): Promise<{ added: number; removed: number; changed: number }> {
    const ids = [...new Set(appealIds)].sort();
    return this.ds.transaction(async (m) => {
      await lockDeadlineSchedules(m, ids);
      return this.syncPlanned(m, ids, await this.planner.queued(await loadDeadlineCases(m, ids)));
    });
  }

  /**
   * Puts the queued jobs of these cases (ids in order) in Redis and records them, in the caller's
   * transaction, which holds the cases' schedule locks and planned them from their newest state.
   * Returns the counts and the cases whose jobs changed.
   */
  async syncPlanned(m: EntityManager, ids: string[], planned: Map<string, PlannedDeadlineJob[]>) {
    const queue = this.queues.get(QUEUES.deadlines);
    const recorded: RecordedSchedule[] = await m.query(
      `SELECT appeal_id AS "appealId", job_ids AS "jobIds", resync_requested AS "resyncRequested" FROM deadline_schedules
        WHERE appeal_id = ANY($1::uuid[])`,
      [ids],
    );
    const { added, removed, rewritten } = scheduleChanges(ids, recorded, planned);

    await Promise.all([addDeadlineJobs(queue, added), removeDeadlineJobs(queue, removed)]);
    // Recorded below as scheduled: only once a failover could not take them away.
    await this.queues.replicated(queue);

    if (rewritten.length) {
      await m.query(
        `INSERT INTO deadline_schedules (appeal_id, job_ids)
         SELECT appeal_id, job_ids FROM jsonb_to_recordset($1::jsonb) AS v(appeal_id uuid, job_ids text[]) ORDER BY appeal_id
         ON CONFLICT (appeal_id) DO UPDATE SET job_ids = excluded.job_ids, synced_at = now(), resync_requested = false`,
        [JSON.stringify(rewritten)],
      );
    }
    return { added: added.length, removed: removed.length, changed: rewritten.length };
  }
}

/**
 * Per case, what the plan adds to its recorded schedule and what it replaces; the rows to write
 * are those whose ids change (a case seen for the first time has none recorded), and those a
 * calendar change marked (the mark is cleared).
 */
function scheduleChanges(ids: string[], recorded: RecordedSchedule[], planned: Map<string, PlannedDeadlineJob[]>) {
  const recordedBy = new Map(recorded.map((r) => [r.appealId, r]));
  const added: PlannedDeadlineJob[] = [];
  const removed: string[] = [];
  const rewritten: { appeal_id: string; job_ids: string[] }[] = [];
  for (const id of ids) {
    const jobs = planned.get(id) ?? [];
    const row = recordedBy.get(id);
    const held = new Set(row?.jobIds);
    const wanted = new Set(jobs.map((j) => j.jobId));
    const fresh = jobs.filter((j) => !held.has(j.jobId));
    const replaced = [...held].filter((jobId) => !wanted.has(jobId));
    added.push(...fresh);
    removed.push(...replaced);
    if (fresh.length || replaced.length || row?.resyncRequested) rewritten.push({ appeal_id: id, job_ids: [...wanted] });
  }
  return { added, removed, rewritten };
}
