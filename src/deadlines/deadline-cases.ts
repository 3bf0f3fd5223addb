import { EntityManager } from 'typeorm';
import { AppealType, DeadlineState } from '../appeals/appeal.enums';
import { CLOCK_RUNNING_STATUSES, DeadlineSubject } from './deadline-plan';

/** A case as the deadline worker reads it: what the plan needs, and the effects already carried out. */
export interface DeadlineCase extends DeadlineSubject {
  type: AppealType;
  branchId: string;
  agencyId: string | null;
  deadlineState: DeadlineState;
  /** Effect keys of the staff notifications this case already produced. */
  done: Set<string>;
}

const SELECT_CASES = `
  SELECT a.id, a.status, a.type, a.due_date AS "dueDate", a.received_on AS "receivedOn", a.branch_id AS "branchId",
         a.agency_id AS "agencyId", a.deadline_state AS "deadlineState",
         coalesce((SELECT array_agg(n.effect_key) FROM staff_notifications n WHERE n.appeal_id = a.id), '{}') AS done
    FROM appeals a`;

type Row = Omit<DeadlineCase, 'done'> & { done: string[] };
const toCase = (r: Row): DeadlineCase => ({ ...r, done: new Set(r.done) });

/** These cases (those that exist), in id order; `lock` takes their rows for the caller's transaction. */
export async function loadDeadlineCases(m: EntityManager, ids: string[], lock = false): Promise<DeadlineCase[]> {
  const rows: Row[] = await m.query(`${SELECT_CASES} WHERE a.id = ANY($1::uuid[]) ORDER BY a.id ${lock ? 'FOR UPDATE OF a' : ''}`, [ids]);
  return rows.map(toCase);
}

/** The cases a sync of whose jobs still waits in the outbox (the relay will make it). */
const SYNC_IN_OUTBOX = `SELECT o.appeal_id FROM outbox o WHERE o.topic = 'deadlines' AND o.relayed_at IS NULL`;

/**
 * The next page of cases whose clock runs, after `afterId` in id order (a keyset walk over all of
 * them), each with whether a sync of its jobs still waits in the outbox (the relay will make it).
 */
export async function loadRunningCasesAfter(m: EntityManager, afterId: string, limit: number): Promise<(DeadlineCase & { syncPending: boolean })[]> {
  const rows: (Row & { syncPending: boolean })[] = await m.query(
    // Uncorrelated IN, so Postgres reads the pending rows once into a hash (outbox has no index by appeal).
    `SELECT c.*, c.id IN (${SYNC_IN_OUTBOX}) AS "syncPending"
       FROM (${SELECT_CASES} WHERE a.status = ANY($1) AND a.id > $2 ORDER BY a.id LIMIT $3) c
      ORDER BY c.id`,
    [CLOCK_RUNNING_STATUSES, afterId, limit],
  );
  return rows.map((r) => ({ ...toCase(r), syncPending: r.syncPending }));
}

/** These cases (those that exist), in id order, as {@link loadRunningCasesAfter} gives them. */
export async function loadCasesWithSyncState(m: EntityManager, ids: string[]): Promise<(DeadlineCase & { syncPending: boolean })[]> {
  const rows: (Row & { syncPending: boolean })[] = await m.query(
    `SELECT c.*, c.id IN (${SYNC_IN_OUTBOX} AND o.appeal_id = ANY($1::uuid[])) AS "syncPending"
       FROM (${SELECT_CASES} WHERE a.id = ANY($1::uuid[])) c
      ORDER BY c.id`,
    [ids],
  );
  return rows.map((r) => ({ ...toCase(r), syncPending: r.syncPending }));
}

export const FIRST_UUID = '00000000-0000-0000-0000-000000000000';
