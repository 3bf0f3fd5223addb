import { EntityManager } from 'typeorm';
import { OUTBOX_TOPICS } from '../outbox/outbox-topics';
import { writeOutbox } from '../outbox/outbox-writer';
import { PlannedDeadlineJob } from './deadline-plan';

/**
 * After a calendar change, when the recompute could not replace the jobs itself (Redis away, or its
 * replicas behind: due-date-recompute.ts): asks (through the outbox, in the caller's transaction)
 * for a resync of the cases whose plan is no longer what their schedule in Postgres records, and marks those
 * schedules until the sync has run. Compared in one statement: a case is resynced when its due
 * date moved, or when a planned job id is missing from its recorded ids and no resync of it is
 * already on its way (the mark); the requests go through the outbox writer like every other. A case whose moments all stay is left alone, as is a case asked
 * already, so the recompute's second pass a minute later asks again only for the cases a process
 * still holding the old calendar planned or registered meanwhile.
 *
 * Returns how many cases were asked for.
 */
export async function requestResyncOfChangedPlans(
  m: EntityManager,
  planned: Map<string, PlannedDeadlineJob[]>,
  dueDateMoved: ReadonlySet<string>,
): Promise<number> {
  if (!planned.size) return 0;
  const plans = [...planned].map(([id, jobs]) => ({ appeal_id: id, job_ids: jobs.map((j) => j.jobId), moved: dueDateMoved.has(id) }));
  const asked: { appeal_id: string }[] = await m.query(
    `WITH changed AS (
       SELECT v.appeal_id
         FROM jsonb_to_recordset($1::jsonb) AS v(appeal_id uuid, job_ids text[], moved boolean)
         LEFT JOIN deadline_schedules s ON s.appeal_id = v.appeal_id
        WHERE v.moved OR NOT (coalesce(s.resync_requested, false) OR coalesce(s.job_ids, '{}') @> v.job_ids)
     )
     INSERT INTO deadline_schedules (appeal_id, job_ids, resync_requested)
     SELECT appeal_id, '{}', true FROM changed ORDER BY appeal_id
     ON CONFLICT (appeal_id) DO UPDATE SET resync_requested = true
     RETURNING appeal_id`,
    [JSON.stringify(plans)],
  );
  await writeOutbox(m, asked.map((r) => ({ topic: OUTBOX_TOPICS.deadlines, appealId: r.appeal_id, payload: { after: 'calendar' } })));
  return asked.length;
}
