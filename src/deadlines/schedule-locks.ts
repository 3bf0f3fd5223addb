import { EntityManager } from 'typeorm';

/**
 * Takes, for the caller's transaction, one lock per case on its deadline schedule, in appeal id
 * order (the sync and the reconciliation's record both do, so the two never deadlock): whoever
 * changes a case's jobs and `deadline_schedules` row holds it, and the next one waits and then
 * sees what the first recorded. Advisory locks, not row locks, because a new case has no row yet
 * and creating an empty one only to lock it doubled the writes of scheduling a case.
 */
export async function lockDeadlineSchedules(m: EntityManager, appealIds: string[]): Promise<void> {
  if (!appealIds.length) return;
  await m.query(
    // Volatile functions in the select list run after the sort, hence in id order.
    `SELECT pg_advisory_xact_lock(hashtextextended(id::text, ${SCHEDULE_LOCK_SEED}))
       FROM unnest($1::uuid[]) AS id ORDER BY id`,
    [appealIds],
  );
}

/** Keeps these locks apart from any other advisory lock keyed by a hash of an appeal id. */
const SCHEDULE_LOCK_SEED = 4_111_001;
